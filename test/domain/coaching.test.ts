import { describe, expect, it } from "vitest";
import { chooseFocus, percentile, relativeGap } from "../../src/domain/coaching.js";
import type { KpiValues } from "../../src/domain/kpi.js";
import { METRIC_KEYS } from "../../src/domain/metrics.js";

const kpis = (values: Partial<KpiValues>): KpiValues =>
  ({ ...Object.fromEntries(METRIC_KEYS.map((k) => [k, null])), ...values }) as KpiValues;

describe("chooseFocus", () => {
  it("picks the metric furthest behind the team median and the best one as praise", () => {
    // Conversion: 8 against a median of 16 (team 8, 16, 20) → 50 % behind.
    // Calls: 30 against a median of 30 → level. Meetings: 6 against 3 → 100 % ahead.
    const me = kpis({ calls: 30, call_conversion: 8, meetings: 6 });
    const team = [me, kpis({ calls: 30, call_conversion: 16, meetings: 3 }), kpis({ calls: 40, call_conversion: 20, meetings: 2 })];
    const f = chooseFocus({ own: me, team });
    expect(f.weakest).toEqual({ metric: "call_conversion", value: 8, reference: 16, against: "median", gap: 0.5 });
    expect(f.best).toEqual({ metric: "meetings", value: 6, reference: 3, against: "median", gap: -1 });
  });

  it("compares with the manager's own plan when that is further off", () => {
    const me = kpis({ calls: 30 });
    const team = [me, kpis({ calls: 32 }), kpis({ calls: 28 })];
    const f = chooseFocus({ own: me, team, plans: { calls: 60 } });
    expect(f.weakest).toMatchObject({ metric: "calls", reference: 60, against: "plan", gap: 0.5 });
  });

  it("reads times the other way round: a longer lead time is behind", () => {
    const hour = 3_600_000;
    const me = kpis({ lead_time: 6 * hour });
    const team = [me, kpis({ lead_time: 2 * hour }), kpis({ lead_time: 3 * hour })];
    // Median of 6, 2, 3 h = 3 h; (6 - 3) / 3 = 1.
    expect(chooseFocus({ own: me, team }).weakest).toMatchObject({ metric: "lead_time", gap: 1 });
  });

  it("gives no focus when nothing is 20 % behind, and ignores metrics without data", () => {
    const me = kpis({ calls: 26, deals: null });
    const team = [me, kpis({ calls: 30, deals: 3 }), kpis({ calls: 32, deals: 5 })];
    // Median calls 30: (30 - 26) / 30 ≈ 0.13 < 0.2.
    expect(chooseFocus({ own: me, team }).weakest).toBeNull();
    expect(chooseFocus({ own: me, team: [me] }).weakest).toBeNull();
  });

  it("relativeGap is signed by direction", () => {
    expect(relativeGap("deals", 5, 10)).toBe(0.5);
    expect(relativeGap("lost", 15, 10)).toBe(0.5);
    expect(relativeGap("lost", 5, 10)).toBe(-0.5);
  });
});

describe("percentile", () => {
  it("ranks among colleagues, best = 100, ties count half", () => {
    expect(percentile("calls", 40, [10, 20, 40])).toBe(100);
    expect(percentile("calls", 10, [10, 20, 40])).toBe(0);
    expect(percentile("calls", 20, [10, 20, 20, 40])).toBe(50);
    expect(percentile("lead_time", 1, [1, 5, 9])).toBe(100);
    expect(percentile("calls", null, [1, 2])).toBeNull();
    expect(percentile("calls", 3, [3])).toBeNull();
  });
});
