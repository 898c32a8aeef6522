// The one bound on how much a single request may ask for: how long a period and
// how many points a time series. Every path that reads a user-chosen period (reports,
// dynamics, saved reports, charts, /top, /league, /export, the Mini App) is checked
// here before it reads anything, so a request the bot refuses costs nothing.

import type { Grouping } from "./period-buckets.js";
import { weekStartDate } from "./periods.js";
import { daysBetween, parseDateParts } from "./time.js";
import type { Period } from "./types.js";

/** The longest period any request covers: ten calendar years (2016-01-01 … 2025-12-31, leap days included). */
export const MAX_PERIOD_DAYS = 3653;
/** As the users read it. */
export const MAX_PERIOD_YEARS = 10;

/**
 * The most points one series (a report's rows, a chart's bars) may have: four months by
 * day, two years by week, and any period within MAX_PERIOD_DAYS by month (ten years
 * touch at most 121 months when they start on a month's last day).
 */
export const MAX_SERIES_POINTS = 121;

/**
 * The most entries one request reads (a report, a ranking, a Mini App view, a CSV file):
 * what a request costs grows with its entries, not its dates, so they are counted on the
 * index before they are read. Sized so a busy ten-person team (about 6,400 entries a
 * month at the bench's scale) still gets its year report: 20,000 (which held the largest
 * request near 500 ms) refused a quarter, which no head would accept. The largest
 * accepted request is timed by `npm run bench` (`largest_request_ms`; docs/decisions.md).
 */
export const MAX_REQUEST_ENTRIES = 100_000;

/** The most entries one exported file holds; a spreadsheet costs far more per row than CSV (about 1 s for 12,000). */
export const MAX_FILE_ENTRIES = { csv: MAX_REQUEST_ENTRIES, xlsx: 12_000 } as const;
export type FileFormat = keyof typeof MAX_FILE_ENTRIES;

export type PeriodLimit =
  | { kind: "too_long"; days: number; maxDays: number }
  | { kind: "too_many_points"; points: number; maxPoints: number }
  | { kind: "too_many_entries"; entries: number; maxEntries: number; file: boolean };

/** Why a typed period is not taken: not a period at all, or over the bound. */
export type PeriodRefusal = { kind: "unknown" } | PeriodLimit;

/** Local dates the period covers, inclusive; computed, never listed. */
export function periodDays(period: Pick<Period, "startDate" | "endDate">): number {
  return daysBetween(period.startDate, period.endDate) + 1;
}

/** How many buckets `bucketKeys` would list for the period, computed without listing them. */
export function seriesPoints(period: Pick<Period, "startDate" | "endDate">, grouping: Grouping, weekStart = 1): number {
  switch (grouping) {
    case "day":
      return periodDays(period);
    case "week":
      return daysBetween(weekStartDate(period.startDate, weekStart), weekStartDate(period.endDate, weekStart)) / 7 + 1;
    case "month": {
      const a = parseDateParts(period.startDate);
      const b = parseDateParts(period.endDate);
      return (b.year - a.year) * 12 + (b.month - a.month) + 1;
    }
  }
}

/**
 * Null when the period (and, given `series`, its grouping into points) is within the
 * bound; else what is over it. The length is checked first, so a huge period is
 * refused as too long without counting its points.
 */
export function checkPeriod(
  period: Pick<Period, "startDate" | "endDate">,
  series?: { grouping: Grouping; weekStart: number },
): PeriodLimit | null {
  const days = periodDays(period);
  if (days > MAX_PERIOD_DAYS) return { kind: "too_long", days, maxDays: MAX_PERIOD_DAYS };
  if (series) {
    const points = seriesPoints(period, series.grouping, series.weekStart);
    if (points > MAX_SERIES_POINTS) return { kind: "too_many_points", points, maxPoints: MAX_SERIES_POINTS };
  }
  return null;
}

/** Null when a request may read `entries` entries (counted on the index before any is read). */
export function checkEntries(entries: number): PeriodLimit | null {
  return entries > MAX_REQUEST_ENTRIES ? { kind: "too_many_entries", entries, maxEntries: MAX_REQUEST_ENTRIES, file: false } : null;
}

/** Null when a file of `entries` rows may be built in `format`; counted before the rows are read. */
export function checkFileEntries(entries: number, format: FileFormat): PeriodLimit | null {
  const max = MAX_FILE_ENTRIES[format];
  return entries > max ? { kind: "too_many_entries", entries, maxEntries: max, file: true } : null;
}

/** Thrown by a computation handed a period over the bound: a caller skipped `checkPeriod`. */
export class PeriodLimitError extends Error {
  constructor(readonly limit: PeriodLimit) {
    super(`period over the bound: ${JSON.stringify(limit)}`);
    this.name = "PeriodLimitError";
  }
}

/** For the computations themselves: a period over the bound here is a caller's bug, stopped before any read. */
export function assertWithinBound(period: Pick<Period, "startDate" | "endDate">, series?: { grouping: Grouping; weekStart: number }): void {
  const limit = checkPeriod(period, series);
  if (limit) throw new PeriodLimitError(limit);
}
