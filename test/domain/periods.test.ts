import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/domain/period-parsing.js";
import { listDates, workdayShare } from "../../src/domain/periods.js";
import { MSK, NOW, resolve, utc } from "../support/periods.js";

const H = 3_600_000;

describe("resolvePeriod", () => {
  it("picks December in Moscow but November in New York at 2026-11-30T22:30Z", () => {
    const now = utc("2026-11-30T22:30:00Z");
    expect(resolve({ kind: "month" }, now, MSK)).toEqual({
      from: utc("2026-11-30T21:00:00Z"),
      to: utc("2026-12-31T21:00:00Z"),
      startDate: "2026-12-01",
      endDate: "2026-12-31",
      kind: "month",
    });
    expect(resolve({ kind: "month" }, now, "America/New_York")).toEqual({
      // 1 Nov starts in EDT (-4); 1 Dec in EST (-5).
      from: utc("2026-11-01T04:00:00Z"),
      to: utc("2026-12-01T05:00:00Z"),
      startDate: "2026-11-01",
      endDate: "2026-11-30",
      kind: "month",
    });
  });

  it("covers the whole week, starting Monday by default", () => {
    const week = resolve({ kind: "week" }, NOW, MSK);
    expect(week).toEqual({
      from: utc("2026-11-22T21:00:00Z"),
      to: utc("2026-11-29T21:00:00Z"),
      startDate: "2026-11-23",
      endDate: "2026-11-29",
      kind: "week",
    });
    const last = resolve({ kind: "lastweek" }, NOW, MSK);
    expect([last.startDate, last.endDate]).toEqual(["2026-11-16", "2026-11-22"]);
  });

  it("starts weeks on Sunday with weekStart 7", () => {
    const week = resolve({ kind: "week" }, NOW, MSK, 7);
    expect([week.startDate, week.endDate]).toEqual(["2026-11-22", "2026-11-28"]);
    const last = resolve({ kind: "lastweek" }, NOW, MSK, 7);
    expect([last.startDate, last.endDate]).toEqual(["2026-11-15", "2026-11-21"]);
    // On Sunday 29 Nov the Sunday-started week begins that day; the Monday one ends it.
    const sunday = utc("2026-11-29T12:00:00Z");
    expect(resolve({ kind: "week" }, sunday, MSK, 7).startDate).toBe("2026-11-29");
    expect(resolve({ kind: "week" }, sunday, MSK).startDate).toBe("2026-11-23");
  });

  it("rejects a weekStart outside 1..7", () => {
    expect(() => resolve({ kind: "week" }, NOW, MSK, 0)).toThrow(RangeError);
    expect(() => resolve({ kind: "week" }, NOW, MSK, 8)).toThrow(RangeError);
  });

  it("uses the local day east of UTC (Vladivostok)", () => {
    // 15:00Z on the 26th is 01:00 on the 27th in Vladivostok (UTC+10).
    const now = utc("2026-11-26T15:00:00Z");
    expect(resolve({ kind: "today" }, now, "Asia/Vladivostok")).toEqual({
      from: utc("2026-11-26T14:00:00Z"),
      to: utc("2026-11-27T14:00:00Z"),
      startDate: "2026-11-27",
      endDate: "2026-11-27",
      kind: "today",
    });
    expect(resolve({ kind: "yesterday" }, now, "Asia/Vladivostok").startDate).toBe("2026-11-26");
  });

  it("uses the local day west of UTC (Los Angeles)", () => {
    // 06:00Z on the 27th is 22:00 on the 26th in Los Angeles (UTC-8).
    const now = utc("2026-11-27T06:00:00Z");
    expect(resolve({ kind: "today" }, now, "America/Los_Angeles")).toEqual({
      from: utc("2026-11-26T08:00:00Z"),
      to: utc("2026-11-27T08:00:00Z"),
      startDate: "2026-11-26",
      endDate: "2026-11-26",
      kind: "today",
    });
    const week = resolve({ kind: "week" }, now, "America/Los_Angeles");
    expect([week.startDate, week.endDate]).toEqual(["2026-11-23", "2026-11-29"]);
  });

  it("gives the Berlin fall-back Sunday its 25 hours", () => {
    const today = resolve({ kind: "today" }, utc("2026-10-25T10:00:00Z"), "Europe/Berlin");
    expect(today.from).toBe(utc("2026-10-24T22:00:00Z"));
    expect(today.to).toBe(utc("2026-10-25T23:00:00Z"));
    expect(today.to - today.from).toBe(25 * H);
  });

  it("resolves last month across a New Year, quarters and the year", () => {
    const jan = utc("2027-01-10T09:00:00Z");
    const lm = resolve({ kind: "lastmonth" }, jan, MSK);
    expect([lm.startDate, lm.endDate]).toEqual(["2026-12-01", "2026-12-31"]);
    const q = resolve({ kind: "quarter" }, NOW, MSK);
    expect(q).toMatchObject({ startDate: "2026-10-01", endDate: "2026-12-31", from: utc("2026-09-30T21:00:00Z") });
    const lq = resolve({ kind: "lastquarter" }, utc("2026-02-10T09:00:00Z"), MSK);
    expect([lq.startDate, lq.endDate]).toEqual(["2025-10-01", "2025-12-31"]);
    const y = resolve({ kind: "year" }, NOW, MSK);
    expect([y.startDate, y.endDate, y.from, y.to]).toEqual([
      "2026-01-01",
      "2026-12-31",
      utc("2025-12-31T21:00:00Z"),
      utc("2026-12-31T21:00:00Z"),
    ]);
    // February of a leap year ends on the 29th.
    const feb = resolve({ kind: "month" }, utc("2028-02-10T09:00:00Z"), MSK);
    expect(feb.endDate).toBe("2028-02-29");
  });

  it("gives yearless ranges the current year, or the previous one if they start after today", () => {
    const nov = resolve(parsePeriod("01.11–15.11"), NOW, MSK);
    expect(nov).toEqual({
      from: utc("2026-10-31T21:00:00Z"),
      to: utc("2026-11-15T21:00:00Z"),
      startDate: "2026-11-01",
      endDate: "2026-11-15",
      kind: "range",
    });
    const dec = resolve(parsePeriod("01.12–15.12"), NOW, MSK);
    expect([dec.startDate, dec.endDate]).toEqual(["2025-12-01", "2025-12-15"]);
    // Today itself is not "after today".
    expect(resolve(parsePeriod("26.11"), NOW, MSK)).toMatchObject({ startDate: "2026-11-26", endDate: "2026-11-26", kind: "date" });
    expect(resolve(parsePeriod("27.11"), NOW, MSK).startDate).toBe("2025-11-27");
    // A range may run past today if it starts before it.
    expect(resolve(parsePeriod("20.11–05.12"), NOW, MSK).endDate).toBe("2026-12-05");
    // Explicit years are kept even in the future.
    expect(resolve(parsePeriod("2027-01-01..2027-01-31"), NOW, MSK).startDate).toBe("2027-01-01");
  });

  it("clamps a yearless 29.02 in a non-leap year to the 28th", () => {
    expect(resolve(parsePeriod("29.02"), NOW, MSK).startDate).toBe("2026-02-28");
    expect(resolve(parsePeriod("29.02"), utc("2028-03-05T09:00:00Z"), MSK).startDate).toBe("2028-02-29");
  });
});

describe("listDates", () => {
  it("lists every local date inclusive", () => {
    expect(listDates(resolve({ kind: "lastweek" }, NOW, MSK))).toEqual([
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
      "2026-11-21",
      "2026-11-22",
    ]);
    expect(listDates(resolve({ kind: "today" }, NOW, MSK))).toEqual(["2026-11-26"]);
    const feb = listDates(resolve({ kind: "month" }, utc("2028-02-10T09:00:00Z"), MSK));
    expect(feb.length).toBe(29);
    expect(feb[28]).toBe("2028-02-29");
  });
});

describe("workdayShare", () => {
  const november = resolve({ kind: "month" }, NOW, MSK);

  it("counts whole workdays before today plus the elapsed part of today (mid-month)", () => {
    // November 2026 has 21 Mon–Fri days (2–6, 9–13, 16–20, 23–27, 30).
    // Wed 18 Nov at 12:00 Moscow: 12 full workdays (2–6, 9–13, 16, 17) + 0.5.
    const r = workdayShare(november, utc("2026-11-18T09:00:00Z"), MSK);
    expect(r.total).toBe(21);
    expect(r.elapsed).toBeCloseTo(12.5, 10);
    expect(r.share).toBeCloseTo(12.5 / 21, 10);
  });

  it("adds nothing for a weekend day", () => {
    // Sat 21 Nov: 15 full workdays gone (2–6, 9–13, 16–20).
    const r = workdayShare(november, utc("2026-11-21T09:00:00Z"), MSK);
    expect(r).toEqual({ total: 21, elapsed: 15, share: 15 / 21 });
  });

  it("honours a six-day week", () => {
    // Mon–Sat: 30 days minus 5 Sundays = 25; before the 18th: 16 days minus 2 Sundays = 14; +0.5 today.
    const r = workdayShare(november, utc("2026-11-18T09:00:00Z"), MSK, [1, 2, 3, 4, 5, 6]);
    expect(r.total).toBe(25);
    expect(r.share).toBeCloseTo(14.5 / 25, 10);
  });

  it("is 0 before the period and 1 after it", () => {
    expect(workdayShare(november, utc("2026-10-20T09:00:00Z"), MSK)).toEqual({ total: 21, elapsed: 0, share: 0 });
    expect(workdayShare(november, utc("2026-12-02T09:00:00Z"), MSK)).toEqual({ total: 21, elapsed: 21, share: 1 });
  });

  it("handles a period with no workdays", () => {
    // Explicit year: a yearless 28.11 would fall in 2025, being after today.
    const weekend = resolve(parsePeriod("28.11.2026–29.11.2026"), NOW, MSK);
    expect(workdayShare(weekend, utc("2026-11-28T09:00:00Z"), MSK)).toEqual({ total: 0, elapsed: 0, share: 0 });
    expect(workdayShare(weekend, utc("2026-11-30T09:00:00Z"), MSK)).toEqual({ total: 0, elapsed: 0, share: 1 });
  });

  it("measures today against the real length of a 25 h DST day", () => {
    const berlin = "Europe/Berlin";
    const now = utc("2026-10-25T11:00:00Z"); // 12:00 CET, 13 h after local midnight
    const today = resolve({ kind: "today" }, now, berlin);
    const r = workdayShare(today, now, berlin, [1, 2, 3, 4, 5, 6, 7]);
    expect(r.total).toBe(1);
    expect(r.share).toBeCloseTo(13 / 25, 10);
  });
});
