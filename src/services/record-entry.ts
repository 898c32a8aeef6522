import { groupCommit } from "../db/group-commit.js";
import type { Lead, LogResult } from "../db/repositories/entries.js";
import type { FollowupSpec, FollowupTarget } from "../db/repositories/followups.js";
import { type EntrySource, effectiveSources } from "../domain/crm.js";
import type { ParsedEntry } from "../domain/entry-parsing.js";
import { addDays, localDate, zonedMidnight } from "../domain/time.js";
import type { ActivityKind } from "../domain/types.js";
import { markContestsDirty } from "./contests.js";
import type { AppDeps, Member } from "./deps.js";

export interface EntryMeta {
  /** When the manager sent it (Telegram `date`), Unix ms. */
  occurredAt: number;
  /** The update that carried it, so a redelivery cannot log it twice. */
  sourceUpdateId: number | null;
  /** Set for a backdated entry (`occurredAt` is then on an earlier day): when it was logged. */
  loggedAt?: number | null;
  /** Told the stored entry's id (free-text proposals keep it for their Undo button). */
  onLogged?: (activityId: number) => void;
  /**
   * Queues the entry's follow-ups (contests' marks, and with `celebrate` the badge
   * checks) in its transaction, to run after the reply; absent: contests are marked now.
   */
  followup?: FollowupSpec;
}

/** The day last asked for in each zone: every entry asks (twice), and a burst's fall on one day. */
const lastDayIn = new Map<string, Readonly<{ from: number; to: number }>>();

/** [from, to) of the team-local day containing `ms`. */
export function localDayBounds(ms: number, tz: string): Readonly<{ from: number; to: number }> {
  const last = lastDayIn.get(tz);
  if (last && ms >= last.from && ms < last.to) return last;
  const day = localDate(ms, tz);
  const bounds = { from: zonedMidnight(day, tz), to: zonedMidnight(addDays(day, 1), tz) };
  lastDayIn.set(tz, bounds);
  return bounds;
}

/** What happened to an entry, for the reply: refused, or stored with today's count and any stage move. */
export type RecordOutcome =
  | Exclude<LogResult, { status: "logged" }>
  /** The team takes this kind from its CRM: typed in chat it would count twice, so it is not stored. */
  | { status: "from_crm" }
  | {
      status: "logged";
      /** Entries of this kind the person logged today (local day), this one included. */
      todayCount: number;
      /** The lead whose stage the entry moved, at its new stage. */
      stageMoved: Lead | null;
    };

/**
 * Stores one entry (one transaction together with its lead's stage move and, when
 * asked, its follow-up job) and marks running contests (now, or through the job):
 * what every source of entries (chat, CRM) goes through.
 */
export function storeEntry(deps: AppDeps, teamId: number, userId: number, entry: ParsedEntry, meta: EntryMeta): LogResult {
  const result = deps.repos.entries.log({
    teamId,
    userId,
    ...entry,
    occurredAt: meta.occurredAt,
    sourceUpdateId: meta.sourceUpdateId,
    loggedAt: meta.loggedAt ?? null,
    ...(meta.followup ? { followup: { spec: meta.followup, at: deps.now() } } : {}),
  });
  if (result.status !== "logged") return result;
  meta.onLogged?.(result.activity.id);
  // A running contest's live standings are edited by the scheduler, at most once a minute.
  if (!meta.followup) markContestsDirty(deps, teamId, userId, meta.occurredAt);
  return result;
}

/**
 * Stores one entry a person typed, with the reply's facts (today's count, stage
 * move). Its contests' marks, badges and milestones are queued with it and run
 * after the reply (services/followups.ts); `notify`: where the congratulation goes.
 */
export function recordEntry(
  deps: AppDeps,
  member: Member,
  entry: ParsedEntry,
  meta: Omit<EntryMeta, "followup"> & { notify: FollowupTarget | null },
): RecordOutcome {
  if (sourceOf(deps, member.team.id, entry.kind) === "crm") return { status: "from_crm" };
  const result = storeEntry(deps, member.team.id, member.user.id, entry, { ...meta, followup: { celebrate: true, target: meta.notify } });
  if (result.status !== "logged") return result;
  if (meta.notify) deps.onReplyPending?.(meta.notify.chatId);
  const day = localDayBounds(meta.occurredAt, member.team.timezone);
  const todayCount = deps.repos.entries.countKind(member.team.id, member.user.id, entry.kind, day.from, day.to);
  const lead = result.lead;
  deps.logger.info({ activity_id: result.activity.id, kind: entry.kind, team_id: member.team.id, user_id: member.user.id }, "entry logged");
  return {
    status: "logged",
    todayCount,
    stageMoved: lead && result.entered.length > 0 && entry.kind !== "lead" ? lead : null,
  };
}

/**
 * `recordEntry` committed together with the other entries of this turn of the event
 * loop (one commit for a burst); resolves once it is on disk, so the reply waits for it.
 */
export function recordEntryCommitted(
  deps: AppDeps,
  member: Member,
  entry: ParsedEntry,
  meta: Omit<EntryMeta, "followup"> & { notify: FollowupTarget | null },
): Promise<RecordOutcome> {
  return groupCommit(deps.db).run(() => recordEntry(deps, member, entry, meta));
}

/**
 * Where a team's entries of a kind come from (issue 21): one source per kind, so an
 * event reported both in chat and in the CRM counts once. Without a CRM, chat.
 */
export function sourceOf(deps: AppDeps, teamId: number, kind: ActivityKind): EntrySource {
  return deps.repos.crm.hasActive(teamId) ? effectiveSources(true, deps.repos.crm.sources(teamId))[kind] : "chat";
}
