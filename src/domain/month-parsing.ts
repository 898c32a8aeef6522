// A calendar month as typed: "11.2026", "2026-11", "ноябрь", "ноябрь 2026",
// "November", "last month", "прошлый месяц"; empty means the current month.

import { parseDateParts } from "./time.js";

export interface MonthSpec {
  year: number;
  month: number;
}

export type MonthParseResult = MonthSpec | { error: "format" } | { error: "future" };

// Stems, so "ноябрь", "ноября", "ноябре", "nov" and "november" all match.
const MONTH_STEMS: readonly (readonly string[])[] = [
  ["январ", "jan"],
  ["феврал", "feb"],
  ["март", "мар", "mar"],
  ["апрел", "apr"],
  ["май", "мая", "мае", "may"],
  ["июн", "jun"],
  ["июл", "jul"],
  ["август", "авг", "aug"],
  ["сентябр", "сен", "sep"],
  ["октябр", "окт", "oct"],
  ["ноябр", "ноя", "nov"],
  ["декабр", "дек", "dec"],
];

const CURRENT = new Set(["month", "thismonth", "месяц", "этотмесяц", "текущиймесяц"]);
const PREVIOUS = new Set(["lastmonth", "previousmonth", "прошлыймесяц", "предыдущиймесяц"]);

function monthByName(word: string): number | null {
  const w = word.replace(/ё/g, "е").replace(/\.$/, "");
  for (let i = 0; i < MONTH_STEMS.length; i++) {
    for (const stem of MONTH_STEMS[i]!) {
      // A short stem ("ноя", "nov") must be the whole word or start a longer spelling of it.
      if (w === stem || (w.startsWith(stem) && w.length <= stem.length + 6 && /^[a-zа-я]+$/u.test(w))) return i + 1;
    }
  }
  return null;
}

/**
 * Reads a month relative to `today` (the team's local date, YYYY-MM-DD). A month
 * name without a year is the latest such month that has begun (in November,
 * "декабрь" is last December); a month that has not begun yet is "future".
 */
export function parseMonth(text: string, today: string): MonthParseResult {
  const { year: ty, month: tm } = parseDateParts(today);
  const t = text.trim().toLowerCase();
  const key = t.replace(/[\s_-]+/g, "");
  if (key === "" || CURRENT.has(key)) return { year: ty, month: tm };
  if (PREVIOUS.has(key)) return tm === 1 ? { year: ty - 1, month: 12 } : { year: ty, month: tm - 1 };

  let spec: MonthSpec | null = null;
  let m = /^(\d{1,2})[./](\d{4}|\d{2})$/.exec(t);
  if (m) spec = { month: Number(m[1]), year: m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]) };
  m = spec ? null : /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) spec = { year: Number(m[1]), month: Number(m[2]) };
  if (!spec) {
    const words = /^([a-zа-яё.]+)(?:\s+(\d{4}))?$/u.exec(t);
    const month = words ? monthByName(words[1]!) : null;
    if (words && month !== null) {
      const year = words[2] ? Number(words[2]) : month > tm ? ty - 1 : ty;
      spec = { year, month };
    }
  }
  if (!spec || spec.month < 1 || spec.month > 12 || spec.year < 2000 || spec.year > 9999) return { error: "format" };
  if (spec.year > ty || (spec.year === ty && spec.month > tm)) return { error: "future" };
  return spec;
}
