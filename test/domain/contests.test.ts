import { describe, expect, it } from "vitest";
import {
  checkContestName,
  contestNameKey,
  contestPhase,
  contestSpan,
  contestStandings,
  contestValue,
  parseContestDay,
  resolveContestDays,
  winners,
} from "../../src/domain/contests.js";

const TODAY = "2026-11-29";

describe("contest days", () => {
  it("reads a yearless day as the one nearest today, so January typed in December is next year", () => {
    expect(parseContestDay("01.12", TODAY)).toBe("2026-12-01");
    expect(parseContestDay("10.01", "2026-12-20")).toBe("2027-01-10");
    expect(parseContestDay("15.11", TODAY)).toBe("2026-11-15");
    expect(parseContestDay("сегодня", TODAY)).toBe(TODAY);
    expect(parseContestDay("2027-02-03", TODAY)).toBe("2027-02-03");
    expect(parseContestDay("31.02", TODAY)).toBeNull();
    expect(parseContestDay("week", TODAY)).toBeNull();
  });

  it("refuses past, reversed, impossible and over-long spans", () => {
    expect(resolveContestDays("01.12", "15.12", TODAY)).toEqual({ ok: true, startDate: "2026-12-01", endDate: "2026-12-15" });
    expect(resolveContestDays("today", "30.11", TODAY)).toEqual({ ok: true, startDate: TODAY, endDate: "2026-11-30" });
    expect(resolveContestDays("28.11", "15.12", TODAY)).toEqual({ ok: false, error: "past" });
    expect(resolveContestDays("15.12", "01.12", TODAY)).toEqual({ ok: false, error: "reversed" });
    expect(resolveContestDays("32.12", "01.01", TODAY)).toEqual({ ok: false, error: "bad_date" });
    expect(resolveContestDays("01.12.2026", "01.01.2028", TODAY)).toEqual({ ok: false, error: "too_long" });
    expect(resolveContestDays("20.12.2026", "10.01.2027", TODAY)).toEqual({ ok: true, startDate: "2026-12-20", endDate: "2027-01-10" });
  });

  it("spans 00:00 of the first day to 24:00 of the last in the team's zone", () => {
    const span = contestSpan("2026-12-01", "2026-12-15", "Europe/Moscow");
    expect(new Date(span.startAt).toISOString()).toBe("2026-11-30T21:00:00.000Z");
    expect(new Date(span.endAt).toISOString()).toBe("2026-12-15T21:00:00.000Z");
    const vl = contestSpan("2026-12-01", "2026-12-01", "Asia/Vladivostok");
    expect(vl.endAt - vl.startAt).toBe(24 * 3_600_000);
    expect(new Date(vl.startAt).toISOString()).toBe("2026-11-30T14:00:00.000Z");
  });

  it("says how long until the start, until the end, or that it is over", () => {
    expect(contestPhase(100, 200, 500)).toEqual({ phase: "before", ms: 100 });
    expect(contestPhase(200, 200, 500)).toEqual({ phase: "running", ms: 300 });
    expect(contestPhase(499, 200, 500)).toEqual({ phase: "running", ms: 1 });
    expect(contestPhase(500, 200, 500)).toEqual({ phase: "over" });
  });
});

describe("contest names", () => {
  it("tidies spaces, limits the length and keeps sub-command words out", () => {
    expect(checkContestName("  Весенний   спринт ")).toEqual({ ok: true, name: "Весенний спринт" });
    expect(checkContestName("")).toEqual({ ok: false, error: "empty" });
    expect(checkContestName("x".repeat(41))).toEqual({ ok: false, error: "too_long" });
    expect(checkContestName("x".repeat(40)).ok).toBe(true);
    expect(checkContestName("New")).toEqual({ ok: false, error: "reserved" });
  });

  it("compares names without case, ё/е or spacing", () => {
    expect(contestNameKey("Ёлочный  СПРИНТ")).toBe(contestNameKey("елочный спринт"));
    expect(contestNameKey("Sprint")).not.toBe(contestNameKey("Sprint 2"));
  });
});

describe("standings", () => {
  const people = [
    { name: "Anna", v: 3 },
    { name: "Boris", v: 7 },
    { name: "Vera", v: 7 },
    { name: "Gleb", v: 0 },
  ];

  it("ranks best first, ties share a place (1, 1, 3), gaps are to the leader", () => {
    const rows = contestStandings(people, "deals", (p) => p.v);
    expect(rows.map((r) => [r.item.name, r.place, r.gap])).toEqual([
      ["Boris", 1, 0],
      ["Vera", 1, 0],
      ["Anna", 3, 4],
      ["Gleb", 4, 7],
    ]);
    expect(winners(rows).map((r) => r.item.name)).toEqual(["Boris", "Vera"]);
  });

  it("ranks the lowest first for at-most metrics, with the gap as a positive distance", () => {
    const hours = [
      { name: "Anna", v: 5 * 3_600_000 },
      { name: "Boris", v: 2 * 3_600_000 },
      { name: "Vera", v: null },
    ];
    const rows = contestStandings(hours, "lead_time", (p) => p.v);
    expect(rows.map((r) => [r.item.name, r.place, r.gap])).toEqual([
      ["Boris", 1, 0],
      ["Anna", 2, 3 * 3_600_000],
      ["Vera", null, null],
    ]);
  });

  it("nobody wins when no one has a value; a count of zero is a result, a ratio without data is not", () => {
    const rows = contestStandings([{ v: null }, { v: null }], "win_rate", (p) => p.v);
    expect(winners(rows)).toEqual([]);
    expect(contestValue("deals", null)).toBe(0);
    expect(contestValue("revenue", null)).toBe(0);
    expect(contestValue("call_conversion", null)).toBeNull();
    expect(contestValue("deals", 4)).toBe(4);
  });
});
