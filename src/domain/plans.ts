// Plans (targets): parsing the value a head types, whom a plan binds, and how
// an actual compares with it given the share of the period already gone.

import { parseAmount } from "./amounts.js";
import { METRICS, type MetricKey } from "./metrics.js";
import type { PeriodSpec } from "./period-parsing.js";

export const PLAN_PERIODS = ["day", "week", "month", "quarter"] as const;
export type PlanPeriod = (typeof PLAN_PERIODS)[number];
/** Whom a plan binds: the team's total, each manager, or one manager. */
export const PLAN_SCOPES = ["team", "each", "user"] as const;
export type PlanScope = (typeof PLAN_SCOPES)[number];

export interface Plan {
  id: number;
  metric: MetricKey;
  /**
   * Target in the metric's unit (count, kopecks, percent, ms). For a relative
   * plan it is the target last resolved by the caller from the previous period.
   */
  value: number;
  period: PlanPeriod;
  scope: PlanScope;
  /** Only for scope "user". */
  userId: number | null;
  /** "+15%" over the previous period's actual; see resolveRelativeTarget. */
  relative?: { percent: number } | null;
}

/** Machine-readable reasons a plan value was rejected; the bot words them per locale. */
export type PlanValueError =
  | "format" // not a number in the form this metric takes
  | "zero"
  | "negative"
  | "too_large"
  | "not_integer" // counts must be whole
  | "percent_range" // percent targets must be in (0, 100]
  | "duration_unit" // durations need a unit: "24h", "7д"
  | "relative_not_allowed" // "+15%" on a percent or time metric
  | "relative_range"; // "-100%" or less would make the target ≤ 0

export type PlanValueResult = { value: number } | { relativePercent: number } | { error: PlanValueError };

// Relative targets make sense only where "15% more than last period" is a number
// the team can aim at: counts and money. For percent metrics "+5%" is ambiguous
// (points or relative), and for time metrics it reads backwards.
function allowsRelative(metric: MetricKey): boolean {
  const unit = METRICS[metric].unit;
  return unit === "count" || unit === "money";
}

const RELATIVE_RE = /^([+\-−])\s*(\d+(?:[.,]\d+)?)\s*%$/u;
const NUMBER_RE = /^\d+(?:[.,]\d+)?$/;
const GROUPED_INT_RE = /^\d{1,3}(?:[ \u00A0\u2009\u202F]\d{3})+$/u;

const DURATION_UNITS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    m: 60_000,
    min: 60_000,
    мин: 60_000,
    h: 3_600_000,
    ч: 3_600_000,
    час: 3_600_000,
    часа: 3_600_000,
    часов: 3_600_000,
    d: 86_400_000,
    д: 86_400_000,
    дн: 86_400_000,
    день: 86_400_000,
    дня: 86_400_000,
    дней: 86_400_000,
  }),
);
const DURATION_PART_RE = /(\d+(?:[.,]\d+)?)\s*([a-zа-яё]+)\.?\s*/gu;

/** "24h", "24 ч", "7д", "90мин", "1.5h", "1d 12h" → ms; an error when malformed, zero or without a unit. */
export function parseDuration(text: string): number | { error: PlanValueError } {
  const t = text.trim().toLowerCase();
  if (NUMBER_RE.test(t)) return { error: "duration_unit" };
  let total = 0;
  let consumed = 0;
  for (const m of t.matchAll(DURATION_PART_RE)) {
    if (m.index !== consumed) return { error: "format" };
    const unit = DURATION_UNITS.get(m[2]!); // Map: "5constructor" is not a unit
    if (unit === undefined) return { error: "format" };
    total += Number(m[1]!.replace(",", ".")) * unit;
    consumed = m.index + m[0].length;
  }
  if (consumed === 0 || consumed !== t.length) return { error: "format" };
  const ms = Math.round(total);
  return ms === 0 ? { error: "zero" } : ms;
}

/**
 * Parses a plan value for `metric`: counts are positive integers ("10",
 * "1 000"); money goes through parseAmount ("500k", "1,5 млн") to kopecks;
 * percents "20%" or "20" in (0, 100]; durations need a unit ("24ч", "7d").
 * "+15%" / "-10%" give a relative target for count and money metrics.
 */
export function parsePlanValue(metric: MetricKey, text: string): PlanValueResult {
  const t = text.trim();
  const rel = RELATIVE_RE.exec(t);
  if (rel !== null) {
    if (!allowsRelative(metric)) return { error: "relative_not_allowed" };
    const magnitude = Number(rel[2]!.replace(",", "."));
    const percent = rel[1] === "+" ? magnitude : -magnitude;
    if (percent <= -100) return { error: "relative_range" };
    return { relativePercent: percent };
  }
  if (/^[-−]/u.test(t)) return { error: "negative" };

  switch (METRICS[metric].unit) {
    case "count": {
      const compact = GROUPED_INT_RE.test(t) ? t.replace(/\D/g, "") : t;
      if (/^\d+$/.test(compact)) {
        const n = Number(compact);
        if (n === 0) return { error: "zero" };
        return Number.isSafeInteger(n) ? { value: n } : { error: "too_large" };
      }
      return NUMBER_RE.test(compact) ? { error: "not_integer" } : { error: "format" };
    }
    case "money": {
      const r = parseAmount(t);
      return "error" in r ? { error: r.error } : { value: r.minor };
    }
    case "percent": {
      const m = /^(\d+(?:[.,]\d+)?)\s*%?$/u.exec(t);
      if (m === null) return { error: "format" };
      const p = Number(m[1]!.replace(",", "."));
      if (p === 0) return { error: "zero" };
      return p > 100 ? { error: "percent_range" } : { value: p };
    }
    case "duration": {
      const r = parseDuration(t);
      return typeof r === "number" ? { value: r } : r;
    }
    case "months": {
      // "6", "4,5", "6 мес": a number of months, more than zero.
      const m = /^(\d+(?:[.,]\d+)?)\s*(?:мес\.?|месяц\w*|mo|months?)?$/iu.exec(t);
      if (m === null) return { error: "format" };
      const n = Number(m[1]!.replace(",", "."));
      return n === 0 ? { error: "zero" } : { value: n };
    }
  }
}

/**
 * Target of a relative plan: last period's actual × (1 + percent/100). Counts
 * round up (10 deals +15 % → 12: 11.5 deals cannot be closed), money to the
 * kopeck. Null when there is no usable base (nothing last period).
 */
export function resolveRelativeTarget(base: number | null, percent: number, metric?: MetricKey): number | null {
  if (base === null || base <= 0) return null;
  const raw = base * (1 + percent / 100);
  if (metric === undefined) return raw;
  const unit = METRICS[metric].unit;
  // The epsilon keeps 20 × 1.15 = 22.999999… from rounding up to 24.
  if (unit === "count") return Math.ceil(raw - 1e-9);
  if (unit === "money") return Math.round(raw);
  return raw;
}

/**
 * Whether `plan` sets a target for `userId`; pass null to ask about the team
 * aggregate. Team plans bind the team's total, not each member.
 */
export function planApplies(plan: Plan, userId: number | null): boolean {
  if (userId === null) return plan.scope === "team";
  if (plan.scope === "each") return true;
  return plan.scope === "user" && plan.userId === userId;
}

/** The period spec a plan is measured over, and the one before it (for relative targets). */
export function planPeriodSpecs(period: PlanPeriod): { current: PeriodSpec; previous: PeriodSpec } {
  switch (period) {
    case "day":
      return { current: { kind: "today" }, previous: { kind: "yesterday" } };
    case "week":
      return { current: { kind: "week" }, previous: { kind: "lastweek" } };
    case "month":
      return { current: { kind: "month" }, previous: { kind: "lastmonth" } };
    case "quarter":
      return { current: { kind: "quarter" }, previous: { kind: "lastquarter" } };
  }
}

export type ProgressStatus = "on_pace" | "behind" | "at_risk" | "done" | "failed";

export interface Progress {
  /** actual ÷ target. */
  ratio: number | null;
  /** ratio in %. */
  pct: number | null;
  /** ratio ÷ share of working time gone; only for cumulative (summable, at-least) metrics. */
  pace: number | null;
  status: ProgressStatus | null;
}

// Ratios like 0.7 / 0.875 come out as 0.7999999…; thresholds must not flip on that.
const EPS = 1e-9;

/**
 * How an actual stands against a target.
 *
 * - Cumulative metrics (summable, at least: calls, deals, revenue…): pace =
 *   ratio ÷ share; on pace ≥ 100 %, behind 80–99 %, at risk < 80 %; "done" as
 *   soon as actual ≥ target; "failed" once the period is over (share ≥ 1) short
 *   of it. With share 0 nothing was due yet, so on pace.
 * - Level metrics (percent metrics and avg_check, whose value does not grow
 *   with time): current value vs target: ≥ → on pace, ≥ 80 % → behind, else at risk.
 * - At-most metrics (lead_time, close_time, lost): ≤ target → on pace,
 *   ≤ 125 % → behind, else at risk.
 * Level and at-most metrics end as "done" / "failed" once share ≥ 1.
 * A null actual (nothing to measure) gives a null status.
 */
export function progress(metricKey: MetricKey, actual: number | null, target: number, share: number): Progress {
  if (actual === null || !(target > 0)) return { ratio: null, pct: null, pace: null, status: null };
  const def = METRICS[metricKey];
  const ratio = actual / target;
  const pct = ratio * 100;
  const over = share >= 1;

  if (def.direction === "at_most") {
    const ok = actual <= target;
    const status: ProgressStatus = over ? (ok ? "done" : "failed") : ok ? "on_pace" : ratio <= 1.25 + EPS ? "behind" : "at_risk";
    return { ratio, pct, pace: null, status };
  }
  if (!def.summable) {
    const ok = actual >= target;
    const status: ProgressStatus = over ? (ok ? "done" : "failed") : ok ? "on_pace" : ratio >= 0.8 - EPS ? "behind" : "at_risk";
    return { ratio, pct, pace: null, status };
  }
  const pace = share > 0 ? ratio / share : null;
  let status: ProgressStatus;
  if (actual >= target) status = "done";
  else if (over) status = "failed";
  else if (pace === null || pace >= 1 - EPS) status = "on_pace";
  else if (pace >= 0.8 - EPS) status = "behind";
  else status = "at_risk";
  return { ratio, pct, pace, status };
}
