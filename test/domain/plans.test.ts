import { describe, expect, it } from "vitest";
import {
  type Plan,
  parseDuration,
  parsePlanValue,
  planApplies,
  planPeriodSpecs,
  progress,
  resolveRelativeTarget,
} from "../../src/domain/plans.js";

const MIN = 60_000;
const H = 3_600_000;
const D = 86_400_000;

describe("parsePlanValue: counts", () => {
  it("accepts positive integers", () => {
    expect(parsePlanValue("deals", "10")).toEqual({ value: 10 });
    expect(parsePlanValue("proposals", " 15 ")).toEqual({ value: 15 });
    expect(parsePlanValue("calls", "1 000")).toEqual({ value: 1000 });
  });

  it("rejects zero, fractions, negatives and words", () => {
    expect(parsePlanValue("deals", "0")).toEqual({ error: "zero" });
    expect(parsePlanValue("deals", "2.5")).toEqual({ error: "not_integer" });
    expect(parsePlanValue("deals", "2,5")).toEqual({ error: "not_integer" });
    expect(parsePlanValue("deals", "-3")).toEqual({ error: "negative" });
    expect(parsePlanValue("deals", "ten")).toEqual({ error: "format" });
    expect(parsePlanValue("deals", "10 сделок")).toEqual({ error: "format" });
  });

  it("accepts relative targets", () => {
    expect(parsePlanValue("deals", "+15%")).toEqual({ relativePercent: 15 });
    expect(parsePlanValue("calls", "-10%")).toEqual({ relativePercent: -10 });
    expect(parsePlanValue("calls", "+ 12,5 %")).toEqual({ relativePercent: 12.5 });
    expect(parsePlanValue("calls", "-100%")).toEqual({ error: "relative_range" });
  });
});

describe("parsePlanValue: money", () => {
  it("parses amounts to kopecks", () => {
    expect(parsePlanValue("revenue", "500000")).toEqual({ value: 50_000_000 });
    expect(parsePlanValue("revenue", "500k")).toEqual({ value: 50_000_000 });
    expect(parsePlanValue("revenue", "1.5m")).toEqual({ value: 150_000_000 });
    expect(parsePlanValue("revenue", "500 тыс")).toEqual({ value: 50_000_000 });
    expect(parsePlanValue("avg_check", "50 000 ₽")).toEqual({ value: 5_000_000 });
  });

  it("passes amount errors through and allows relative targets", () => {
    expect(parsePlanValue("revenue", "0")).toEqual({ error: "zero" });
    expect(parsePlanValue("revenue", "lots")).toEqual({ error: "format" });
    expect(parsePlanValue("revenue", "-5000")).toEqual({ error: "negative" });
    expect(parsePlanValue("revenue", "2000 млрд")).toEqual({ error: "too_large" });
    expect(parsePlanValue("avg_check", "+15%")).toEqual({ relativePercent: 15 });
    expect(parsePlanValue("revenue", "-10%")).toEqual({ relativePercent: -10 });
  });
});

describe("parsePlanValue: percents", () => {
  it("accepts with or without %", () => {
    expect(parsePlanValue("call_conversion", "20%")).toEqual({ value: 20 });
    expect(parsePlanValue("call_conversion", "20")).toEqual({ value: 20 });
    expect(parsePlanValue("win_rate", "12,5 %")).toEqual({ value: 12.5 });
    expect(parsePlanValue("win_rate", "100%")).toEqual({ value: 100 });
  });

  it("rejects out-of-range values and relative targets", () => {
    expect(parsePlanValue("call_conversion", "0%")).toEqual({ error: "zero" });
    expect(parsePlanValue("call_conversion", "120%")).toEqual({ error: "percent_range" });
    expect(parsePlanValue("call_conversion", "+5%")).toEqual({ error: "relative_not_allowed" });
    expect(parsePlanValue("win_rate", "half")).toEqual({ error: "format" });
  });
});

describe("parsePlanValue: durations", () => {
  const ok: [string, number][] = [
    ["24h", 24 * H],
    ["24ч", 24 * H],
    ["24 ч", 24 * H],
    ["24 часа", 24 * H],
    ["7d", 7 * D],
    ["7д", 7 * D],
    ["7 дней", 7 * D],
    ["90m", 90 * MIN],
    ["90мин", 90 * MIN],
    ["90 мин.", 90 * MIN],
    ["1.5h", 90 * MIN],
    ["1,5ч", 90 * MIN],
    ["1d 12h", 36 * H],
    ["2H", 2 * H],
  ];
  it.each(ok)("%j → %d ms", (text, ms) => {
    expect(parsePlanValue("lead_time", text)).toEqual({ value: ms });
  });

  it("rejects missing units, unknown units, zero and relative targets", () => {
    expect(parsePlanValue("lead_time", "24")).toEqual({ error: "duration_unit" });
    expect(parsePlanValue("lead_time", "24x")).toEqual({ error: "format" });
    expect(parsePlanValue("lead_time", "h24")).toEqual({ error: "format" });
    expect(parsePlanValue("close_time", "0d")).toEqual({ error: "zero" });
    expect(parsePlanValue("close_time", "-10%")).toEqual({ error: "relative_not_allowed" });
    expect(parseDuration("")).toEqual({ error: "format" });
    expect(parseDuration("5constructor")).toEqual({ error: "format" });
  });
});

describe("resolveRelativeTarget", () => {
  it("applies the percentage to last period's actual", () => {
    expect(resolveRelativeTarget(5_000_000, 15)).toBeCloseTo(5_750_000, 6);
    expect(resolveRelativeTarget(5_000_000, 15, "avg_check")).toBe(5_750_000);
    expect(resolveRelativeTarget(5_000_001, 15, "revenue")).toBe(5_750_001); // 5 750 001.15 → to the kopeck
    expect(resolveRelativeTarget(10, -10, "deals")).toBe(9);
  });

  it("rounds count targets up, without float noise", () => {
    expect(resolveRelativeTarget(10, 15, "deals")).toBe(12); // 11.5 deals → 12
    expect(resolveRelativeTarget(100, 10, "deals")).toBe(110); // 100 × 1.1 = 110.00000000000001 in floats
  });

  it("has no target without a base", () => {
    expect(resolveRelativeTarget(null, 15, "deals")).toBeNull();
    expect(resolveRelativeTarget(0, 15, "deals")).toBeNull();
  });
});

describe("planApplies", () => {
  const base = { id: 1, metric: "deals", value: 10, period: "month" } as const;
  const team: Plan = { ...base, scope: "team", userId: null };
  const each: Plan = { ...base, scope: "each", userId: null };
  const user5: Plan = { ...base, scope: "user", userId: 5 };

  it("binds team plans to the team, each-plans to everyone, user plans to one person", () => {
    expect([planApplies(team, null), planApplies(team, 5)]).toEqual([true, false]);
    expect([planApplies(each, null), planApplies(each, 5), planApplies(each, 6)]).toEqual([false, true, true]);
    expect([planApplies(user5, null), planApplies(user5, 5), planApplies(user5, 6)]).toEqual([false, true, false]);
  });

  it("maps plan periods to current and previous period specs", () => {
    expect(planPeriodSpecs("month")).toEqual({ current: { kind: "month" }, previous: { kind: "lastmonth" } });
    expect(planPeriodSpecs("day")).toEqual({ current: { kind: "today" }, previous: { kind: "yesterday" } });
    expect(planPeriodSpecs("quarter").previous).toEqual({ kind: "lastquarter" });
  });
});

describe("progress: cumulative metrics (pace)", () => {
  it("computes ratio, pct and pace", () => {
    const p = progress("deals", 7, 10, 0.5);
    expect(p.ratio).toBeCloseTo(0.7, 12);
    expect(p.pct).toBeCloseTo(70, 10);
    expect(p.pace).toBeCloseTo(1.4, 10);
    expect(p.status).toBe("on_pace");
  });

  it("switches status on both sides of 100 % and 80 % pace", () => {
    expect(progress("deals", 7, 10, 0.7).status).toBe("on_pace"); // pace exactly 100 %
    expect(progress("deals", 7, 10, 0.71).status).toBe("behind"); // 98.6 %
    expect(progress("deals", 7, 10, 0.875).status).toBe("behind"); // exactly 80 % (0.7 / 0.875)
    expect(progress("deals", 7, 10, 0.876).status).toBe("at_risk"); // 79.9 %
    expect(progress("revenue", 3_000_000, 10_000_000, 0.5).status).toBe("at_risk"); // 60 %
  });

  it("is done once the target is reached, failed when the period ends short", () => {
    expect(progress("deals", 10, 10, 0.3).status).toBe("done");
    expect(progress("deals", 12, 10, 1).status).toBe("done");
    expect(progress("deals", 9, 10, 1).status).toBe("failed");
  });

  it("has no pace before the period starts, and no status without an actual", () => {
    expect(progress("deals", 0, 10, 0)).toEqual({ ratio: 0, pct: 0, pace: null, status: "on_pace" });
    expect(progress("deals", null, 10, 0.5)).toEqual({ ratio: null, pct: null, pace: null, status: null });
  });
});

describe("progress: level metrics (percents, average check)", () => {
  it("compares the current value with the target, without pace", () => {
    expect(progress("call_conversion", 20, 20, 0.1)).toMatchObject({ status: "on_pace", pace: null });
    expect(progress("call_conversion", 25, 20, 0.1).status).toBe("on_pace");
    expect(progress("call_conversion", 19.9, 20, 0.9).status).toBe("behind");
    expect(progress("call_conversion", 16, 20, 0.5).status).toBe("behind"); // exactly 80 %
    expect(progress("call_conversion", 15.9, 20, 0.5).status).toBe("at_risk");
    expect(progress("win_rate", 8, 20, 0.5).status).toBe("at_risk");
    expect(progress("avg_check", 4_000_000, 5_000_000, 0.2).status).toBe("behind");
    expect(progress("avg_check", 3_999_999, 5_000_000, 0.2).status).toBe("at_risk");
    expect(progress("avg_check", 5_000_000, 5_000_000, 0.2).status).toBe("on_pace");
  });

  it("ends done or failed", () => {
    expect(progress("call_conversion", 20, 20, 1).status).toBe("done");
    expect(progress("call_conversion", 19, 20, 1).status).toBe("failed");
  });

  it("has no status when there is nothing to measure", () => {
    expect(progress("call_conversion", null, 20, 0.5).status).toBeNull();
    expect(progress("avg_check", null, 5_000_000, 0.5).status).toBeNull();
  });
});

describe("progress: time metrics (at most)", () => {
  const target = 24 * H;
  it("switches status at 100 % and 125 % of the target", () => {
    expect(progress("lead_time", 5 * H, target, 0.5).status).toBe("on_pace");
    expect(progress("lead_time", 24 * H, target, 0.5).status).toBe("on_pace");
    expect(progress("lead_time", 24 * H + 1, target, 0.5).status).toBe("behind");
    expect(progress("lead_time", 30 * H, target, 0.5).status).toBe("behind"); // exactly 125 %
    expect(progress("lead_time", 30 * H + 1, target, 0.5).status).toBe("at_risk");
    expect(progress("close_time", 7 * D, 7 * D, 0.5)).toMatchObject({ ratio: 1, pace: null, status: "on_pace" });
  });

  it("ends done or failed, and has no status without data", () => {
    expect(progress("lead_time", 20 * H, target, 1).status).toBe("done");
    expect(progress("lead_time", 25 * H, target, 1).status).toBe("failed");
    expect(progress("close_time", null, 7 * D, 0.5).status).toBeNull();
  });
});
