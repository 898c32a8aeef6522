// A metric's value in its own unit (count, money, percent, duration), in each
// of the places the bot shows it: a reply, a narrow table cell, a chart, a CSV.

import type { Locale } from "../../domain/locales.js";
import { METRICS, type MetricKey } from "../../domain/metrics.js";
import { messages } from "../i18n/index.js";
import { formatDuration, formatDurationNarrow, formatHours, HOUR_MS } from "./duration.js";
import { formatMoney, formatMoneyNarrow } from "./money.js";
import { formatCompact, formatNumber, formatPercent, formatPlain, groupDigits } from "./number.js";

export interface ValueFormatOptions {
  /** Money as "1,25 млн ₽" / "1.25M ₽". */
  compact?: boolean;
}

/**
 * A metric value for a reply: counts grouped ("1 250"), money in rubles from
 * kopecks ("1 250 000 ₽"), percents with at most one decimal ("23%", "19,5%"),
 * durations ("5 ч 20 мин"); null (nothing to measure) → "—".
 */
export function formatMetricValue(key: MetricKey, value: number | null, locale: Locale, opts: ValueFormatOptions = {}): string {
  if (value === null || Number.isNaN(value)) return "—";
  switch (METRICS[key].unit) {
    case "count":
      // Counts are integers, but a team-average column can be fractional.
      return Number.isInteger(value) ? groupDigits(value) : formatNumber(value, locale, 1);
    case "money":
      return formatMoney(value, locale, { compact: opts.compact ?? false });
    case "percent":
      return formatPercent(value, locale);
    case "duration":
      return formatDuration(value, locale);
    case "months":
      return messages[locale].units.months(formatNumber(value, locale, 1));
  }
}

/** A metric value in a few characters, for phone-width tables: "4,8 млн", "52ч", "18%", "1 204". */
export function formatMetricNarrow(key: MetricKey, value: number | null, locale: Locale): string {
  if (value === null || Number.isNaN(value)) return "—";
  switch (METRICS[key].unit) {
    case "money":
      return formatMoneyNarrow(value, locale);
    case "duration":
      return formatDurationNarrow(value, locale);
    case "percent":
      return formatPercent(value, locale);
    case "count":
      return Number.isInteger(value) ? groupDigits(value) : formatNumber(value, locale, 1);
    case "months":
      return `${formatNumber(value, locale, 1)}${messages[locale].units.monthShort}`;
  }
}

/** A metric value in the unit a chart or spreadsheet shows it in: rubles, hours, percent, count, months. */
export function displayValue(key: MetricKey, value: number | null): number | null {
  if (value === null) return null;
  const unit = METRICS[key].unit;
  return unit === "money" ? value / 100 : unit === "duration" ? value / HOUR_MS : value;
}

/** Tick and label text for a chart drawing `displayValue`s of this metric. */
export function chartValueFormat(key: MetricKey, locale: Locale): (v: number) => string {
  switch (METRICS[key].unit) {
    case "money":
      return (v) => `${formatCompact(v, locale)}\u00A0₽`;
    case "duration":
      return (v) => formatHours(v, locale);
    case "percent":
      return (v) => formatPercent(v, locale);
    case "count":
      return (v) => formatCompact(v, locale);
    case "months":
      return (v) => `${formatNumber(v, locale, 1)}\u00A0${messages[locale].units.monthShort}`;
  }
}

/** A spreadsheet cell: rubles with kopecks, hours and percents with one decimal, plain counts. */
export function csvValue(key: MetricKey, value: number | null, locale: Locale): string | null {
  const v = displayValue(key, value);
  if (v === null) return null;
  switch (METRICS[key].unit) {
    case "money":
      return formatPlain(v, locale, 2);
    case "duration":
    case "percent":
    case "months":
      return formatPlain(v, locale, 1);
    case "count":
      return String(v);
  }
}

/** The unit a spreadsheet column is in, appended to its header: ", ₽", ", ч", ", %". */
export function csvUnitSuffix(key: MetricKey, locale: Locale): string {
  const u = messages[locale].units;
  return { money: ", ₽", duration: `, ${u.hourShort}`, percent: ", %", count: "", months: `, ${u.monthShort}` }[METRICS[key].unit];
}
