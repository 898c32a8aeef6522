// The metric catalogue: stable keys, the unit each is measured in (which also
// picks how its value is written), which way is "good", whether a team value is a
// sum, and where each is shown. Adding a metric: its key and definition here, its
// computation in kpi.ts and its words in both i18n files — all exhaustive
// records, so the compiler points at whichever is missing (docs/extending.md).

import { formatDecimal, formatMoney, groupDigits } from "./amounts.js";
import type { Locale } from "./locales.js";
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
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export type MetricUnit = "count" | "money" | "percent" | "duration";
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
   * count: plain number; money: integer kopecks; percent: 0..100; duration: ms.
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
): MetricDef {
  return { key, unit, direction, summable, section, show };
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
};

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

export interface ValueFormatOptions {
  /** Money as "1,25 млн ₽" / "1.25M ₽". */
  compact?: boolean;
}

/**
 * Duration in ms as "5 ч 20 мин" / "5h 20m" (under a day, to the minute) or
 * "2 д 4 ч" / "2d 4h" (a day or more, to the hour). Zero parts are dropped.
 */
export function formatDuration(ms: number, locale: Locale): string {
  const ru = locale === "ru";
  const sign = ms < 0 ? "-" : "";
  const abs = Math.abs(ms);
  const totalMinutes = Math.round(abs / 60_000);
  const parts: string[] = [];
  if (totalMinutes >= 24 * 60) {
    // Past a day minutes are noise; rounding to the hour keeps narrow columns short.
    const totalHours = Math.round(abs / 3_600_000);
    const d = Math.floor(totalHours / 24);
    const h = totalHours % 24;
    parts.push(ru ? `${d} д` : `${d}d`);
    if (h > 0) parts.push(ru ? `${h} ч` : `${h}h`);
  } else {
    const h = Math.floor(totalMinutes / 60);
    const m = totalMinutes % 60;
    if (h > 0) parts.push(ru ? `${h} ч` : `${h}h`);
    if (m > 0 || h === 0) parts.push(ru ? `${m} мин` : `${m}m`);
  }
  return sign + parts.join(" ");
}

/**
 * A metric value for display: counts grouped ("1 250"), money in rubles from
 * kopecks ("1 250 000 ₽"), percents with at most one decimal ("23%", "19,5%"),
 * durations ("5 ч 20 мин"); null (nothing to measure) → "—".
 */
export function formatMetricValue(key: MetricKey, value: number | null, locale: Locale, opts: ValueFormatOptions = {}): string {
  if (value === null || Number.isNaN(value)) return "—";
  switch (METRICS[key].unit) {
    case "count":
      // Counts are integers, but a team-average column can be fractional.
      return Number.isInteger(value) ? groupDigits(value) : formatDecimal(value, locale, 1);
    case "money":
      return formatMoney(value, locale, { compact: opts.compact ?? false });
    case "percent":
      return `${formatDecimal(value, locale, 1)}%`;
    case "duration":
      return formatDuration(value, locale);
  }
}
