import type { Locale } from "../../domain/locales.js";
import type { MetricKey } from "../../domain/metrics.js";
import { metricShort } from "../i18n/metric-words.js";

/** A metric's column title in a narrow table: its short label. */
export function head(metric: MetricKey, locale: Locale): string {
  return metricShort(metric, locale);
}
