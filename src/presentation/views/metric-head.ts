import type { Locale } from "../../config.js";
import { METRICS, type MetricKey } from "../../domain/metrics.js";

/** A metric's column title in a narrow table: its short label. */
export function head(metric: MetricKey, locale: Locale): string {
  return METRICS[metric].short[locale];
}
