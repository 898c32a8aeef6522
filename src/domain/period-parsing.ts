// Reporting periods as typed: keywords in Russian or English ("неделя",
// "last week") and dates or ranges ("15.11", "01.11–15.11", "2026-11-01..2026-11-15").

import { isTypedYear, isValidDate } from "./time.js";

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
  if (!isTypedYear(year)) return null;
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
