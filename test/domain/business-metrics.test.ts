import { describe, expect, it } from "vitest";
import { type InputKind, type InputRow, moneyOver, monthShares } from "../../src/domain/business-inputs.js";
import { type BusinessContext, computeBusiness, customersOf, type WonDeal } from "../../src/domain/business-metrics.js";
import { computeKpis, computeKpisByUser, computeTeamKpis } from "../../src/domain/kpi.js";
import type { Period } from "../../src/domain/types.js";

const utc = (iso: string) => Date.parse(iso);
const ANNA = 1;
const BORIS = 2;
const K = 100_000; // 1 000 ₽ in kopecks

const NOVEMBER: Period = {
  from: utc("2026-11-01T00:00:00Z"),
  to: utc("2026-12-01T00:00:00Z"),
  startDate: "2026-11-01",
  endDate: "2026-11-30",
  kind: "month",
};

const deal = (userId: number, clientName: string | null, iso: string, thousands: number, marginPct: number | null = null): WonDeal => ({
  userId,
  clientName,
  occurredAt: utc(iso),
  amountMinor: thousands * K,
  marginPct,
});

const DEALS: WonDeal[] = [
  deal(ANNA, "Acme", "2026-10-10T10:00:00Z", 100), // Acme's first deal: a customer since October
  deal(ANNA, "ACME ", "2026-11-05T10:00:00Z", 200), // the same customer again (normalised name): a repeat
  deal(ANNA, "Beta", "2026-11-10T10:00:00Z", 100, 50), // new in November, its own 50 % margin
  deal(BORIS, "Gamma", "2026-11-20T10:00:00Z", 300), // new in November
  deal(BORIS, "Delta", "2026-08-15T10:00:00Z", 50), // active on 1 Nov (within 90 days), not on 1 Dec: churned
  deal(BORIS, null, "2026-11-25T10:00:00Z", 100), // revenue, but no customer
];

let id = 1;
const input = (kind: InputKind, month: string, value: number, userId: number | null = null, setAt = 1): InputRow => ({
  id: id++,
  kind,
  month,
  userId,
  value,
  setAt,
});

const INPUTS: InputRow[] = [
  input("market", "2026-10", 5_000 * K, null, 1),
  input("market", "2026-10", 10_000 * K, null, 2), // set again for October later: this one holds, and carries into November
  input("margin", "2026-09", 30),
  input("costs", "2026-11", 50 * K, ANNA),
  input("costs", "2026-11", 100 * K, BORIS),
  input("overhead", "2026-11", 60 * K),
];

const ctx = (over: Partial<BusinessContext> = {}): BusinessContext => ({
  tz: "UTC",
  deals: DEALS,
  inputs: INPUTS,
  costUserIds: [ANNA, BORIS],
  subject: null,
  asOf: utc("2026-12-10T00:00:00Z"),
  activeDays: 90,
  ...over,
});

describe("business metrics by hand (November 2026)", () => {
  // Revenue: Anna 200k + 100k = 300k; Boris 300k + 100k = 400k; team 700k (₽).
  // Gross profit: Anna 200k × 30 % + 100k × 50 % = 110k; Boris 400k × 30 % = 120k; team 230k.
  // Costs: Anna 50k + overhead 60k × 300/700; Boris 100k + 60k × 400/700; team 150k + 60k = 210k.
  const annaCosts = 50 * K + (60 * K * 300) / 700;
  const borisCosts = 100 * K + (60 * K * 400) / 700;

  it("computes every metric for a manager", () => {
    const v = computeBusiness(ctx({ subject: [ANNA] }), NOVEMBER).values;
    expect(v.market_share).toBeCloseTo((300 / 10_000) * 100, 9); // 3 %
    expect(v.sales_margin).toBeCloseTo(((110 * K - annaCosts) / (300 * K)) * 100, 9);
    expect(v.cac).toBe(Math.round(annaCosts / 1)); // one new customer: Beta (Acme is October's)
    expect(v.active_customers).toBe(2); // Acme and Beta bought within 90 days of 1 Dec
    expect(v.repeat_rate).toBe(50); // Acme of {Acme, Beta}
    expect(v.churn).toBe(0); // Acme was active on 1 Nov and still is
    // Payback: Sep–Nov gross profit 100k × 30 % (Oct) + 110k = 140k; per active customer a month 140k / 3 / 2.
    expect(v.payback_months).toBeCloseTo(annaCosts / ((140 * K) / 3 / 2), 9);
  });

  it("shares the overhead by revenue and counts churn across periods", () => {
    const v = computeBusiness(ctx({ subject: [BORIS] }), NOVEMBER).values;
    expect(v.cac).toBe(Math.round(borisCosts)); // Gamma
    expect(v.sales_margin).toBeCloseTo(((120 * K - borisCosts) / (400 * K)) * 100, 9); // negative: costs above gross profit
    expect(v.sales_margin!).toBeLessThan(0);
    expect(v.active_customers).toBe(1); // Gamma; Delta's deal is more than 90 days before 1 Dec
    expect(v.repeat_rate).toBe(0);
    expect(v.churn).toBe(100); // Delta: active on 1 Nov, not on 1 Dec
    expect(v.payback_months).toBeCloseTo(borisCosts / ((120 * K) / 3 / 1), 9);
  });

  it("computes team values from team totals, not from the managers' values", () => {
    const v = computeBusiness(ctx(), NOVEMBER).values;
    expect(v.market_share).toBeCloseTo(7, 9); // 700k of 10m
    expect(v.sales_margin).toBeCloseTo(((230 * K - 210 * K) / (700 * K)) * 100, 9);
    expect(v.cac).toBe((210 * K) / 2); // team costs ÷ team new customers (Beta, Gamma)
    // With a second new customer for Boris, the team's CAC is 210k ÷ 3, not the mean of 50k+share and (100k+share) ÷ 2.
    const more = ctx({ deals: [...DEALS, deal(BORIS, "Epsilon", "2026-11-21T10:00:00Z", 0.5)] });
    expect(computeBusiness(more, NOVEMBER).values.cac).toBe(Math.round((210 * K) / 3));
    expect(v.active_customers).toBe(3);
    expect(v.repeat_rate).toBe(25); // Acme of four customers
    expect(v.churn).toBe(50); // of Acme and Delta, Delta left
    expect(v.payback_months).toBeCloseTo((210 * K) / 2 / ((260 * K) / 3 / 3), 9);
  });

  it("shows nothing and names the inputs when they are missing, never 0", () => {
    const r = computeBusiness(ctx({ subject: [ANNA], inputs: [] }), NOVEMBER);
    expect(r.values.market_share).toBeNull();
    expect(r.values.sales_margin).toBeNull();
    expect(r.values.cac).toBeNull();
    expect(r.values.payback_months).toBeNull();
    expect(r.missing.market_share).toEqual([{ kind: "market", userId: null }]);
    expect(r.missing.sales_margin).toEqual([
      { kind: "margin", userId: null },
      { kind: "costs", userId: ANNA },
    ]);
    expect(r.missing.cac).toEqual([{ kind: "costs", userId: ANNA }]);
    // Customers need no inputs.
    expect(r.values.active_customers).toBe(2);
    expect(r.missing.active_customers).toEqual([]);
    // One manager without costs makes the team's costs missing.
    const team = computeBusiness(ctx({ inputs: INPUTS.filter((i) => i.userId !== BORIS) }), NOVEMBER);
    expect(team.values.cac).toBeNull();
    expect(team.missing.cac).toEqual([{ kind: "costs", userId: BORIS }]);
  });

  it("counts a customer's first deal in one month and the repeat in another", () => {
    const october: Period = {
      from: utc("2026-10-01T00:00:00Z"),
      to: NOVEMBER.from,
      startDate: "2026-10-01",
      endDate: "2026-10-31",
      kind: "month",
    };
    const oct = computeBusiness(ctx({ subject: [ANNA] }), october);
    // Acme is October's new customer; at October's end it has one deal: no repeat yet.
    expect(oct.values.repeat_rate).toBe(0);
    expect(oct.values.active_customers).toBe(1);
    expect(customersOf(DEALS).find((c) => c.key === "acme")?.dealTimes).toHaveLength(2);
    // In November Acme's second deal makes it a repeat customer but not a new one.
    expect(computeBusiness(ctx({ subject: [ANNA] }), NOVEMBER).values.repeat_rate).toBe(50);
  });
});

describe("monthly inputs over a period", () => {
  it("holds a value until changed and takes partial months pro rata by days", () => {
    const half: Period = { from: 0, to: 0, startDate: "2026-11-01", endDate: "2026-11-15", kind: "range" };
    expect(moneyOver(INPUTS, "market", half)).toBe(10_000 * K * (15 / 30));
    const span: Period = { from: 0, to: 0, startDate: "2026-10-16", endDate: "2026-11-15", kind: "range" };
    expect(monthShares(span)).toEqual([
      { month: "2026-10", share: 16 / 31 },
      { month: "2026-11", share: 15 / 30 },
    ]);
    expect(moneyOver(INPUTS, "market", span)).toBeCloseTo(10_000 * K * (16 / 31 + 15 / 30), 6);
    // No costs set before November: a span into October is missing.
    expect(moneyOver(INPUTS, "costs", span, ANNA)).toBeNull();
  });
});

describe("business metrics through computeKpis", () => {
  it("lays them over the entries' values, per manager and for the team", () => {
    const base = { activities: [], timelines: [], period: NOVEMBER, business: ctx() };
    expect(computeTeamKpis(base).cac).toBe((210 * K) / 2);
    const byUser = computeKpisByUser(base, [ANNA, BORIS]);
    expect(byUser.get(ANNA)!.active_customers).toBe(2);
    expect(byUser.get(BORIS)!.churn).toBe(100);
    expect(computeKpis({ ...base, business: ctx({ subject: [ANNA] }) }).repeat_rate).toBe(50);
  });
});
