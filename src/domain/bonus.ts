// Bonus rules and a month's bonus (catalogue, "Motivation"): a percent of revenue
// above the revenue plan, a fixed amount per big deal, a fixed amount for reaching
// a plan. The bonus is always computed from entries and plans, never stored; the
// rules are stored with their history (created, removed) and this module decides
// which of them a month uses.

import { METRICS, type MetricKey } from "./metrics.js";
import type { Plan } from "./plans.js";

export const BONUS_KINDS = ["over_plan", "big_deal", "plan_hit"] as const;
export type BonusKind = (typeof BONUS_KINDS)[number];

/** Above this a bonus amount or a deal threshold is a typo, not a rule: 100 млн ₽ in kopecks. */
export const MAX_BONUS_MINOR = 100_000_000 * 100;

/** A rule's parameters: percents in hundredths of a percent (5 % → 500), money in kopecks. */
export type BonusParams =
  | { kind: "over_plan"; percentBp: number }
  | { kind: "big_deal"; thresholdMinor: number; amountMinor: number }
  | { kind: "plan_hit"; metric: MetricKey; amountMinor: number };

interface RuleMeta {
  id: number;
  createdAt: number;
  /** Null while the rule is in force. */
  removedAt: number | null;
}

export type BonusRule = BonusParams & RuleMeta;

/** Two rules that would pay the same thing twice. */
export function sameParams(a: BonusParams, b: BonusParams): boolean {
  switch (a.kind) {
    case "over_plan":
      return b.kind === "over_plan" && a.percentBp === b.percentBp;
    case "big_deal":
      return b.kind === "big_deal" && a.thresholdMinor === b.thresholdMinor && a.amountMinor === b.amountMinor;
    case "plan_hit":
      return b.kind === "plan_hit" && a.metric === b.metric && a.amountMinor === b.amountMinor;
  }
}

/**
 * The rules a month uses: those in force at the month's last instant, or now while
 * the month is still running. A rule added mid-month so applies to the whole month
 * (the month's bonus is what the rules say when it closes), and a rule removed before
 * the month ends no longer applies to it. `monthEnd` is the month's exclusive end.
 */
export function rulesForMonth<R extends BonusRule>(rules: readonly R[], monthEnd: number, now: number): R[] {
  const at = Math.min(monthEnd - 1, now);
  return rules.filter((r) => r.createdAt <= at && (r.removedAt === null || r.removedAt > at));
}

/**
 * The plan that binds a person on a metric for a month: a monthly plan on that
 * person, else the monthly "each manager" plan. A whole-team plan binds the team's
 * total, not a person, and day/week/quarter plans are not a month's target.
 */
export function personalMonthlyPlan(plans: readonly Plan[], userId: number, metric: MetricKey): Plan | null {
  const monthly = plans.filter((p) => p.metric === metric && p.period === "month");
  return monthly.find((p) => p.scope === "user" && p.userId === userId) ?? monthly.find((p) => p.scope === "each") ?? null;
}

/** What the computation needs to know about one person's month. */
export interface BonusPerson {
  /** Amounts of the month's deals, kopecks. */
  deals: readonly number[];
  /** The month's KPI values (revenue in kopecks, …). */
  values: Readonly<Partial<Record<MetricKey, number | null>>>;
  /** The person's monthly target per metric (see personalMonthlyPlan), already resolved for relative plans. */
  targets: Readonly<Partial<Record<MetricKey, number>>>;
  /** Whether they logged anything in the month (an "at most" plan is not met by doing nothing). */
  active: boolean;
}

type RuleOf<K extends BonusKind> = Extract<BonusParams, { kind: K }> & RuleMeta;

export type BonusPart =
  | { rule: RuleOf<"over_plan">; kind: "over_plan"; amountMinor: number; revenue: number; target: number | null; excess: number }
  | { rule: RuleOf<"big_deal">; kind: "big_deal"; amountMinor: number; count: number }
  | {
      rule: RuleOf<"plan_hit">;
      kind: "plan_hit";
      amountMinor: number;
      metric: MetricKey;
      actual: number | null;
      target: number | null;
      hit: boolean;
    };

export interface BonusResult {
  totalMinor: number;
  parts: BonusPart[];
}

// Ratios like 0.7 / 0.875 come out as 0.7999999…; a plan hit must not flip on that.
const EPS = 1e-9;

/** Whether `actual` reaches 100 % of `target`, on the side the metric counts as good. */
export function planReached(metric: MetricKey, actual: number | null, target: number, active: boolean): boolean {
  if (actual === null || !(target > 0)) return false;
  if (METRICS[metric].direction === "at_most") return active && actual <= target * (1 + EPS);
  return actual >= target * (1 - EPS);
}

/** One rule's contribution to one person's month. */
export function rulePart(rule: BonusRule, person: BonusPerson): BonusPart {
  switch (rule.kind) {
    case "over_plan": {
      const revenue = person.values.revenue ?? 0;
      const target = person.targets.revenue ?? null;
      const excess = target === null ? 0 : Math.max(0, revenue - target);
      // Kopecks stay whole: half a kopeck rounds up.
      return { rule, kind: "over_plan", amountMinor: Math.round((excess * rule.percentBp) / 10_000), revenue, target, excess };
    }
    case "big_deal": {
      const count = person.deals.filter((d) => d >= rule.thresholdMinor).length;
      return { rule, kind: "big_deal", amountMinor: count * rule.amountMinor, count };
    }
    case "plan_hit": {
      const actual = person.values[rule.metric] ?? null;
      const target = person.targets[rule.metric] ?? null;
      const hit = target !== null && planReached(rule.metric, actual, target, person.active);
      return { rule, kind: "plan_hit", amountMinor: hit ? rule.amountMinor : 0, metric: rule.metric, actual, target, hit };
    }
  }
}

/** A person's bonus for a month under the given rules (pick them with rulesForMonth). */
export function computeBonus(rules: readonly BonusRule[], person: BonusPerson): BonusResult {
  const parts = rules.map((r) => rulePart(r, person));
  return { totalMinor: parts.reduce((s, p) => s + p.amountMinor, 0), parts };
}
