import { z } from "zod";
import { DEFAULT_BACKDATE_DAYS, MAX_BACKDATE_DAYS } from "./backdating.js";
import { DEFAULT_FLAG_SETTINGS, flagSettingsSchema } from "./gaming-flags.js";
import { LOCALES } from "./locales.js";
import { METRIC_KEYS } from "./metrics.js";

/** "HH:MM", 00:00–23:59. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** The active-customer window's bounds (`/settings customers 90`): a week to two years. */
export const MIN_ACTIVE_CUSTOMER_DAYS = 7;
export const MAX_ACTIVE_CUSTOMER_DAYS = 730;

/** Where a scheduled post goes: the heads' private chats, the team's group. */
export const POST_DESTINATIONS = ["head", "group"] as const;
export type PostDestination = (typeof POST_DESTINATIONS)[number];

const destinations = z.array(z.enum(POST_DESTINATIONS)).max(2);

/**
 * The scheduled posts a head can turn on and off (`/settings summary off`, the
 * toggle buttons); `alerts` switches the hourly funnel checks. All on by default.
 */
export const POST_KEYS = ["summary", "evening", "weekly", "alerts", "nudge"] as const;
export type PostKey = (typeof POST_KEYS)[number];
const postToggles = z.object(
  Object.fromEntries(POST_KEYS.map((k) => [k, z.boolean().default(true)])) as Record<PostKey, z.ZodDefault<z.ZodBoolean>>,
);

/**
 * A team's schedule and coaching rules, kept as JSON on the team row. Every
 * field has a default, so old rows and partial edits always parse.
 */
export const teamSettingsSchema = z.object({
  workdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]),
  summaryTime: clockTime.default("09:00"),
  eveningTime: clockTime.default("18:30"),
  weeklyTime: clockTime.default("09:05"),
  nudgeTime: clockTime.default("18:00"),
  /** Hourly funnel checks run on the hour within [from, to]. */
  checksFrom: clockTime.default("09:00"),
  checksTo: clockTime.default("19:00"),
  summaryTo: destinations.default(["head", "group"]),
  leaderboardTo: destinations.default(["group"]),
  alertsTo: destinations.default(["group"]),
  /** Forum topic for group posts (message_thread_id), or null for the main chat. */
  topicId: z.number().int().positive().nullable().default(null),
  leadNewHours: z
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  stuckDays: z.number().positive().max(365).default(7),
  conversionDropPoints: z.number().positive().max(100).default(10),
  /** No posts between these local times (an interval may cross midnight); null = none. */
  quietFrom: clockTime.nullable().default(null),
  quietTo: clockTime.nullable().default(null),
  mainMetric: z.enum(METRIC_KEYS).default("deals"),
  /**
   * Where the evening nudge goes: each manager's private chat (the default: delivered
   * for sure), or the team's group as one message per manager that only they see
   * (an ephemeral message; Telegram does not promise an offline user gets it).
   */
  nudgeTo: z.enum(["private", "group"]).default("private"),
  /** The evening leaderboard: raw values (`plain`) or by % of each one's own plan (`fair`). */
  leaderboardMode: z.enum(["plain", "fair"]).default("plain"),
  /** A customer is active with a won deal within this many days (active customers, churn). */
  activeCustomerDays: z.number().int().min(MIN_ACTIVE_CUSTOMER_DAYS).max(MAX_ACTIVE_CUSTOMER_DAYS).default(90),
  /** Free text read with confidence as one entry is stored at once (with an Undo button) instead of asking. */
  autoLog: z.boolean().default(false),
  /** Anti-gaming flag thresholds (`/settings flags …`). */
  flags: flagSettingsSchema.default(DEFAULT_FLAG_SETTINGS),
  /** How many days back an entry may be logged for (`/call вчера`); 0: only today. */
  backdateDays: z.number().int().min(0).max(MAX_BACKDATE_DAYS).default(DEFAULT_BACKDATE_DAYS),
  /** The head's point weights (points.ts): only the changed ones; the rest are the catalogue's. */
  points: z.record(z.string(), z.number().int().min(0).max(1000)).default({}),
  /**
   * Team holidays (holidays.ts): "MM-DD" every year, or "YYYY-MM-DD" once. They never
   * break a streak and do not count toward one.
   */
  holidays: z
    .array(z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/))
    .max(400)
    .default([]),
  enabled: postToggles.default(Object.fromEntries(POST_KEYS.map((k) => [k, true])) as Record<PostKey, boolean>),
});

export type TeamSettings = z.infer<typeof teamSettingsSchema>;

/** Settings from the stored JSON; fields that fail validation fall back to defaults. */
export function readTeamSettings(json: unknown): TeamSettings {
  const parsed = teamSettingsSchema.safeParse(json ?? {});
  if (parsed.success) return parsed.data;
  const obj = typeof json === "object" && json !== null ? { ...(json as Record<string, unknown>) } : {};
  for (const issue of parsed.error.issues) delete obj[String(issue.path[0])];
  return teamSettingsSchema.parse(obj);
}

export const userSettingsSchema = z.object({
  language: z.enum(LOCALES).nullable().default(null),
  nudge: z.boolean().default(true),
  /** The weekly private coaching note (issue 8). */
  coaching: z.boolean().default(true),
});
export type UserSettings = z.infer<typeof userSettingsSchema>;

export function readUserSettings(json: unknown): UserSettings {
  const parsed = userSettingsSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : userSettingsSchema.parse({});
}

/**
 * The day a team's week starts: the workday right after a day off (Sunday for a
 * Sunday–Thursday team); Monday when every day is a workday.
 */
export function firstWorkday(workdays: readonly number[]): number {
  const set = new Set(workdays);
  const first = [...set].sort().find((d) => !set.has(d === 1 ? 7 : d - 1));
  return first ?? 1;
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}

/** Whether a local clock time falls in the quiet interval (which may wrap past midnight). */
export function inQuietHours(settings: TeamSettings, minute: number): boolean {
  if (!settings.quietFrom || !settings.quietTo) return false;
  const from = minutesOf(settings.quietFrom);
  const to = minutesOf(settings.quietTo);
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

// A Map: "constructor" is not a weekday.
const DAY_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    mon: 1,
    tue: 2,
    wed: 3,
    thu: 4,
    fri: 5,
    sat: 6,
    sun: 7,
    пн: 1,
    вт: 2,
    ср: 3,
    чт: 4,
    пт: 5,
    сб: 6,
    вс: 7,
  }),
);

/** "1-5", "пн-пт", "mon,wed,fri", "1,2,3,4,5,6" → sorted ISO weekdays, or null. */
export function parseWorkdays(text: string): number[] | null {
  const days = new Set<number>();
  const day = (w: string) => (/^[1-7]$/.test(w) ? Number(w) : (DAY_WORDS.get(w.toLowerCase()) ?? null));
  for (const part of text.split(/[,\s]+/).filter(Boolean)) {
    const range = part.split(/[-–]/);
    if (range.length === 2) {
      const a = day(range[0]!);
      const b = day(range[1]!);
      if (a === null || b === null || a > b) return null;
      for (let d = a; d <= b; d++) days.add(d);
    } else {
      const d = day(part);
      if (d === null) return null;
      days.add(d);
    }
  }
  return days.size > 0 ? [...days].sort() : null;
}
