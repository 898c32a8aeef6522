import { describe, expect, it } from "vitest";
import { holidayChecker } from "../../src/domain/holidays.js";
import { activeDatesOf, currentStreak } from "../../src/domain/streak.js";

// November 2026: Mon 16 … Fri 20, Sat 21, Sun 22, Mon 23, Tue 24, Wed 25.
const MON_FRI = [1, 2, 3, 4, 5];
const none = () => false;
const streak = (dates: string[], today: string, workdays = MON_FRI, isHoliday: (d: string) => boolean = none) =>
  currentStreak({ activeDates: new Set(dates), today, workdays, isHoliday });

describe("currentStreak", () => {
  it("counts consecutive workdays up to yesterday, and today once it has an entry", () => {
    const days = ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-23", "2026-11-24"];
    expect(streak(days, "2026-11-25")).toBe(7);
    expect(streak([...days, "2026-11-25"], "2026-11-25")).toBe(8);
  });

  it("is not broken by a weekend", () => {
    expect(streak(["2026-11-20", "2026-11-23"], "2026-11-23")).toBe(2);
    expect(streak(["2026-11-20"], "2026-11-23")).toBe(1);
  });

  it("is broken by a workday without entries", () => {
    expect(streak(["2026-11-16", "2026-11-18"], "2026-11-19")).toBe(1);
    expect(streak(["2026-11-16", "2026-11-17"], "2026-11-19")).toBe(0);
    expect(streak([], "2026-11-19")).toBe(0);
  });

  it("skips holidays, yearly and one-off", () => {
    const yearly = holidayChecker(["11-19"]);
    expect(streak(["2026-11-18", "2026-11-20", "2026-11-23"], "2026-11-23", MON_FRI, yearly)).toBe(3);
    const once = holidayChecker(["2026-11-19"]);
    expect(streak(["2026-11-18", "2026-11-20"], "2026-11-23", MON_FRI, once)).toBe(2);
    // The same day in another year is a workday again.
    expect(streak(["2025-11-18", "2025-11-20"], "2025-11-21", MON_FRI, once)).toBe(1);
  });

  it("follows the team's week (Sunday–Thursday)", () => {
    const sunThu = [7, 1, 2, 3, 4];
    // Thu 19 and Sun 22 are consecutive workdays; Fri and Sat are off.
    expect(streak(["2026-11-19", "2026-11-22"], "2026-11-23", sunThu)).toBe(2);
    // For a Monday–Friday team the missing Friday breaks it.
    expect(streak(["2026-11-19", "2026-11-22"], "2026-11-23")).toBe(0);
  });

  it("gives an entry on a day off no streak day", () => {
    expect(streak(["2026-11-21"], "2026-11-22")).toBe(0);
    expect(streak(["2026-11-20", "2026-11-21"], "2026-11-22")).toBe(1);
  });

  it("does not count today when today is a holiday", () => {
    expect(streak(["2026-11-24", "2026-11-25"], "2026-11-25", MON_FRI, holidayChecker(["11-25"]))).toBe(1);
  });
});

describe("activeDatesOf", () => {
  it("reads dates in the team's zone", () => {
    // 22:30 UTC on Monday 23 is Tuesday 01:30 in Moscow, still Monday in New York.
    const ms = Date.parse("2026-11-23T22:30:00Z");
    expect([...activeDatesOf([ms], "Europe/Moscow")]).toEqual(["2026-11-24"]);
    expect([...activeDatesOf([ms], "America/New_York")]).toEqual(["2026-11-23"]);
  });

  it("keeps days right across a DST change", () => {
    // New York leaves summer time on Sunday 1 November 2026.
    const fri = Date.parse("2026-10-31T03:30:00Z"); // Fri 30 Oct 23:30 EDT
    const mon = Date.parse("2026-11-03T04:30:00Z"); // Mon 2 Nov 23:30 EST
    const dates = activeDatesOf([fri, mon], "America/New_York");
    expect([...dates]).toEqual(["2026-10-30", "2026-11-02"]);
    expect(currentStreak({ activeDates: dates, today: "2026-11-02", workdays: MON_FRI, isHoliday: none })).toBe(2);
  });
});
