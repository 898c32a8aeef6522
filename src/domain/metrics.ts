// The metric catalogue (see docs/metrics.md): stable keys, units,
// which way is "good", labels and name parsing (values are formatted in
// presentation/format/).

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
