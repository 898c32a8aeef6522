// Time-series buckets (day, week, month) that a period's entries fall into.

import { listDates, weekStartDate } from "./periods.js";
import { localDate } from "./time.js";
import type { Period } from "./types.js";

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
