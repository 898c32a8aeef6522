// The workday streak (the catalogue's "Motivation"): consecutive team workdays
// (its workdays minus its holidays) with at least one entry, up to and including
// the last finished workday, plus today once today has an entry. Days off and
// holidays neither count nor break it; an entry on a day off earns points but no
// streak day. Dates are the team's local dates, so time zones and DST changes are
// settled before this (by localDate) and never shift a day.

import { addDays, isoWeekday, localDate } from "./time.js";

export interface StreakInput {
  /** Local dates ("YYYY-MM-DD") on which the manager logged at least one entry. */
  activeDates: ReadonlySet<string>;
  /** Today's local date in the team's zone. */
  today: string;
  /** ISO weekdays the team works (Monday = 1). */
  workdays: readonly number[];
  isHoliday: (date: string) => boolean;
}

export function currentStreak(input: StreakInput): number {
  const { activeDates, today, isHoliday } = input;
  const workdays = new Set(input.workdays);
  const isWorkday = (d: string) => workdays.has(isoWeekday(d)) && !isHoliday(d);
  // Nothing before the first entry can extend a streak: stop the walk there.
  let earliest = today;
  for (const d of activeDates) if (d < earliest) earliest = d;
  let streak = isWorkday(today) && activeDates.has(today) ? 1 : 0;
  for (let d = addDays(today, -1); d >= earliest; d = addDays(d, -1)) {
    if (!isWorkday(d)) continue;
    if (!activeDates.has(d)) break;
    streak += 1;
  }
  return streak;
}

/** The local dates (team zone) on which any of these entries were logged. */
export function activeDatesOf(instants: Iterable<number>, tz: string): Set<string> {
  const out = new Set<string>();
  for (const ms of instants) out.add(localDate(ms, tz));
  return out;
}
