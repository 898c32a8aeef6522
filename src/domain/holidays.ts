// Team holidays (`/settings holidays 01.01–08.01, 23.02, 08.03`). A date typed
// without a year ("08.03") recurs every year and is stored as "MM-DD"; one with a
// year ("04.11.2026") happens once and is stored as "YYYY-MM-DD". A range may
// cross the new year ("30.12–02.01").

import { addDays, isTypedYear, isValidDate } from "./time.js";

/** More than any real holiday calendar; keeps the settings JSON small. */
export const MAX_HOLIDAYS = 400;

export type HolidaysParse = { ok: true; holidays: string[] } | { ok: false; error: "empty" | "bad_date" | "too_many"; word: string };

const DATE_RE = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?$/;
const pad = (n: number) => String(n).padStart(2, "0");

/** "08.03" → { month 3, day 8 }; "29.02" is allowed without a year (leap years have it). */
function readDate(text: string): { year: number | null; month: number; day: number } | null {
  const m = DATE_RE.exec(text.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = m[3] ? Number(m[3]) : null;
  if (year !== null && !isTypedYear(year)) return null;
  if (!isValidDate(year ?? 2028, month, day)) return null;
  return { year, month, day };
}

function expand(from: NonNullable<ReturnType<typeof readDate>>, to: NonNullable<ReturnType<typeof readDate>>): string[] | null {
  if ((from.year === null) !== (to.year === null)) return null;
  // Yearless ranges walk a leap year, so 28.02–01.03 includes 29.02; a range that
  // wraps past 31.12 continues into the next year.
  const y = from.year ?? 2028;
  const start = `${y}-${pad(from.month)}-${pad(from.day)}`;
  let endYear = to.year ?? y;
  if (to.year === null && (to.month < from.month || (to.month === from.month && to.day < from.day))) endYear = y + 1;
  const end = `${endYear}-${pad(to.month)}-${pad(to.day)}`;
  if (end < start) return null;
  const out: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) {
    out.push(from.year === null ? d.slice(5) : d);
    if (out.length > MAX_HOLIDAYS) return out;
  }
  return out;
}

/** "01.01–08.01, 23.02, 08.03" → sorted distinct stored dates, or the first word that is not a date. */
export function parseHolidays(text: string): HolidaysParse {
  const parts = text
    .replace(/\s*(?:[–—-]|\.\.)\s*/g, "–")
    .split(/[,;\s]+/)
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, error: "empty", word: "" };
  const set = new Set<string>();
  for (const part of parts) {
    const [a, b, ...rest] = part.split("–");
    const from = readDate(a ?? "");
    if (!from || rest.length > 0) return { ok: false, error: "bad_date", word: part };
    if (b === undefined) {
      set.add(from.year === null ? `${pad(from.month)}-${pad(from.day)}` : `${from.year}-${pad(from.month)}-${pad(from.day)}`);
      continue;
    }
    const to = readDate(b);
    const days = to ? expand(from, to) : null;
    if (!days) return { ok: false, error: "bad_date", word: part };
    for (const d of days) set.add(d);
    if (set.size > MAX_HOLIDAYS) return { ok: false, error: "too_many", word: part };
  }
  return { ok: true, holidays: [...set].sort() };
}

/** Whether a local date ("YYYY-MM-DD") is one of the stored holidays. */
export function holidayChecker(holidays: readonly string[]): (date: string) => boolean {
  const set = new Set(holidays);
  return (date) => set.has(date) || set.has(date.slice(5));
}

/** Stored holidays back as the user types them, consecutive days joined: "01.01–08.01, 23.02". */
export function formatHolidays(holidays: readonly string[]): string {
  const yearly = holidays.filter((h) => h.length === 5).sort();
  const once = holidays.filter((h) => h.length === 10).sort();
  const show = (h: string) => (h.length === 5 ? `${h.slice(3)}.${h.slice(0, 2)}` : `${h.slice(8)}.${h.slice(5, 7)}.${h.slice(0, 4)}`);
  const full = (h: string) => (h.length === 5 ? `2028-${h}` : h);
  const out: string[] = [];
  for (const list of [yearly, once]) {
    let i = 0;
    while (i < list.length) {
      let j = i;
      while (j + 1 < list.length && addDays(full(list[j]!), 1) === full(list[j + 1]!)) j++;
      out.push(j > i ? `${show(list[i]!)}–${show(list[j]!)}` : show(list[i]!));
      i = j + 1;
    }
  }
  return out.join(", ");
}
