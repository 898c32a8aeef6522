// KPI values per the catalogue, from raw activity rows and lead timelines.
// Team figures are always recomputed from the team's raw entries (team
// conversion = team meeting-calls ÷ team calls), never averaged from ratios.

import { BUSINESS_METRIC_KEYS, type BusinessContext, type BusinessMetricKey, computeBusiness } from "./business-metrics.js";
import { METRIC_KEYS, type MetricKey } from "./metrics.js";
import { bucketKey, bucketKeyForDate, bucketKeys, type Grouping } from "./period-buckets.js";
import { listDates } from "./periods.js";
import { DEFAULT_POINT_WEIGHTS, entryPoints, type PointWeights } from "./points.js";
import { addDays, zonedMidnight } from "./time.js";
import { ACTIVITY_KINDS, type ActivityKind, type ActivityRecord, type CallOutcome, type LeadTimeline, type Period } from "./types.js";

export type KpiValues = Record<MetricKey, number | null>;

/**
 * Entries counted in the database (one row per person, kind and call outcome over a
 * period) instead of read one by one: what every KPI needs from entries, in about a
 * hundred rows where a team's month has thousands.
 */
export interface ActivityCount {
  userId: number;
  kind: ActivityKind;
  outcome: CallOutcome | null;
  n: number;
  /** Sum of amountMinor (deals), 0 when none. */
  amountMinor: number;
}

export interface KpiInput {
  /** Non-deleted activities of whoever is measured; filtered to the period here. */
  activities: readonly ActivityRecord[];
  /** Counts already limited to the period, taken with (or instead of) `activities`. */
  counts?: readonly ActivityCount[];
  /** Timelines of those people's leads. */
  timelines: readonly LeadTimeline[];
  period: Period;
  /** The team's point weights (points.ts); the catalogue's defaults when absent. */
  weights?: PointWeights;
  /** Customers' history and the head's inputs; without it the business metrics are null. */
  business?: BusinessContext;
}

/** Running totals from which every KPI follows; cheap to build per user or bucket. */
interface Tally {
  calls: number;
  meetingCalls: number;
  noanswerCalls: number;
  meetings: number;
  proposals: number;
  presentations: number;
  deals: number;
  revenue: number;
  lost: number;
  leads: number;
  points: number;
  leadDurations: number[];
  closeDurations: number[];
}

function newTally(): Tally {
  return {
    calls: 0,
    meetingCalls: 0,
    noanswerCalls: 0,
    meetings: 0,
    proposals: 0,
    presentations: 0,
    deals: 0,
    revenue: 0,
    lost: 0,
    leads: 0,
    points: 0,
    leadDurations: [],
    closeDurations: [],
  };
}

function addActivity(t: Tally, a: ActivityRecord, weights: PointWeights): void {
  addEntries(t, { kind: a.kind, outcome: a.outcome, n: 1, amountMinor: a.amountMinor ?? 0 }, weights);
}

/** `n` entries of one kind and outcome (one entry, or a counted group): the one place entries are tallied. */
function addEntries(t: Tally, a: Omit<ActivityCount, "userId">, weights: PointWeights): void {
  const n = a.n;
  t.points += n * entryPoints(a, weights);
  switch (a.kind) {
    case "call":
      t.calls += n;
      if (a.outcome === "meeting") t.meetingCalls += n;
      if (a.outcome === "noanswer") t.noanswerCalls += n;
      break;
    case "meeting":
      t.meetings += n;
      break;
    case "proposal":
      t.proposals += n;
      break;
    case "presentation":
      t.presentations += n;
      break;
    case "deal":
      t.deals += n;
      t.revenue += a.amountMinor;
      break;
    case "lost":
      t.lost += n;
      break;
    case "lead":
      t.leads += n;
      break;
    default: {
      // A new activity kind does not compile until it is tallied here.
      const unhandled: never = a.kind;
      throw new Error(`unknown activity kind ${String(unhandled)}`);
    }
  }
}

function inPeriod(ms: number | null, period: Period): ms is number {
  return ms !== null && ms >= period.from && ms < period.to;
}

/** Median of a list (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const percentOf = (part: number, whole: number) => (whole === 0 ? null : (part / whole) * 100);

type MetricComputation =
  | {
      /** Built from logged entries: only these kinds change it (a trend reads just them). */
      from: "activities";
      kinds: readonly ActivityKind[];
      value: (t: Tally) => number | null;
    }
  | {
      /** Built from lead timelines (stage times), or set from the business context. */
      from: "timelines" | "business";
      value: (t: Tally) => number | null;
    };

/**
 * Every metric's value from a tally. Exhaustive: a new metric key does not
 * compile until it is computed here (a new input also needs a Tally field).
 */
const COMPUTATIONS: Record<MetricKey, MetricComputation> = {
  calls: { from: "activities", kinds: ["call"], value: (t) => t.calls },
  meetings: { from: "activities", kinds: ["meeting"], value: (t) => t.meetings },
  call_conversion: { from: "activities", kinds: ["call"], value: (t) => percentOf(t.meetingCalls, t.calls) },
  noanswer_rate: { from: "activities", kinds: ["call"], value: (t) => percentOf(t.noanswerCalls, t.calls) },
  proposals: { from: "activities", kinds: ["proposal"], value: (t) => t.proposals },
  presentations: { from: "activities", kinds: ["presentation"], value: (t) => t.presentations },
  deals: { from: "activities", kinds: ["deal"], value: (t) => t.deals },
  revenue: { from: "activities", kinds: ["deal"], value: (t) => t.revenue },
  // Rounded to whole kopecks: money stays integer minor units everywhere.
  avg_check: { from: "activities", kinds: ["deal"], value: (t) => (t.deals === 0 ? null : Math.round(t.revenue / t.deals)) },
  lost: { from: "activities", kinds: ["lost"], value: (t) => t.lost },
  win_rate: { from: "activities", kinds: ["deal", "lost"], value: (t) => percentOf(t.deals, t.deals + t.lost) },
  lead_time: { from: "timelines", value: (t) => median(t.leadDurations) },
  close_time: { from: "timelines", value: (t) => median(t.closeDurations) },
  leads: { from: "activities", kinds: ["lead"], value: (t) => t.leads },
  points: { from: "activities", kinds: ACTIVITY_KINDS, value: (t) => t.points },
  // Set from the business context by withBusiness (business-metrics.ts); null without one.
  market_share: { from: "business", value: () => null },
  sales_margin: { from: "business", value: () => null },
  cac: { from: "business", value: () => null },
  payback_months: { from: "business", value: () => null },
  active_customers: { from: "business", value: () => null },
  repeat_rate: { from: "business", value: () => null },
  churn: { from: "business", value: () => null },
};

/** What a metric is built from: entries, lead timelines, or the business context. */
export function metricSource(metric: MetricKey): MetricComputation["from"] {
  return COMPUTATIONS[metric].from;
}

/**
 * The entry kinds a metric is built from (a trend of it reads only these); null for
 * metrics built from lead timelines or the business context.
 */
export function metricKinds(metric: MetricKey): readonly ActivityKind[] | null {
  const c = COMPUTATIONS[metric];
  return c.from === "activities" ? c.kinds : null;
}

/** The business metrics of `subject` (null: the context's own subject) laid over the entries' values. */
function withBusiness(values: KpiValues, input: KpiInput, subject?: readonly number[]): KpiValues {
  if (input.business === undefined) return values;
  const ctx = subject === undefined ? input.business : { ...input.business, subject };
  const b = computeBusiness(ctx, input.period).values;
  for (const k of BUSINESS_METRIC_KEYS) values[k] = b[k];
  return values;
}

function finish(t: Tally): KpiValues {
  return Object.fromEntries(METRIC_KEYS.map((k) => [k, COMPUTATIONS[k].value(t)])) as KpiValues;
}

// lead_time counts leads qualified in the period; close_time deals won in it.
// A won timeline without qualifiedAt breaks the "skipped stages carry the jump
// instant" invariant, so it is left out rather than guessed.
function addTimeline(t: Tally, tl: LeadTimeline, period: Period): void {
  if (inPeriod(tl.qualifiedAt, period)) t.leadDurations.push(tl.qualifiedAt - tl.registeredAt);
  if (inPeriod(tl.wonAt, period) && tl.qualifiedAt !== null) t.closeDurations.push(tl.wonAt - tl.qualifiedAt);
}

/** All KPIs of the given entries over `period` (activities by occurredAt in [from, to)). */
export function computeKpis(input: KpiInput): KpiValues {
  const t = newTally();
  const weights = input.weights ?? DEFAULT_POINT_WEIGHTS;
  for (const a of input.activities) if (inPeriod(a.occurredAt, input.period)) addActivity(t, a, weights);
  for (const c of input.counts ?? []) addEntries(t, c, weights);
  for (const tl of input.timelines) addTimeline(t, tl, input.period);
  return withBusiness(finish(t), input);
}

/**
 * KPIs per manager in one pass (activities by userId, timelines by ownerId).
 * Every id in `userIds` gets an entry, even with no activity; rows of other
 * people are ignored.
 */
export function computeKpisByUser(input: KpiInput, userIds: number[]): Map<number, KpiValues> {
  const tallies = new Map<number, Tally>();
  for (const id of userIds) tallies.set(id, newTally());
  const weights = input.weights ?? DEFAULT_POINT_WEIGHTS;
  for (const a of input.activities) {
    const t = tallies.get(a.userId);
    if (t !== undefined && inPeriod(a.occurredAt, input.period)) addActivity(t, a, weights);
  }
  for (const c of input.counts ?? []) {
    const t = tallies.get(c.userId);
    if (t !== undefined) addEntries(t, c, weights);
  }
  for (const tl of input.timelines) {
    const t = tallies.get(tl.ownerId);
    if (t !== undefined) addTimeline(t, tl, input.period);
  }
  const out = new Map<number, KpiValues>();
  for (const [id, t] of tallies) out.set(id, withBusiness(finish(t), input, [id]));
  return out;
}

/**
 * Team KPIs: computeKpis over everyone's raw entries pooled together, so ratios
 * are team totals ÷ team totals, not an average of the managers' ratios.
 */
export function computeTeamKpis(input: KpiInput): KpiValues {
  return computeKpis(input);
}

export interface SeriesPoint {
  key: string;
  value: number | null;
}

export interface TimeSeriesOptions {
  /** ISO weekday weeks start on (grouping "week"); Monday by default. */
  weekStart?: number;
  /** Needed only for lead_time / close_time; without it those points are null. */
  timelines?: readonly LeadTimeline[];
  /** The team's point weights; the catalogue's defaults when absent. */
  weights?: PointWeights;
  /** Needed only for the business metrics; without it those points are null. */
  business?: BusinessContext;
}

/** Each bucket's own part of the period (its dates, clipped to the period), for values that need a whole period. */
function bucketPeriods(period: Period, tz: string, grouping: Grouping, weekStart: number): Map<string, Period> {
  const out = new Map<string, Period>();
  for (const date of listDates(period)) {
    const key = bucketKeyForDate(date, grouping, weekStart);
    const p = out.get(key);
    const to = Math.min(period.to, zonedMidnight(addDays(date, 1), tz));
    if (p) Object.assign(p, { endDate: date, to });
    else out.set(key, { from: Math.max(period.from, zonedMidnight(date, tz)), to, startDate: date, endDate: date, kind: "range" });
  }
  return out;
}

/**
 * One metric over time: a point for every day / week / month bucket the period
 * touches (empty buckets show 0 for counts and null for ratios and times).
 * Week keys are the first date of the week ("2026-11-23"), months "2026-11".
 */
export function timeSeries(
  activities: readonly ActivityRecord[],
  period: Period,
  tz: string,
  grouping: Grouping,
  metric: MetricKey,
  opts: TimeSeriesOptions = {},
): SeriesPoint[] {
  const weekStart = opts.weekStart ?? 1;
  const tallies = new Map<string, Tally>();
  const keys = bucketKeys(period, grouping, weekStart);
  for (const key of keys) tallies.set(key, newTally());

  if (COMPUTATIONS[metric].from === "business") {
    const business = opts.business;
    if (business === undefined) return keys.map((key) => ({ key, value: null }));
    const parts = bucketPeriods(period, tz, grouping, weekStart);
    return keys.map((key) => {
      const part = parts.get(key);
      return { key, value: part ? computeBusiness(business, part).values[metric as BusinessMetricKey] : null };
    });
  }
  if (COMPUTATIONS[metric].from === "activities") {
    for (const a of activities) {
      if (!inPeriod(a.occurredAt, period)) continue;
      const t = tallies.get(bucketKey(a.occurredAt, tz, grouping, weekStart));
      if (t !== undefined) addActivity(t, a, opts.weights ?? DEFAULT_POINT_WEIGHTS);
    }
  } else if (opts.timelines !== undefined) {
    // Each duration lands in the bucket of the event that defines it.
    for (const tl of opts.timelines) {
      if (metric === "lead_time" && inPeriod(tl.qualifiedAt, period)) {
        tallies.get(bucketKey(tl.qualifiedAt, tz, grouping, weekStart))?.leadDurations.push(tl.qualifiedAt - tl.registeredAt);
      }
      if (metric === "close_time" && inPeriod(tl.wonAt, period) && tl.qualifiedAt !== null) {
        tallies.get(bucketKey(tl.wonAt, tz, grouping, weekStart))?.closeDurations.push(tl.wonAt - tl.qualifiedAt);
      }
    }
  }
  return keys.map((key) => ({ key, value: COMPUTATIONS[metric].value(tallies.get(key)!) }));
}
