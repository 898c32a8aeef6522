// The head's monthly business inputs (`/inputs`) and how a month's value is found:
// a value holds from its month until a later month gets one, and history is kept
// (a newer set for the same month wins). Pure: the rows come from the database.

import { parseAmount } from "./amounts.js";
import { daysInMonth, localDate } from "./time.js";
import type { Period } from "./types.js";

/** market: the whole market's sales; margin: gross margin %; costs: one manager's sales costs; overhead: the team's shared costs. */
export const INPUT_KINDS = ["market", "margin", "costs", "overhead"] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export interface InputRow {
  id: number;
  kind: InputKind;
  /** "YYYY-MM". */
  month: string;
  /** Whose costs (kind "costs"); null otherwise. */
  userId: number | null;
  /** Kopecks, or a percent for "margin". */
  value: number;
  setAt: number;
}

/** An input a metric needs and nobody entered: "/inputs market", "/inputs costs @ivan". */
export interface MissingInput {
  kind: InputKind;
  userId: number | null;
}

/** "2026-11" of a local date "2026-11-29". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `n` months after "YYYY-MM" (negative: before). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

/** The team-local month an instant falls in. */
export function monthAt(ms: number, tz: string): string {
  return monthOf(localDate(ms, tz));
}

/** The value holding for `month`: the latest set for the newest month ≤ it; null when none was ever set. */
export function inputFor(rows: readonly InputRow[], kind: InputKind, month: string, userId: number | null = null): number | null {
  let best: InputRow | null = null;
  for (const r of rows) {
    if (r.kind !== kind || r.userId !== userId || r.month > month) continue;
    if (
      best === null ||
      r.month > best.month ||
      (r.month === best.month && (r.setAt > best.setAt || (r.setAt === best.setAt && r.id > best.id)))
    ) {
      best = r;
    }
  }
  return best?.value ?? null;
}

/**
 * The months a period touches, each with the share of its days the period covers
 * (a whole month 1; 1–15 November 0.5): monthly money inputs count pro rata by days.
 */
export function monthShares(period: Period): { month: string; share: number }[] {
  const out: { month: string; share: number }[] = [];
  let month = monthOf(period.startDate);
  const last = monthOf(period.endDate);
  while (month <= last) {
    const [y, m] = month.split("-").map(Number) as [number, number];
    const days = daysInMonth(y, m);
    const first = month === monthOf(period.startDate) ? Number(period.startDate.slice(8, 10)) : 1;
    const end = month === last ? Number(period.endDate.slice(8, 10)) : days;
    out.push({ month, share: (end - first + 1) / days });
    month = addMonths(month, 1);
  }
  return out;
}

/** A money input over a period: the months' values pro rata; null when a covered month has none. */
export function moneyOver(rows: readonly InputRow[], kind: InputKind, period: Period, userId: number | null = null): number | null {
  let sum = 0;
  for (const { month, share } of monthShares(period)) {
    const v = inputFor(rows, kind, month, userId);
    if (v === null) return null;
    sum += v * share;
  }
  return sum;
}

// ---- Reading `/inputs` arguments ----

export type InputValueError = "format" | "negative" | "percent_range" | "too_large" | "zero";

/** A money input ("12m", "150 тыс", "50k") in kopecks; 0 is allowed (no overhead). */
export function parseInputMoney(text: string): { value: number } | { error: InputValueError } {
  const t = text.trim();
  if (/^[-−–]/u.test(t)) return { error: "negative" };
  if (/^0+(?:[.,]0+)?$/.test(t)) return { value: 0 };
  const r = parseAmount(t);
  if ("error" in r) return { error: r.error === "zero" ? "format" : r.error };
  return { value: r.minor };
}

/** A percent 0–100 ("30%", "30", "27,5 %"). */
export function parsePercent(text: string): { value: number } | { error: InputValueError } {
  const t = text.trim();
  if (/^[-−–]/u.test(t)) return { error: "negative" };
  const m = /^(\d+(?:[.,]\d+)?)\s*%?$/u.exec(t);
  if (m === null) return { error: "format" };
  const p = Number(m[1]!.replace(",", "."));
  return p > 100 ? { error: "percent_range" } : { value: p };
}

const MONTH_NAMES: readonly (readonly string[])[] = [
  ["январь", "января", "янв", "january", "jan"],
  ["февраль", "февраля", "фев", "february", "feb"],
  ["март", "марта", "мар", "march", "mar"],
  ["апрель", "апреля", "апр", "april", "apr"],
  ["май", "мая", "may"],
  ["июнь", "июня", "июн", "june", "jun"],
  ["июль", "июля", "июл", "july", "jul"],
  ["август", "августа", "авг", "august", "aug"],
  ["сентябрь", "сентября", "сен", "сент", "september", "sep", "sept"],
  ["октябрь", "октября", "окт", "october", "oct"],
  ["ноябрь", "ноября", "ноя", "нояб", "november", "nov"],
  ["декабрь", "декабря", "дек", "december", "dec"],
];
const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));

const RELATIVE_MONTHS: ReadonlyMap<string, number> = new Map([
  ["month", 0],
  ["this_month", 0],
  ["месяц", 0],
  ["этот_месяц", 0],
  ["текущий_месяц", 0],
  ["last_month", -1],
  ["lastmonth", -1],
  ["прошлый_месяц", -1],
  ["прошлый", -1],
  ["next_month", 1],
  ["nextmonth", 1],
  ["следующий_месяц", 1],
]);

export type MonthParse = { month: string } | { error: "format" | "future" };

/**
 * A month as people type it, relative to `current` ("YYYY-MM"): "11.2026", "2026-11",
 * "ноябрь" / "november" (the latest such month up to next month), "last month",
 * "прошлый месяц". Months after next month are refused: inputs are not forecasts.
 */
export function parseInputMonth(text: string, current: string): MonthParse {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s-]+/g, "_");
  let month: string | null = null;
  const rel = RELATIVE_MONTHS.get(t);
  if (rel !== undefined) month = addMonths(current, rel);
  let m = /^(\d{1,2})[./](\d{4})$/.exec(t);
  if (m) month = `${m[2]}-${m[1]!.padStart(2, "0")}`;
  m = /^(\d{4})[-_](\d{1,2})$/.exec(t);
  if (m) month = `${m[1]}-${m[2]!.padStart(2, "0")}`;
  const byName = MONTH_BY_NAME.get(t.replace(/\.$/, ""));
  if (byName !== undefined) {
    const year = Number(current.slice(0, 4));
    const candidate = `${year}-${String(byName).padStart(2, "0")}`;
    month = candidate <= addMonths(current, 1) ? candidate : `${year - 1}-${String(byName).padStart(2, "0")}`;
  }
  if (month === null) return { error: "format" };
  const mm = Number(month.slice(5, 7));
  if (mm < 1 || mm > 12 || Number(month.slice(0, 4)) < 2000) return { error: "format" };
  return month > addMonths(current, 1) ? { error: "future" } : { month };
}
