// Which metric a manager most needs coaching on, and where they stand in the
// team: pure functions over KPI values (see docs/head-guide.md, "Coaching and training").

import { type KpiValues, median } from "./kpi.js";
import { METRICS, type MetricKey } from "./metrics.js";

/**
 * Metrics a coaching note may be about: the ones a manager's own work moves.
 * `leads` (mostly inbound) and `lost` (a count that grows with activity) are left out.
 */
export const COACHING_METRICS: readonly MetricKey[] = [
  "calls",
  "meetings",
  "call_conversion",
  "proposals",
  "presentations",
  "deals",
  "revenue",
  "avg_check",
  "win_rate",
  "lead_time",
  "close_time",
];

/** A manager counts as behind on a metric when at least this far (relative) from the reference. */
export const BEHIND_THRESHOLD = 0.2;

export interface MetricGap {
  metric: MetricKey;
  value: number;
  /** The team median, or the manager's own target. */
  reference: number;
  against: "median" | "plan";
  /** How far behind, relative to the reference (0.5 = half-way short); negative = ahead. */
  gap: number;
}

/** Relative shortfall of `value` against `reference`, signed by the metric's good direction. */
export function relativeGap(metric: MetricKey, value: number, reference: number): number {
  if (reference === 0) return value === 0 ? 0 : METRICS[metric].direction === "at_least" ? -1 : 1;
  const diff = METRICS[metric].direction === "at_least" ? reference - value : value - reference;
  return diff / Math.abs(reference);
}

export interface FocusInput {
  /** The manager's values over the period. */
  own: KpiValues;
  /** Every manager's values over the same period, the manager's own included. */
  team: KpiValues[];
  /** The manager's own targets scaled to the period (metric → target), if any. */
  plans?: Partial<Record<MetricKey, number>>;
}

export interface Focus {
  weakest: MetricGap | null;
  best: MetricGap | null;
}

/**
 * The weakest metric (largest relative gap to the team median or to the manager's
 * own plan, at least BEHIND_THRESHOLD) and the best one (furthest ahead of the
 * median). Ties go to catalogue order. A metric needs the manager's value and a
 * team median over at least two managers; null values are never compared.
 */
export function chooseFocus(input: FocusInput): Focus {
  const gaps: MetricGap[] = [];
  for (const metric of COACHING_METRICS) {
    const value = input.own[metric];
    if (value === null) continue;
    const values = input.team.map((k) => k[metric]).filter((v): v is number => v !== null);
    const med = values.length >= 2 ? median(values) : null;
    if (med !== null) gaps.push({ metric, value, reference: med, against: "median", gap: relativeGap(metric, value, med) });
    const target = input.plans?.[metric];
    if (target !== undefined && target > 0)
      gaps.push({ metric, value, reference: target, against: "plan", gap: relativeGap(metric, value, target) });
  }
  let weakest: MetricGap | null = null;
  let best: MetricGap | null = null;
  for (const g of gaps) {
    if (g.gap >= BEHIND_THRESHOLD && (!weakest || g.gap > weakest.gap)) weakest = g;
    if (g.against === "median" && g.gap < 0 && (!best || g.gap < best.gap)) best = g;
  }
  if (best && weakest && best.metric === weakest.metric) best = null;
  return { weakest, best };
}

/**
 * Percentile rank of `value` among the team's values (0 = worst, 100 = best),
 * direction-aware; ties count half. Null when there is nobody to compare with.
 */
export function percentile(metric: MetricKey, value: number | null, team: readonly (number | null)[]): number | null {
  if (value === null) return null;
  const vals = team.filter((v): v is number => v !== null);
  if (vals.length < 2) return null;
  const better = (a: number, b: number) => (METRICS[metric].direction === "at_least" ? a > b : a < b);
  let below = 0;
  let equal = 0;
  for (const v of vals) {
    if (v === value) equal += 1;
    else if (better(value, v)) below += 1;
  }
  // The manager's own value is among `vals`; rank against the others.
  const others = vals.length - 1;
  return Math.round(((below + (equal - 1) / 2) / others) * 100);
}
