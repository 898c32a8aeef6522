// Reporting periods pinned to the calendar: a typed spec resolved against `now`
// in the team's zone, the dates it covers, and the share of working days gone
// (used for plan pace).

import type { PeriodSpec } from "./period-parsing.js";
import { addDays, daysBetween, daysInMonth, isoWeekday, localDate, parseDateParts, zonedMidnight } from "./time.js";
import type { Period } from "./types.js";

export interface ResolveOptions {
  /** ISO weekday the week starts on: 1 = Monday (default) … 7 = Sunday. */
  weekStart?: number;
}

function checkWeekStart(weekStart: number): number {
  if (!Number.isInteger(weekStart) || weekStart < 1 || weekStart > 7) {
    throw new RangeError(`weekStart must be an ISO weekday 1..7, got ${weekStart}`);
  }
  return weekStart;
}

/** First date of the week (starting on ISO weekday `weekStart`) that contains `date`. */
export function weekStartDate(date: string, weekStart = 1): string {
  const back = (isoWeekday(date) - checkWeekStart(weekStart) + 7) % 7;
  return addDays(date, -back);
}

function monthStart(year: number, month: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
}

function monthEnd(year: number, month: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(daysInMonth(year, month)).padStart(2, "0")}`;
}

function makePeriod(startDate: string, endDate: string, tz: string, kind: string): Period {
  return {
    from: zonedMidnight(startDate, tz),
    // Half-open: ends at the start of the day after the last one, so DST days
    // keep their real 23 h / 25 h length.
    to: zonedMidnight(addDays(endDate, 1), tz),
    startDate,
    endDate,
    kind,
  };
}

function toDate(year: number, month: number, day: number): string {
  // A yearless 29.02 resolved into a non-leap year becomes 28.02.
  const d = Math.min(day, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Pins a spec to concrete instants. Calendar periods (week, month, quarter,
 * year) always cover the whole calendar period, including days still ahead,
 * so plans compare against the full period. Yearless dates take the current
 * local year, or the previous one if that would start after today.
 */
export function resolvePeriod(spec: PeriodSpec, now: number, tz: string, opts: ResolveOptions = {}): Period {
  const weekStart = checkWeekStart(opts.weekStart ?? 1);
  const today = localDate(now, tz);
  const { year, month } = parseDateParts(today);
  switch (spec.kind) {
    case "today":
      return makePeriod(today, today, tz, "today");
    case "yesterday": {
      const d = addDays(today, -1);
      return makePeriod(d, d, tz, "yesterday");
    }
    case "week": {
      const start = weekStartDate(today, weekStart);
      return makePeriod(start, addDays(start, 6), tz, "week");
    }
    case "lastweek": {
      const start = addDays(weekStartDate(today, weekStart), -7);
      return makePeriod(start, addDays(start, 6), tz, "lastweek");
    }
    case "month":
      return makePeriod(monthStart(year, month), monthEnd(year, month), tz, "month");
    case "lastmonth": {
      const y = month === 1 ? year - 1 : year;
      const m = month === 1 ? 12 : month - 1;
      return makePeriod(monthStart(y, m), monthEnd(y, m), tz, "lastmonth");
    }
    case "quarter": {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return makePeriod(monthStart(year, first), monthEnd(year, first + 2), tz, "quarter");
    }
    case "lastquarter": {
      let first = Math.floor((month - 1) / 3) * 3 + 1 - 3;
      let y = year;
      if (first < 1) {
        first += 12;
        y -= 1;
      }
      return makePeriod(monthStart(y, first), monthEnd(y, first + 2), tz, "lastquarter");
    }
    case "year":
      return makePeriod(monthStart(year, 1), monthEnd(year, 12), tz, "year");
    case "date":
    case "range": {
      const s = spec.kind === "date" ? spec.date : spec.start;
      const e = spec.kind === "date" ? spec.date : spec.end;
      let y = s.year ?? year;
      if (s.year === null && toDate(y, s.month, s.day) > today) y -= 1;
      const startDate = toDate(y, s.month, s.day);
      // A yearless end shares the start's year (parsePeriod forbids wrapping).
      const endDate = toDate(e.year ?? y, e.month, e.day);
      return makePeriod(startDate, endDate, tz, spec.kind);
    }
  }
}

/** Every local date of the period, in order (inclusive of endDate). */
export function listDates(period: Period): string[] {
  const n = daysBetween(period.startDate, period.endDate);
  const out: string[] = [];
  for (let i = 0; i <= n; i++) out.push(addDays(period.startDate, i));
  return out;
}

export interface WorkdayShare {
  total: number;
  elapsed: number;
  share: number;
}

/**
 * How much of the period's working time is gone: whole working days before
 * today's local date, plus the elapsed fraction of today (measured against the
 * real local day length, so DST days still run 0 → 1) if today is a working day
 * inside the period. Used to judge plan pace.
 */
export function workdayShare(period: Period, now: number, tz: string, workdays: number[] = [1, 2, 3, 4, 5]): WorkdayShare {
  const isWorkday = new Set(workdays);
  const today = localDate(now, tz);
  let total = 0;
  let elapsed = 0;
  for (const date of listDates(period)) {
    if (!isWorkday.has(isoWeekday(date))) continue;
    total += 1;
    if (date < today) {
      elapsed += 1;
    } else if (date === today) {
      const start = zonedMidnight(date, tz);
      const end = zonedMidnight(addDays(date, 1), tz);
      elapsed += Math.min(1, Math.max(0, (now - start) / (end - start)));
    }
  }
  let share: number;
  if (now >= period.to) share = 1;
  else if (now < period.from || total === 0) share = 0;
  else share = elapsed / total;
  return { total, elapsed, share };
}
