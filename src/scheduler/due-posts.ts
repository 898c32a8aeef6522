import { firstWorkday, inQuietHours, minutesOf, type TeamSettings } from "../domain/team-settings.js";
import { localClock } from "../domain/time.js";

export type PostKind = "summary" | "evening" | "weekly" | "nudge" | "checks" | "league";

/** One occurrence of a scheduled post: a kind on a local date (checks: per hour). */
export interface Slot {
  kind: PostKind;
  /** Local date the post belongs to. */
  localDate: string;
  /** "summary", "checks@14", …: what the posts table dedupes on with the date. */
  key: string;
}

interface SlotRule {
  kind: PostKind;
  time: (s: TeamSettings) => string;
  /** Minutes after the time during which a missed post is still worth sending. */
  windowMinutes: (s: TeamSettings) => number;
  days: (s: TeamSettings) => number[];
  /** The post toggle that turns it on and off, when not its own kind. */
  toggle?: keyof TeamSettings["enabled"];
}

const END_OF_DAY = 24 * 60;

// Windows: a morning summary is news until lunch; an evening leaderboard until late
// evening; the weekly podium all day Monday; a nudge until the working day is over.
const RULES: SlotRule[] = [
  { kind: "summary", time: (s) => s.summaryTime, windowMinutes: () => 4 * 60, days: (s) => s.workdays },
  {
    kind: "evening",
    time: (s) => s.eveningTime,
    windowMinutes: (s) => Math.max(30, 23 * 60 - minutesOf(s.eveningTime)),
    days: (s) => s.workdays,
  },
  {
    kind: "weekly",
    time: (s) => s.weeklyTime,
    windowMinutes: (s) => END_OF_DAY - minutesOf(s.weeklyTime),
    days: (s) => [firstWorkday(s.workdays)],
  },
  { kind: "nudge", time: (s) => s.nudgeTime, windowMinutes: () => 3 * 60, days: (s) => s.workdays },
  // The league's last week, on Monday (one calendar week for every team in the league)
  // at the weekly podium's time and with its toggle; sent only by teams in a league.
  {
    kind: "league",
    time: (s) => s.weeklyTime,
    windowMinutes: (s) => END_OF_DAY - minutesOf(s.weeklyTime),
    days: () => [1],
    toggle: "weekly",
  },
];

const enabled = (s: TeamSettings, rule: SlotRule) => s.enabled[rule.toggle ?? (rule.kind as keyof TeamSettings["enabled"])];

/**
 * The posts due at `now` for a team: each slot whose local time has come today
 * and whose window has not closed, outside quiet hours. Pure: the scheduler
 * records each slot before sending, so calling this again never repeats a post.
 */
export function dueSlots(settings: TeamSettings, tz: string, now: number): Slot[] {
  const clock = localClock(now, tz);
  const minute = clock.hour * 60 + clock.minute;
  if (inQuietHours(settings, minute)) return [];
  const due: Slot[] = [];
  for (const rule of RULES) {
    if (!enabled(settings, rule)) continue;
    if (!rule.days(settings).includes(clock.weekday)) continue;
    const at = minutesOf(rule.time(settings));
    if (minute >= at && minute < Math.min(END_OF_DAY, at + rule.windowMinutes(settings))) {
      due.push({ kind: rule.kind, localDate: clock.date, key: rule.kind });
    }
  }
  // Funnel checks: every hour on the hour within [from, to], each hour once.
  const from = minutesOf(settings.checksFrom);
  const to = minutesOf(settings.checksTo);
  if (settings.enabled.alerts && minute >= from && minute < to + 60 && clock.hour * 60 <= to) {
    due.push({ kind: "checks", localDate: clock.date, key: `checks@${String(clock.hour).padStart(2, "0")}` });
  }
  return due;
}

/** node-cron expressions (in the team's zone) that wake the scheduler when a slot opens. */
export function cronExpressions(settings: TeamSettings): { kind: PostKind; expression: string }[] {
  const dow = (days: number[]) => days.map((d) => d % 7).join(",");
  const at = (time: string, days: number[]) => {
    const [h, m] = time.split(":").map(Number);
    return `${m} ${h} * * ${dow(days)}`;
  };
  const out = RULES.filter((r) => enabled(settings, r)).map((r) => ({
    kind: r.kind,
    expression: at(r.time(settings), r.days(settings)),
  }));
  if (settings.enabled.alerts) {
    const fromH = Math.floor(minutesOf(settings.checksFrom) / 60);
    const toH = Math.floor(minutesOf(settings.checksTo) / 60);
    out.push({ kind: "checks", expression: `0 ${fromH}-${toH} * * *` });
  }
  return out;
}
