// Metric columns of a table model: the unit goes in the header, the cells hold
// bare numbers (right-aligned), so a column reads as one quantity.
import type { Locale } from "../../domain/locales.js";
import { METRICS, type MetricKey } from "../../domain/metrics.js";
import type { DocColumn } from "../document/model.js";
import { formatMetricNarrow } from "../format/metric-value.js";
import { formatNumber } from "../format/number.js";
import { messages } from "../i18n/index.js";
import { head } from "./metric-head.js";

/** The header unit of a metric's column, or none (counts; durations carry ч/д per cell). */
export function metricUnit(key: MetricKey, locale: Locale): string | undefined {
  switch (METRICS[key].unit) {
    case "money":
      return "₽";
    case "percent":
      return "%";
    case "months":
      return messages[locale].units.monthShort;
    default:
      return undefined;
  }
}

/** A metric's column: its short label, its unit, right-aligned. */
export function metricColumn(key: MetricKey, locale: Locale, title = head(key, locale)): DocColumn {
  const unit = metricUnit(key, locale);
  return { title, align: "right", ...(unit ? { unit } : {}) };
}

/** A metric's cell under `metricColumn`: the narrow figure without the header's unit ("916 тыс.", "23", "16,7"). */
export function metricCell(key: MetricKey, value: number | null, locale: Locale): string {
  if (value === null || Number.isNaN(value)) return "—";
  switch (METRICS[key].unit) {
    case "percent":
      // The one percent rule (formatPercent): one decimal, so 1,5 % is not 2 %.
      return formatNumber(value, locale, 1);
    case "months":
      return formatNumber(value, locale, 1);
    default:
      return formatMetricNarrow(key, value, locale);
  }
}
