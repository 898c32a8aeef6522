import { describe, expect, it } from "vitest";
import {
  checkEntries,
  checkFileEntries,
  checkPeriod,
  MAX_FILE_ENTRIES,
  MAX_PERIOD_DAYS,
  MAX_REQUEST_ENTRIES,
  MAX_SERIES_POINTS,
  periodDays,
  seriesPoints,
} from "../../src/domain/period-bounds.js";
import { bucketKeys } from "../../src/domain/period-buckets.js";
import type { Period } from "../../src/domain/types.js";

// Only the dates matter to the bound; the instants are not read.
const dates = (startDate: string, endDate: string): Period => ({ from: 0, to: 0, startDate, endDate, kind: "range" });

describe("the shared bound on periods and series", () => {
  it("counts a period's days, inclusive", () => {
    expect(periodDays(dates("2026-11-26", "2026-11-26"))).toBe(1);
    expect(periodDays(dates("2026-01-01", "2026-12-31"))).toBe(365);
    expect(periodDays(dates("2024-01-01", "2024-12-31"))).toBe(366);
    // The request that stalled the bot: 8,029 years.
    expect(periodDays(dates("1970-01-01", "9998-12-31"))).toBe(2_932_532);
  });

  it("counts points without listing them, as bucketKeys would list them", () => {
    // 1–30 Nov 2026 by day; weeks from Monday: 26.10 (holds 1.11, a Sunday) … 30.11 → 6; one month.
    expect(seriesPoints(dates("2026-11-01", "2026-11-30"), "day")).toBe(30);
    expect(seriesPoints(dates("2026-11-01", "2026-11-30"), "week")).toBe(6);
    expect(seriesPoints(dates("2026-11-01", "2026-11-30"), "month")).toBe(1);
    // Weeks starting on Sunday: 1.11 starts one, 29.11 the fifth.
    expect(seriesPoints(dates("2026-11-01", "2026-11-30"), "week", 7)).toBe(5);
    expect(seriesPoints(dates("2025-12-15", "2026-02-03"), "month")).toBe(3);
    expect(seriesPoints(dates("1970-01-01", "9998-12-31"), "month")).toBe(96_348);
    for (const [start, end] of [
      ["2026-11-01", "2026-11-30"],
      ["2025-12-15", "2026-02-03"],
      ["2024-02-28", "2025-03-02"],
    ] as const) {
      for (const g of ["day", "week", "month"] as const) {
        for (const ws of [1, 3, 7]) expect(seriesPoints(dates(start, end), g, ws)).toBe(bucketKeys(dates(start, end), g, ws).length);
      }
    }
  });

  it("accepts ten calendar years and refuses a day more", () => {
    expect(MAX_PERIOD_DAYS).toBe(periodDays(dates("2016-01-01", "2025-12-31")));
    expect(checkPeriod(dates("2016-01-01", "2025-12-31"))).toBeNull();
    expect(checkPeriod(dates("2015-12-31", "2025-12-31"))).toEqual({ kind: "too_long", days: 3654, maxDays: 3653 });
    expect(checkPeriod(dates("1970-01-01", "9998-12-31"))).toMatchObject({ kind: "too_long" });
  });

  it("refuses a series with more points than a table or chart holds, and any accepted period fits by month", () => {
    expect(checkPeriod(dates("2026-01-01", "2026-04-30"), { grouping: "day", weekStart: 1 })).toBeNull(); // 120 days
    expect(checkPeriod(dates("2026-01-01", "2026-12-31"), { grouping: "day", weekStart: 1 })).toEqual({
      kind: "too_many_points",
      points: 365,
      maxPoints: MAX_SERIES_POINTS,
    });
    // The longest period, starting on a month's last day, touches the most months: still within the bound.
    expect(seriesPoints(dates("2016-01-31", "2026-01-30"), "month")).toBe(121);
    expect(checkPeriod(dates("2016-01-31", "2026-01-30"), { grouping: "month", weekStart: 1 })).toBeNull();
    // The length is checked first: the stalled request is "too long", not a count of its 96k months.
    expect(checkPeriod(dates("1970-01-01", "9998-12-31"), { grouping: "month", weekStart: 1 })).toMatchObject({ kind: "too_long" });
  });

  it("bounds the entries one request reads, and a file by its format", () => {
    expect(checkEntries(MAX_REQUEST_ENTRIES)).toBeNull();
    expect(checkEntries(MAX_REQUEST_ENTRIES + 1)).toEqual({
      kind: "too_many_entries",
      entries: MAX_REQUEST_ENTRIES + 1,
      maxEntries: MAX_REQUEST_ENTRIES,
      file: false,
    });
    expect(checkFileEntries(MAX_FILE_ENTRIES.xlsx, "xlsx")).toBeNull();
    expect(checkFileEntries(MAX_FILE_ENTRIES.xlsx + 1, "xlsx")).toEqual({
      kind: "too_many_entries",
      entries: MAX_FILE_ENTRIES.xlsx + 1,
      maxEntries: MAX_FILE_ENTRIES.xlsx,
      file: true,
    });
    expect(checkFileEntries(MAX_FILE_ENTRIES.xlsx + 1, "csv")).toBeNull();
  });
});
