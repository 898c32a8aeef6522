// The metric catalogue (see docs/metrics.md): stable keys, units,
// which way is "good", labels, name parsing and value formatting.

import { formatDecimal, formatMoney, groupDigits } from "./amounts.js";

/** Stable metric keys, in catalogue order; `leads` (registered leads) last. */
export const METRIC_KEYS = [
  "calls",
  "meetings",
  "call_conversion",
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
export type Locale = "ru" | "en";

export interface MetricDef {
  key: MetricKey;
  /** count: plain number; money: integer kopecks; percent: 0..100; duration: ms. */
  unit: MetricUnit;
  /** Which side of a target is good. */
  direction: MetricDirection;
  label: Record<Locale, string>;
  /** ≤ 6 characters, for narrow phone tables. */
  short: Record<Locale, string>;
  /** True when a team value is the sum of the managers' values. */
  summable: boolean;
}

function def(
  key: MetricKey,
  unit: MetricUnit,
  direction: MetricDirection,
  label: [string, string],
  short: [string, string],
  summable: boolean,
): MetricDef {
  return { key, unit, direction, label: { ru: label[0], en: label[1] }, short: { ru: short[0], en: short[1] }, summable };
}

export const METRICS: Readonly<Record<MetricKey, MetricDef>> = {
  calls: def("calls", "count", "at_least", ["звонки", "calls"], ["Звонки", "Calls"], true),
  meetings: def("meetings", "count", "at_least", ["встречи", "meetings"], ["Встр.", "Meet."], true),
  call_conversion: def("call_conversion", "percent", "at_least", ["конверсия звонков", "call conversion"], ["Конв.", "Conv."], false),
  proposals: def("proposals", "count", "at_least", ["КП", "proposals"], ["КП", "Prop."], true),
  presentations: def("presentations", "count", "at_least", ["презентации", "presentations"], ["През.", "Pres."], true),
  deals: def("deals", "count", "at_least", ["сделки", "deals"], ["Сделки", "Deals"], true),
  revenue: def("revenue", "money", "at_least", ["выручка", "revenue"], ["Выр.", "Rev."], true),
  avg_check: def("avg_check", "money", "at_least", ["средний чек", "average check"], ["Чек", "Avg"], false),
  // Fewer losses are better, so a plan on `lost` is a ceiling.
  lost: def("lost", "count", "at_most", ["отказы", "lost"], ["Отказ", "Lost"], true),
  win_rate: def("win_rate", "percent", "at_least", ["доля успешных", "win rate"], ["Успех", "Win%"], false),
  lead_time: def("lead_time", "duration", "at_most", ["время обработки лида", "lead processing time"], ["Обр.", "LeadT"], false),
  close_time: def("close_time", "duration", "at_most", ["время закрытия сделки", "deal closing time"], ["Закр.", "Close"], false),
  leads: def("leads", "count", "at_least", ["лиды", "leads"], ["Лиды", "Leads"], true),
};

// Aliases after normalisation (lower case, "ё" → "е", spaces and "-" → "_").
const ALIASES: ReadonlyMap<string, MetricKey> = new Map(
  Object.entries({
    calls: "calls",
    звонки: "calls",
    meetings: "meetings",
    встречи: "meetings",
    conversion: "call_conversion",
    конверсия: "call_conversion",
    call_conversion: "call_conversion",
    proposals: "proposals",
    кп: "proposals",
    presentations: "presentations",
    презентации: "presentations",
    deals: "deals",
    сделки: "deals",
    revenue: "revenue",
    выручка: "revenue",
    avgcheck: "avg_check",
    avg_check: "avg_check",
    средний_чек: "avg_check",
    чек: "avg_check",
    winrate: "win_rate",
    win_rate: "win_rate",
    доля_успешных: "win_rate",
    leadtime: "lead_time",
    lead_time: "lead_time",
    обработка: "lead_time",
    closetime: "close_time",
    close_time: "close_time",
    закрытие: "close_time",
    lost: "lost",
    отказы: "lost",
    leads: "leads",
    лиды: "leads",
  } satisfies Record<string, MetricKey>),
);

/** Metric key from a key or alias ("звонки", "win-rate", "Средний чек"), or null. */
export function parseMetric(text: string): MetricKey | null {
  const norm = text
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s-]+/g, "_");
  return ALIASES.get(norm) ?? null; // Map: "toString" is not a metric
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
