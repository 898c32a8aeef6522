// The metric catalogue (see docs/metrics.md): stable keys, the unit each is
// measured in (which also picks how its value is written in
// presentation/format/), which way is "good", whether a team value is a sum,
// and where each is shown. Adding a metric: its key and definition here, its
// computation in kpi.ts and its words in both i18n files — all exhaustive
// records, so the compiler points at whichever is missing (docs/extending.md).

import { BUSINESS_METRIC_KEYS, isBusinessMetric } from "./business-metrics.js";
import type { Sensitivity } from "./trust-policy.js";

/** Stable metric keys, in catalogue order (each call metric next to the calls); `leads` last. */
export const METRIC_KEYS = [
  "calls",
  "meetings",
  "call_conversion",
  "noanswer_rate",
  "proposals",
  "presentations",
  "deals",
  "revenue",
  "avg_check",
  "lost",
  "win_rate",
  "lead_time",
  "close_time",
  "leads",
  "points",
  // Business metrics (need the head's /inputs and customers' history; business-metrics.ts).
  ...BUSINESS_METRIC_KEYS,
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export type MetricUnit = "count" | "money" | "percent" | "duration" | "months";
export type MetricDirection = "at_least" | "at_most";

/**
 * Where a metric can appear. me: the /me card (and a manager's own /report);
 * report: the head's team report; compare: the /compare table; top: /top;
 * plan: /plan and the plan editor; export: the CSV summary's columns;
 * builder: the report builder's choices; main: the team's leaderboard metric
 * (`/settings metric`: evening leaderboard, weekly podium, the summary's chart);
 * summary: the morning summary's day table and month line (and the demo's table),
 * kept to four columns so the table fits a phone.
 */
export const METRIC_SURFACES = ["me", "report", "compare", "top", "plan", "export", "builder", "main", "summary"] as const;
export type MetricSurface = (typeof METRIC_SURFACES)[number];

/** The team report's two tables. */
export type ReportSection = "activity" | "results";

export interface MetricDef {
  key: MetricKey;
  /**
   * count: plain number; money: integer kopecks; percent: 0..100; duration: ms; months: months (fractional).
   * The unit is also the value's format: "1 250", "1 250 000 ₽", "19,5%", "5 ч 20 мин".
   */
  unit: MetricUnit;
  /** Which side of a target is good (and which way rankings sort). */
  direction: MetricDirection;
  /** True when a team value is the sum of the managers' values. */
  summable: boolean;
  /** The team report's table it sits in (when shown there). */
  section: ReportSection;
  show: Readonly<Record<MetricSurface, boolean>>;
  /** Who may see its values, and where (trust-policy.ts): every surface asks the policy. */
  sensitivity: Sensitivity;
}

/** Shown on every surface except the ones named. */
function everywhereBut(...hidden: MetricSurface[]): Record<MetricSurface, boolean> {
  return Object.fromEntries(METRIC_SURFACES.map((s) => [s, !hidden.includes(s)])) as Record<MetricSurface, boolean>;
}

function def(
  key: MetricKey,
  unit: MetricUnit,
  direction: MetricDirection,
  summable: boolean,
  section: ReportSection,
  show: Record<MetricSurface, boolean>,
  sensitivity: Sensitivity = "team",
): MetricDef {
  return { key, unit, direction, summable, section, show, sensitivity };
}

export const METRICS: Readonly<Record<MetricKey, MetricDef>> = {
  calls: def("calls", "count", "at_least", true, "activity", everywhereBut()),
  meetings: def("meetings", "count", "at_least", true, "activity", everywhereBut()),
  call_conversion: def("call_conversion", "percent", "at_least", false, "activity", everywhereBut("summary")),
  // Calls nobody answered ÷ calls: fewer is better, so a plan on it is a ceiling. Not a
  // team's main metric: the daily posts celebrate the highest value, and 0 % of no calls
  // would win them.
  noanswer_rate: def("noanswer_rate", "percent", "at_most", false, "activity", everywhereBut("main", "summary")),
  proposals: def("proposals", "count", "at_least", true, "activity", everywhereBut("summary")),
  presentations: def("presentations", "count", "at_least", true, "activity", everywhereBut("summary")),
  deals: def("deals", "count", "at_least", true, "results", everywhereBut()),
  revenue: def("revenue", "money", "at_least", true, "results", everywhereBut()),
  avg_check: def("avg_check", "money", "at_least", false, "results", everywhereBut("summary")),
  // Fewer losses are better, so a plan on `lost` is a ceiling.
  lost: def("lost", "count", "at_most", true, "results", everywhereBut("me", "report", "compare", "summary")),
  win_rate: def("win_rate", "percent", "at_least", false, "results", everywhereBut("me", "report", "summary")),
  lead_time: def("lead_time", "duration", "at_most", false, "results", everywhereBut("me", "summary")),
  close_time: def("close_time", "duration", "at_most", false, "results", everywhereBut("me", "summary")),
  leads: def("leads", "count", "at_least", true, "activity", everywhereBut("me", "report", "compare", "summary")),
  // Weighted entries (points.ts): the motivation metric. Not in the team report's
  // activity table (already wide) nor the morning summary's four columns.
  points: def("points", "count", "at_least", true, "activity", everywhereBut("report", "summary")),
  // Business metrics: levels, not sums (team values from team totals). Not on /me or in a
  // manager's own report (costs are the head's figures), nor the daily posts.
  market_share: def("market_share", "percent", "at_least", false, "results", everywhereBut("me", "main", "summary")),
  // Derived from each manager's costs (salaries): from a manager's CAC and new customers,
  // or return on sales and revenue, the salary follows. Heads only, in private.
  sales_margin: def("sales_margin", "percent", "at_least", false, "results", everywhereBut("me", "main", "summary"), "head"),
  cac: def("cac", "money", "at_most", false, "results", everywhereBut("me", "main", "summary"), "head"),
  payback_months: def("payback_months", "months", "at_most", false, "results", everywhereBut("me", "main", "summary"), "head"),
  // Summable: each customer belongs to one manager, so the team's count is the sum.
  active_customers: def("active_customers", "count", "at_least", true, "results", everywhereBut("main", "summary")),
  repeat_rate: def("repeat_rate", "percent", "at_least", false, "results", everywhereBut("main", "summary")),
  // Fewer customers lost is better: a plan on churn is a ceiling.
  churn: def("churn", "percent", "at_most", false, "results", everywhereBut("main", "summary")),
};

/**
 * The article's three groups of KPIs (the head's dashboard tiles): activity and
 * results as the team report splits them, and the business metrics apart.
 */
export const KPI_GROUPS = ["activity", "results", "business"] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];

/** A metric's group: business for the business metrics, else its report section. */
export function kpiGroup(key: MetricKey): KpiGroup {
  return isBusinessMetric(key) ? "business" : METRICS[key].section;
}

/** The metrics shown on a surface, in catalogue order. */
export function metricsOn(surface: MetricSurface, section?: ReportSection): MetricKey[] {
  return METRIC_KEYS.filter((k) => METRICS[k].show[surface] && (section === undefined || METRICS[k].section === section));
}

/** Reads a typed metric name ("звонки", "win-rate", "Средний чек") as a key, or null. */
export type MetricParser = (text: string) => MetricKey | null;

/** A typed metric name in the form aliases are written in: lower case, "ё" → "е", spaces and "-" → "_". */
export function normalizeMetricWord(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s-]+/g, "_");
}

/**
 * A parser over the given aliases (normalised form) and every key itself,
 * limited to `keys`. The words come from the i18n files; the rules live here.
 */
export function metricParser(
  aliases: Iterable<readonly [MetricKey, readonly string[]]>,
  keys: readonly MetricKey[] = METRIC_KEYS,
): MetricParser {
  const allowed = new Set(keys);
  // A Map, so "toString" or "constructor" is never read off Object.prototype.
  const byWord = new Map<string, MetricKey>();
  for (const k of keys) byWord.set(k, k);
  for (const [k, words] of aliases) if (allowed.has(k)) for (const w of words) byWord.set(normalizeMetricWord(w), k);
  return (text) => byWord.get(normalizeMetricWord(text)) ?? null;
}
