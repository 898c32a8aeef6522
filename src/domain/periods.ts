// Reporting periods: parsing what a user types ("неделя", "01.11–15.11"),
// resolving it against `now` in the team's zone, labels, and the share of
// working days gone (used for plan pace).

import { addDays, daysBetween, daysInMonth, isoWeekday, isValidDate, localDate, parseDateParts, zonedMidnight } from "./time.js";
import type { Period } from "./types.js";

export type PeriodKeyword = "today" | "yesterday" | "week" | "lastweek" | "month" | "lastmonth" | "quarter" | "lastquarter" | "year";

/** A calendar day as typed; `year` is null when the user omitted it ("15.11"). */
export interface DaySpec {
  year: number | null;
  month: number;
  day: number;
}

/** What the user asked for, before it is pinned to `now` and a zone. */
export type PeriodSpec = { kind: PeriodKeyword } | { kind: "range"; start: DaySpec; end: DaySpec } | { kind: "date"; date: DaySpec };

// Keys are compared with spaces, "_" and "-" removed, so "last week",
// "last_week", "прошлая неделя" and "прошлаянеделя" are all one key.
const KEYWORDS: ReadonlyMap<string, PeriodKeyword> = new Map(
  Object.entries({
    today: "today",
    day: "today",
    yesterday: "yesterday",
    week: "week",
    lastweek: "lastweek",
    month: "month",
    lastmonth: "lastmonth",
    quarter: "quarter",
    lastquarter: "lastquarter",
    year: "year",
    сегодня: "today",
    вчера: "yesterday",
    неделя: "week",
    неделю: "week", // "за неделю"
    прошлаянеделя: "lastweek",
    прошлуюнеделю: "lastweek",
    месяц: "month",
    прошлыймесяц: "lastmonth",
    квартал: "quarter",
    прошлыйквартал: "lastquarter",
    год: "year",
  } satisfies Record<string, PeriodKeyword>),
);

// "15.11", "15.11.2026", "15.11.26" or "2026-11-15".
const DAY_SRC = String.raw`\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}(?:\.(?:\d{4}|\d{2}))?`;
const SINGLE_RE = new RegExp(`^(${DAY_SRC})$`);
// Separator: en dash, em dash, hyphen or "..", optionally spaced.
const RANGE_RE = new RegExp(`^(${DAY_SRC})\\s*(?:–|—|-|\\.\\.)\\s*(${DAY_SRC})$`);

function parseDaySpec(text: string): DaySpec | null {
  let year: number | null;
  let month: number;
  let day: number;
  if (text.includes("-")) {
    const [y, m, d] = text.split("-").map(Number) as [number, number, number];
    year = y;
    month = m;
    day = d;
  } else {
    const parts = text.split(".");
    day = Number(parts[0]);
    month = Number(parts[1]);
    const y = parts[2];
    // Two-digit years are this century: "15.11.26" is 2026.
    year = y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
  }
  if (year === null) {
    // Without a year only reject what is impossible in every year; 29.02 is
    // checked again once the year is known (see resolveDay).
    return isValidDate(2000, month, day) ? { year, month, day } : null;
  }
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

function compareDaySpec(a: DaySpec, b: DaySpec): number {
  return ((a.year ?? 0) - (b.year ?? 0)) * 10_000 + (a.month - b.month) * 100 + (a.day - b.day);
}

/**
 * Parses a period argument (case-insensitive). Returns null for anything
 * unrecognised, impossible dates (31.02, month 13) and ranges whose start is
 * after their end.
 */
export function parsePeriod(text: string): PeriodSpec | null {
  const t = text.trim().toLowerCase();
  if (t === "") return null;
  // A Map, not an object lookup: "constructor" must not resolve to Object.prototype.
  const keyword = KEYWORDS.get(t.replace(/[\s_-]+/g, ""));
  if (keyword !== undefined) return { kind: keyword };

  const single = SINGLE_RE.exec(t);
  if (single !== null) {
    const date = parseDaySpec(single[1]!);
    return date === null ? null : { kind: "date", date };
  }

  const range = RANGE_RE.exec(t);
  if (range === null) return null;
  const start = parseDaySpec(range[1]!);
  const end = parseDaySpec(range[2]!);
  if (start === null || end === null) return null;
  // "01.11–15.11.2026": a yearless side borrows the other side's year.
  if (start.year === null && end.year !== null) start.year = end.year;
  if (end.year === null && start.year !== null) end.year = start.year;
  if (
    (start.year !== null && !isValidDate(start.year, start.month, start.day)) ||
    (end.year !== null && !isValidDate(end.year, end.month, end.day))
  ) {
    return null;
  }
  // Yearless ranges never wrap a New Year: "20.12–10.01" is rejected.
  if (compareDaySpec(start, end) > 0) return null;
  return { kind: "range", start, end };
}

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

const MONTHS_RU = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function dm(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}`;
}

function dmy(date: string): string {
  return `${dm(date)}.${date.slice(0, 4)}`;
}

/**
 * Human label: "ноябрь 2026" / "November 2026", "16.11–22.11", "сегодня, 26.11",
 * "4 кв. 2026" / "Q4 2026". Years are shown on day ranges only when the range
 * crosses a New Year.
 */
export function periodLabel(period: Period, locale: "ru" | "en"): string {
  const ru = locale === "ru";
  const { year, month } = parseDateParts(period.startDate);
  switch (period.kind) {
    case "today":
      return `${ru ? "сегодня" : "today"}, ${dm(period.startDate)}`;
    case "yesterday":
      return `${ru ? "вчера" : "yesterday"}, ${dm(period.startDate)}`;
    case "month":
    case "lastmonth":
      return `${(ru ? MONTHS_RU : MONTHS_EN)[month - 1]} ${year}`;
    case "quarter":
    case "lastquarter": {
      const q = Math.floor((month - 1) / 3) + 1;
      return ru ? `${q} кв. ${year}` : `Q${q} ${year}`;
    }
    case "year":
      return ru ? `${year} год` : String(year);
    default: {
      if (period.startDate === period.endDate) return dm(period.startDate);
      const sameYear = period.startDate.slice(0, 4) === period.endDate.slice(0, 4);
      return sameYear ? `${dm(period.startDate)}–${dm(period.endDate)}` : `${dmy(period.startDate)}–${dmy(period.endDate)}`;
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

export type Grouping = "day" | "week" | "month";

/**
 * Time-series bucket of a local date: the date itself, the first date of its
 * week ("YYYY-MM-DD", so weeks sort and label easily whatever weekStart is), or
 * "YYYY-MM".
 */
export function bucketKeyForDate(date: string, grouping: Grouping, weekStart = 1): string {
  switch (grouping) {
    case "day":
      return date;
    case "week":
      return weekStartDate(date, weekStart);
    case "month":
      return date.slice(0, 7);
  }
}

/** Bucket of an instant in `tz` (see bucketKeyForDate). */
export function bucketKey(ms: number, tz: string, grouping: Grouping, weekStart = 1): string {
  return bucketKeyForDate(localDate(ms, tz), grouping, weekStart);
}

/** All bucket keys a period touches, in order, without duplicates. */
export function bucketKeys(period: Period, grouping: Grouping, weekStart = 1): string[] {
  const keys: string[] = [];
  for (const date of listDates(period)) {
    const key = bucketKeyForDate(date, grouping, weekStart);
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  return keys;
}
