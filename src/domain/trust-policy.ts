// The trust policy: who may see which figure, where. Every surface that shows a
// figure (replies, posts, files, the Mini App's JSON, the TV page) asks it, so a new
// metric or field is private or public by its definition, never by each command.
// Pure: the callers say who is looking and where the figure goes.

import { METRICS, type MetricKey, type MetricSurface, metricsOn, type ReportSection } from "./metrics.js";

/**
 * How far a figure may travel, from the most open:
 * team: anyone the team shares figures with (its members, its group, its TV page,
 *   its league peers as team totals);
 * member: the team's members only, in any of its chats (never the TV page or a league);
 * own: the person it belongs to and the team's heads, in a private chat (or an answer only they see);
 * head: the team's heads only, in a private chat (anything derived from costs:
 *   with a manager's CAC and new-customer count, their salary follows);
 * pay: the person and the heads, in a private chat (bonus amounts, costs, inputs).
 */
export const SENSITIVITIES = ["team", "member", "own", "head", "pay"] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/**
 * Who is looking. head / manager: a member of the figure's team; outsider: a member
 * of another team (leagues); stranger: nobody in particular (the public TV page, a
 * group that is no team).
 */
export const VIEWER_ROLES = ["head", "manager", "outsider", "stranger"] as const;
export type ViewerRole = (typeof VIEWER_ROLES)[number];

/**
 * Where the figure goes. A group's message, and a file sent there, is read by every
 * member: a group is as open as its least entitled reader.
 * ephemeral: a message in the team's group that only the one who asked sees
 * (Telegram's ephemeral messages). It counts as their private view for `team`,
 * `member` and `own` figures, but never for `head` or `pay` ones: that nobody else
 * sees it is Telegram's promise, not something the bot can check, and a head's
 * figures or someone's pay on the group's screen are too costly to bet on it.
 */
export const CHANNELS = ["private", "ephemeral", "team_group", "other_group", "public"] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Audience {
  role: ViewerRole;
  channel: Channel;
}

/** Whose figure it is, seen from the viewer: their own, another person's, or the team's. */
export type Whose = "self" | "other" | "team";

/** Figures that are not metrics, each with its sensitivity. */
export const FIELD_SENSITIVITY = {
  /** Heads' coaching notes on a manager. */
  coach_notes: "head",
  /** The gaming flags on a manager's entries. */
  flags: "head",
  /** A person's bonus lines and amounts. */
  bonus: "pay",
  /** The head's monthly inputs: market volume, margin, costs and overhead. */
  inputs: "pay",
  /** Telegram user ids: they identify a person outside the team's chats. */
  user_ids: "member",
} as const satisfies Record<string, Sensitivity>;
export type Field = keyof typeof FIELD_SENSITIVITY;

/** The one rule: may `audience` see a figure of this sensitivity, belonging to `whose`? */
export function mayShow(sensitivity: Sensitivity, audience: Audience, whose: Whose = "team"): boolean {
  const member = audience.role === "head" || audience.role === "manager";
  switch (sensitivity) {
    case "team":
      // Outsiders and strangers see team figures only where the team shares them
      // (league totals, the TV page); names and ids are decided by own fields.
      return member || audience.channel === "public" || audience.role === "outsider";
    case "member":
      return member;
    case "own":
      return (
        (audience.channel === "private" || audience.channel === "ephemeral") &&
        (audience.role === "head" || (audience.role === "manager" && whose === "self"))
      );
    case "pay":
      return audience.channel === "private" && (audience.role === "head" || (audience.role === "manager" && whose === "self"));
    case "head":
      return audience.channel === "private" && audience.role === "head";
  }
}

/** May `audience` see this metric's values? */
export function mayShowMetric(key: MetricKey, audience: Audience, whose: Whose = "team"): boolean {
  return mayShow(METRICS[key].sensitivity, audience, whose);
}

/** May `audience` see this field? */
export function mayShowField(field: Field, audience: Audience, whose: Whose = "team"): boolean {
  return mayShow(FIELD_SENSITIVITY[field], audience, whose);
}

/** The metrics a surface shows to `audience`, in catalogue order. */
export function metricsFor(surface: MetricSurface, audience: Audience, section?: ReportSection): MetricKey[] {
  return metricsOn(surface, section).filter((k) => mayShowMetric(k, audience));
}

/** A team member in a chat: private, their team's group, or someone else's. */
export function memberAudience(role: "head" | "manager", chat: "private" | "group"): Audience {
  return { role, channel: chat === "private" ? "private" : "team_group" };
}

/** A post or file in the team's group: read by every member. */
export const TEAM_GROUP: Audience = { role: "manager", channel: "team_group" };
/** A head in the private chat: sees everything of their team. */
export const HEAD_PRIVATE: Audience = { role: "head", channel: "private" };
/** The public TV page: whoever holds the link. */
export const PUBLIC_PAGE: Audience = { role: "stranger", channel: "public" };
/** Another team's group or member (leagues). */
export const OTHER_TEAM: Audience = { role: "outsider", channel: "other_group" };
