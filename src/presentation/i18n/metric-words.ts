// A metric's words (label, short column title, what people type for it) are in the
// i18n files as Record<MetricKey, …>; these helpers read them for views, replies
// and the command parsers.

import { LOCALES, type Locale } from "../../domain/locales.js";
import { METRIC_KEYS, type MetricKey, type MetricParser, type MetricSurface, metricParser, metricsOn } from "../../domain/metrics.js";
import { messages } from "./index.js";

/** "средний чек" / "average check". */
export function metricLabel(key: MetricKey, locale: Locale): string {
  return messages[locale].metric[key].label;
}

/** Column title of ≤ 6 characters: "Чек" / "Avg". */
export function metricShort(key: MetricKey, locale: Locale): string {
  return messages[locale].metric[key].short;
}

const aliases = LOCALES.flatMap((l) => METRIC_KEYS.map((k) => [k, messages[l].metric[k].aliases] as const));
const parsers = new Map<MetricSurface, MetricParser>();

/** Reads a metric typed in either language, among those shown on `surface`. */
export function parseMetricOn(surface: MetricSurface): MetricParser {
  let parser = parsers.get(surface);
  if (!parser) {
    parser = metricParser(aliases, metricsOn(surface));
    parsers.set(surface, parser);
  }
  return parser;
}

/** The metrics of a surface as a reader of `locale` would type them: "звонки, встречи, …". */
export function metricWordList(surface: MetricSurface, locale: Locale): string {
  return metricsOn(surface)
    .map((k) => messages[locale].metric[k].aliases[0] ?? k)
    .join(", ");
}

/** "Метрики: звонки, … (или calls, meetings, conversion, …)." for a surface. */
export function metricsHint(surface: MetricSurface, locale: Locale): string {
  const other = LOCALES.find((l) => l !== locale) ?? locale;
  const few = metricsOn(surface)
    .slice(0, 3)
    .map((k) => messages[other].metric[k].aliases[0] ?? k)
    .join(", ");
  return messages[locale].plans.metrics(metricWordList(surface, locale), few);
}
