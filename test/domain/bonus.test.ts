import { describe, expect, it } from "vitest";
import {
  type BonusPerson,
  type BonusRule,
  computeBonus,
  personalMonthlyPlan,
  planReached,
  rulesForMonth,
  sameParams,
} from "../../src/domain/bonus.js";
import type { Plan } from "../../src/domain/plans.js";

const RUB = 100; // kopecks
const overPlan = (percentBp: number, id = 1): BonusRule => ({ id, kind: "over_plan", percentBp, createdAt: 0, removedAt: null });
const bigDeal = (threshold: number, amount: number, id = 2): BonusRule => ({
  id,
  kind: "big_deal",
  thresholdMinor: threshold * RUB,
  amountMinor: amount * RUB,
  createdAt: 0,
  removedAt: null,
});
const planHit = (metric: "deals" | "lost" | "call_conversion" | "lead_time", amount: number, id = 3): BonusRule => ({
  id,
  kind: "plan_hit",
  metric,
  amountMinor: amount * RUB,
  createdAt: 0,
  removedAt: null,
});

function person(p: Partial<BonusPerson>): BonusPerson {
  return { deals: [], values: {}, targets: {}, active: true, ...p };
}

describe("computeBonus: over_plan", () => {
  it("pays the percent of revenue above the plan", () => {
    // 5 % × (1 200 000 − 1 000 000) = 10 000 ₽.
    const r = computeBonus([overPlan(500)], person({ values: { revenue: 1_200_000 * RUB }, targets: { revenue: 1_000_000 * RUB } }));
    expect(r.totalMinor).toBe(10_000 * RUB);
    expect(r.parts[0]).toMatchObject({ kind: "over_plan", excess: 200_000 * RUB, target: 1_000_000 * RUB });
  });

  it("pays nothing at or below the plan", () => {
    const r = computeBonus([overPlan(500)], person({ values: { revenue: 900_000 * RUB }, targets: { revenue: 1_000_000 * RUB } }));
    expect(r.totalMinor).toBe(0);
    expect(r.parts[0]).toMatchObject({ excess: 0 });
  });

  it("pays nothing and says so when there is no plan", () => {
    const r = computeBonus([overPlan(500)], person({ values: { revenue: 5_000_000 * RUB } }));
    expect(r.totalMinor).toBe(0);
    expect(r.parts[0]).toMatchObject({ kind: "over_plan", target: null });
  });

  it("keeps kopecks whole (2,5 % of 333,33 ₽ = 8,33325 ₽ → 833 kopecks)", () => {
    const r = computeBonus([overPlan(250)], person({ values: { revenue: 1_333_33 }, targets: { revenue: 1_000_00 } }));
    expect(r.totalMinor).toBe(833);
  });
});

describe("computeBonus: big_deal", () => {
  it("pays per deal at or above the threshold", () => {
    // Deals 300 000 (counts: at the threshold), 299 999, 450 000 → 2 × 10 000.
    const r = computeBonus([bigDeal(300_000, 10_000)], person({ deals: [300_000 * RUB, 299_999 * RUB, 450_000 * RUB] }));
    expect(r.totalMinor).toBe(20_000 * RUB);
    expect(r.parts[0]).toMatchObject({ kind: "big_deal", count: 2 });
  });

  it("needs no plan", () => {
    expect(computeBonus([bigDeal(1, 5)], person({ deals: [100, 200, 300] })).totalMinor).toBe(15 * RUB);
  });
});

describe("computeBonus: plan_hit", () => {
  it("pays at 100 % of an at-least plan, not below", () => {
    expect(computeBonus([planHit("deals", 15_000)], person({ values: { deals: 10 }, targets: { deals: 10 } })).totalMinor).toBe(
      15_000 * RUB,
    );
    const short = computeBonus([planHit("deals", 15_000)], person({ values: { deals: 9 }, targets: { deals: 10 } }));
    expect(short.totalMinor).toBe(0);
    expect(short.parts[0]).toMatchObject({ hit: false, actual: 9, target: 10 });
  });

  it("for an at-most metric pays when the value stays within the ceiling", () => {
    const rule = planHit("lost", 5_000);
    expect(computeBonus([rule], person({ values: { lost: 3 }, targets: { lost: 3 } })).totalMinor).toBe(5_000 * RUB);
    expect(computeBonus([rule], person({ values: { lost: 4 }, targets: { lost: 3 } })).totalMinor).toBe(0);
    // Nothing logged at all is not "few losses".
    expect(computeBonus([rule], person({ values: { lost: 0 }, targets: { lost: 3 }, active: false })).totalMinor).toBe(0);
  });

  it("needs a value: no leads qualified means no lead time to meet the plan with", () => {
    expect(computeBonus([planHit("lead_time", 1_000)], person({ values: { lead_time: null }, targets: { lead_time: 1 } })).totalMinor).toBe(
      0,
    );
  });

  it("pays nothing without a plan", () => {
    const r = computeBonus([planHit("deals", 15_000)], person({ values: { deals: 50 } }));
    expect(r.totalMinor).toBe(0);
    expect(r.parts[0]).toMatchObject({ target: null, hit: false });
  });
});

describe("computeBonus: several rules", () => {
  it("sums the rules, one part each in the rules' order", () => {
    // 10 % × (600 000 − 500 000) = 10 000; 1 deal ≥ 300 000 → 10 000; 3 of 2 deals → 15 000. Total 35 000.
    const r = computeBonus(
      [overPlan(1000, 1), bigDeal(300_000, 10_000, 2), planHit("deals", 15_000, 3)],
      person({
        deals: [400_000 * RUB, 100_000 * RUB, 100_000 * RUB],
        values: { revenue: 600_000 * RUB, deals: 3 },
        targets: { revenue: 500_000 * RUB, deals: 2 },
      }),
    );
    expect(r.parts.map((p) => p.amountMinor)).toEqual([10_000 * RUB, 10_000 * RUB, 15_000 * RUB]);
    expect(r.totalMinor).toBe(35_000 * RUB);
  });
});

describe("planReached", () => {
  it("does not flip on float noise", () => {
    expect(planReached("call_conversion", 0.7 / 0.875, 0.8, true)).toBe(true);
  });
});

describe("rulesForMonth", () => {
  // November: [NOV, DEC).
  const NOV = 1_000_000;
  const DEC = 2_000_000;
  const rule = (id: number, createdAt: number, removedAt: number | null): BonusRule => ({ ...overPlan(100, id), createdAt, removedAt });
  const rules = [
    rule(1, NOV - 10, null), // before the month, still in force
    rule(2, NOV + 500, null), // added mid-month: the whole month
    rule(3, NOV - 10, NOV + 500), // removed mid-month: not this month
    rule(4, DEC + 5, null), // added next month
    rule(5, NOV - 10, DEC + 5), // removed after the month ended: still this month
  ];

  it("takes the rules in force when a past month ended", () => {
    expect(rulesForMonth(rules, DEC, DEC + 100).map((r) => r.id)).toEqual([1, 2, 5]);
  });

  it("takes the rules in force now while the month runs", () => {
    expect(rulesForMonth(rules, DEC, NOV + 600).map((r) => r.id)).toEqual([1, 2, 5]);
    expect(rulesForMonth(rules, DEC, NOV + 100).map((r) => r.id)).toEqual([1, 3, 5]);
  });
});

describe("personalMonthlyPlan", () => {
  const plan = (id: number, p: Partial<Plan>): Plan => ({
    id,
    metric: "deals",
    value: 10,
    period: "month",
    scope: "each",
    userId: null,
    ...p,
  });
  const plans = [
    plan(1, { scope: "team", value: 100 }),
    plan(2, { scope: "each", value: 10 }),
    plan(3, { scope: "user", userId: 7, value: 12 }),
    plan(4, { scope: "user", userId: 8, period: "week", value: 3 }),
  ];

  it("takes the person's own monthly plan over the one for each manager", () => {
    expect(personalMonthlyPlan(plans, 7, "deals")?.value).toBe(12);
    expect(personalMonthlyPlan(plans, 8, "deals")?.value).toBe(10);
  });

  it("never takes the team's total or another period", () => {
    expect(personalMonthlyPlan([plans[0]!, plans[3]!], 8, "deals")).toBeNull();
    expect(personalMonthlyPlan(plans, 7, "revenue")).toBeNull();
  });
});

describe("sameParams", () => {
  it("compares kind and every parameter", () => {
    expect(sameParams(bigDeal(300_000, 10_000), bigDeal(300_000, 10_000, 9))).toBe(true);
    expect(sameParams(bigDeal(300_000, 10_000), bigDeal(300_000, 20_000))).toBe(false);
    expect(sameParams(planHit("deals", 1), planHit("lost", 1))).toBe(false);
    expect(sameParams(overPlan(500), planHit("deals", 5))).toBe(false);
  });
});
