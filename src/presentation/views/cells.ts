import type { Locale } from "../../config.js";
import { formatDecimal } from "../../domain/amounts.js";
import { formatMetricValue, METRICS, type MetricKey } from "../../domain/metrics.js";
import { metricShort } from "../i18n/metric-words.js";

// Narrow cell values for phone tables: every column must stay a few characters.

function shortMoney(minor: number, locale: Locale): string {
  const rub = minor / 100;
  const abs = Math.abs(rub);
  const [div, unit] =
    abs >= 1e9
      ? [1e9, locale === "ru" ? "млрд" : "B"]
      : abs >= 1e6
        ? [1e6, locale === "ru" ? "М" : "M"]
        : abs >= 1e3
          ? [1e3, locale === "ru" ? "т" : "K"]
          : [1, ""];
  const scaled = rub / div;
  return formatDecimal(scaled, locale, Math.abs(scaled) >= 100 || div === 1 ? 0 : 1) + unit;
}

function shortDuration(ms: number, locale: Locale): string {
  const ru = locale === "ru";
  const hours = ms / 3_600_000;
  if (hours < 1) return `${Math.round(ms / 60_000)}${ru ? "м" : "m"}`;
  if (hours < 48) return `${Math.round(hours)}${ru ? "ч" : "h"}`;
  return `${formatDecimal(hours / 24, locale, hours / 24 >= 10 ? 0 : 1)}${ru ? "д" : "d"}`;
}

/** A metric value in at most ~6 characters: "4,8М", "52ч", "18%", "1 204". */
export function cell(metric: MetricKey, value: number | null, locale: Locale): string {
  if (value === null || Number.isNaN(value)) return "—";
  switch (METRICS[metric].unit) {
    case "money":
      return shortMoney(value, locale);
    case "duration":
      return shortDuration(value, locale);
    case "percent":
      return `${Math.round(value)}%`;
    case "count":
      return Number.isInteger(value) ? formatMetricValue(metric, value, locale) : formatDecimal(value, locale, 1);
  }
}

/** Column title: the metric's short label. */
export function head(metric: MetricKey, locale: Locale): string {
  return metricShort(metric, locale);
}
