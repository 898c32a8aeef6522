import { describe, expect, it } from "vitest";
import {
  elapsedPart,
  improvedPeriodFits,
  improvementBaseline,
  isRookie,
  previousPeriods,
  rankByImprovement,
  rankByPlan,
  scaledTarget,
} from "../../src/domain/fair-ranking.js";
import { leagueValue, parseLeagueName } from "../../src/domain/league.js";
import { resolvePeriod } from "../../src/domain/periods.js";
import { parseTopArgs } from "../../src/domain/top-args.js";

const TZ = "Europe/Moscow";
const DAY = 86_400_000;

describe("rankByPlan", () => {
  it("ranks by % of own plan, not by the raw value; no plan is listed apart", () => {
    // Anna 6 of 10 = 60 %; Boris 4 of 5 = 80 %; Vera 9 of 20 = 45 %; Gleb 12, no plan.
    const r = rankByPlan(
      [
        { item: "Anna", actual: 6, target: 10 },
        { item: "Boris", actual: 4, target: 5 },
        { item: "Vera", actual: 9, target: 20 },
        { item: "Gleb", actual: 12, target: null },
      ],
      "deals",
    );
    expect(r.ranked.map((x) => [x.item.item, x.place, x.value])).toEqual([
      ["Boris", 1, 80],
      ["Anna", 2, 60],
      ["Vera", 3, 45],
    ]);
    expect(r.apart).toEqual([{ item: "Gleb", actual: 12 }]);
  });

  it("ties share a place (2/3 and 4/6 are the same share)", () => {
    const r = rankByPlan(
      [
        { item: "a", actual: 2, target: 3 },
        { item: "b", actual: 4, target: 6 },
        { item: "c", actual: 1, target: 3 },
      ],
      "calls",
    );
    expect(r.ranked.map((x) => [x.item.item, x.place])).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 3],
    ]);
  });

  it("at-most metrics: the lowest share of the ceiling ranks first", () => {
    // Lead time ceiling 24 h: 12 h = 50 %, 30 h = 125 %; lost ceiling 4: 0 lost = 0 %.
    const lt = rankByPlan(
      [
        { item: "slow", actual: 30, target: 24 },
        { item: "fast", actual: 12, target: 24 },
      ],
      "lead_time",
    );
    expect(lt.ranked.map((x) => [x.item.item, x.value])).toEqual([
      ["fast", 50],
      ["slow", 125],
    ]);
    const lost = rankByPlan(
      [
        { item: "two", actual: 2, target: 4 },
        { item: "none", actual: 0, target: 4 },
      ],
      "lost",
    );
    expect(lost.ranked.map((x) => [x.item.item, x.value, x.place])).toEqual([
      ["none", 0, 1],
      ["two", 50, 2],
    ]);
  });

  it("someone with a plan but no value (no calls, so no conversion) ranks last without a place", () => {
    const r = rankByPlan(
      [
        { item: "none", actual: null, target: 20 },
        { item: "some", actual: 10, target: 20 },
      ],
      "call_conversion",
    );
    expect(r.ranked.map((x) => [x.item.item, x.place])).toEqual([
      ["some", 1],
      ["none", null],
    ]);
  });
});

describe("rankByImprovement", () => {
  it("ranks by this period ÷ own average of the previous four", () => {
    // Anna: 6 vs avg(4,4,4,4)=4 → 150 %; Boris: 10 vs avg(10,12,8,10)=10 → 100 %; Vera: 3 vs avg(1,2,2,3)=2 → 150 %.
    const r = rankByImprovement(
      [
        { item: "Boris", current: 10, history: [10, 12, 8, 10] },
        { item: "Anna", current: 6, history: [4, 4, 4, 4] },
        { item: "Vera", current: 3, history: [1, 2, 2, 3] },
      ],
      "deals",
    );
    expect(r.ranked.map((x) => [x.item.item, x.place, x.value])).toEqual([
      ["Anna", 1, 150],
      ["Vera", 1, 150],
      ["Boris", 3, 100],
    ]);
    expect(r.ranked[0]!.item.score.baseline).toBe(4);
  });

  it("less history and zero baselines are listed apart", () => {
    const r = rankByImprovement(
      [
        { item: "new", current: 5, history: null },
        { item: "zero", current: 3, history: [0, 0, 0, 0] },
        { item: "ok", current: 1, history: [2, 2, 2, 2] },
      ],
      "deals",
    );
    expect(r.ranked.map((x) => [x.item.item, x.value])).toEqual([["ok", 50]]);
    expect(r.apart.map((x) => x.item)).toEqual(["new", "zero"]);
  });

  it("at-most metrics: a drop is the improvement; periods with no value are left out of the average", () => {
    // Lead time: 10 h vs avg(20, 20) = 50 % (better); 30 h vs avg(20) = 150 %.
    const r = rankByImprovement(
      [
        { item: "worse", current: 30, history: [null, 20, null, null] },
        { item: "better", current: 10, history: [20, null, 20, null] },
      ],
      "lead_time",
    );
    expect(r.ranked.map((x) => [x.item.item, x.value])).toEqual([
      ["better", 50],
      ["worse", 150],
    ]);
    expect(improvementBaseline([null, null, null, null])).toBeNull();
  });
});

describe("periods and targets", () => {
  it("most improved takes a period of at most a year whose baseline stays after 1970", () => {
    const now = Date.parse("2026-11-20T09:00:00Z");
    const range = (from: string, to: string) => {
      const [a, b] = [from, to].map((d) => d.split("-").map(Number) as [number, number, number]);
      return resolvePeriod(
        { kind: "range", start: { year: a![0], month: a![1], day: a![2] }, end: { year: b![0], month: b![1], day: b![2] } },
        now,
        TZ,
      );
    };
    expect(improvedPeriodFits(resolvePeriod({ kind: "year" }, now, TZ))).toBe(true);
    expect(improvedPeriodFits(range("2024-01-01", "2024-12-31"))).toBe(true); // 366 days
    expect(improvedPeriodFits(range("2024-01-01", "2025-01-01"))).toBe(false);
    expect(improvedPeriodFits(range("1000-01-01", "1250-01-01"))).toBe(false);
    expect(improvedPeriodFits(range("1974-12-31", "1975-01-02"))).toBe(false);
    expect(improvedPeriodFits(range("1975-01-01", "1975-01-02"))).toBe(true);
  });

  it("the four months before a finished month are whole calendar months", () => {
    const now = Date.parse("2026-11-20T09:00:00Z");
    const last = resolvePeriod({ kind: "lastmonth" }, now, TZ); // October
    const prev = previousPeriods(last, 4, TZ, now);
    expect(prev.map((p) => [p.startDate, p.endDate])).toEqual([
      ["2026-09-01", "2026-09-30"],
      ["2026-08-01", "2026-08-31"],
      ["2026-07-01", "2026-07-31"],
      ["2026-06-01", "2026-06-30"],
    ]);
    expect(prev[0]!.to).toBe(Date.parse("2026-09-30T21:00:00Z"));
  });

  it("a running period is compared over the same elapsed time", () => {
    const now = Date.parse("2026-11-10T09:00:00Z"); // 9 days and 12 h into November (Moscow)
    const month = resolvePeriod({ kind: "month" }, now, TZ);
    const prev = previousPeriods(month, 4, TZ, now);
    const elapsed = now - month.from;
    expect(prev[0]!.from).toBe(Date.parse("2026-09-30T21:00:00Z"));
    expect(prev[0]!.to - prev[0]!.from).toBe(elapsed);
    expect(prev[3]!.startDate).toBe("2026-07-01");
    expect(elapsedPart(month, now).to).toBe(now);
    // A week steps back by seven days (last week = 02.11–08.11).
    const week = resolvePeriod({ kind: "lastweek" }, now, TZ);
    expect(previousPeriods(week, 2, TZ, now).map((p) => p.startDate)).toEqual(["2026-10-26", "2026-10-19"]);
    const q = previousPeriods(resolvePeriod({ kind: "lastquarter" }, now, TZ), 1, TZ, now)[0]!;
    expect([q.startDate, q.endDate]).toEqual(["2026-04-01", "2026-06-30"]);
  });

  it("scales counts and money by workdays; levels stay as they are", () => {
    const month = { startDate: "2026-11-01", endDate: "2026-11-30" }; // 21 workdays Mon–Fri
    const week = { startDate: "2026-11-23", endDate: "2026-11-29" }; // 5
    expect(scaledTarget("deals", 21, month, week, [1, 2, 3, 4, 5])).toBe(5);
    expect(scaledTarget("revenue", 42_000, month, week, [1, 2, 3, 4, 5])).toBe(10_000);
    expect(scaledTarget("call_conversion", 25, month, week, [1, 2, 3, 4, 5])).toBe(25);
    expect(scaledTarget("lead_time", 3_600_000, month, week, [1, 2, 3, 4, 5])).toBe(3_600_000);
    // A Saturday has no workday: calendar days (1 of 30).
    expect(scaledTarget("calls", 300, month, { startDate: "2026-11-28", endDate: "2026-11-28" }, [1, 2, 3, 4, 5])).toBe(10);
  });

  it("a rookie is in the first 30 days", () => {
    const now = Date.parse("2026-11-29T00:00:00Z");
    expect(isRookie(now - 29 * DAY, now)).toBe(true);
    expect(isRookie(now - 30 * DAY, now)).toBe(false);
  });
});

describe("parseTopArgs", () => {
  it("reads the mode first and rookies anywhere; the rest is metric and period", () => {
    expect(parseTopArgs("fair deals month")).toEqual({ mode: "fair", rookies: false, rest: "deals month" });
    expect(parseTopArgs("рост звонки неделя новички")).toEqual({ mode: "improved", rookies: true, rest: "звонки неделя" });
    expect(parseTopArgs("rookies revenue")).toEqual({ mode: "plain", rookies: true, rest: "revenue" });
    expect(parseTopArgs("deals fair")).toEqual({ mode: "plain", rookies: false, rest: "deals fair" });
    expect(parseTopArgs("  ")).toEqual({ mode: "plain", rookies: false, rest: "" });
  });
});

describe("league values", () => {
  it("counts and money per active manager; rates and times as the team's value", () => {
    // 3 managers with 9 deals beat 12 with 24: 3 vs 2 per manager.
    expect(leagueValue("deals", 9, 3)).toBe(3);
    expect(leagueValue("deals", 24, 12)).toBe(2);
    expect(leagueValue("revenue", 1_000_000, 4)).toBe(250_000);
    expect(leagueValue("deals", 0, 0)).toBeNull();
    expect(leagueValue("call_conversion", 25, 7)).toBe(25);
    expect(leagueValue("lead_time", null, 2)).toBeNull();
  });

  it("league names are 1–40 characters", () => {
    expect(parseLeagueName("  Северные   отделы ")).toBe("Северные отделы");
    expect(parseLeagueName("")).toBeNull();
    expect(parseLeagueName("x".repeat(41))).toBeNull();
  });
});
