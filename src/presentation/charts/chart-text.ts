// Chart text: tick and bar-label formatters built on the bot's one number
// formatter (../format/number.ts), and label fitting for a canvas with no
// text measurement yet.

import type { Locale } from "../../domain/locales.js";
import { chartValueFormat } from "../format/metric-value.js";
import { formatCompact, formatNumber, GROUP_SPACE, UNIT_SPACE } from "../format/number.js";
import type { ChartValueFormat } from "./chart-options.js";

/**
 * Axis tick text: grouped digits while the axis stays under 10 000
 * ("2 500"), compact above ("250 тыс."), decided once per axis so the
 * ticks look alike.
 */
export function formatAxisValue(value: number, axisMaxAbs: number, locale: Locale): string {
  return axisMaxAbs >= 10_000 ? formatCompact(value, locale) : formatNumber(value, locale);
}

/**
 * Default formatter for numbers printed on bars: full grouped digits for
 * values under 100 000, compact above (so "1,25 млн" rather than "1 250 000").
 */
export function defaultValueFormat(values: readonly (number | null | undefined)[], locale: Locale): (v: number) => string {
  const maxAbs = values.reduce<number>((m, v) => (v != null && Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);
  return maxAbs >= 100_000 ? (v) => formatCompact(v, locale) : (v) => formatNumber(v, locale, 1);
}

/** The formatter an option names: the metric's unit, or `fallback` when none is named. */
export function valueFormatter(
  format: ChartValueFormat | undefined,
  locale: Locale,
  fallback?: (v: number) => string,
): ((v: number) => string) | undefined {
  return format !== undefined ? chartValueFormat(format, locale) : fallback;
}

/** Longest label kept whole; longer ones end with "…" (14 characters in total). */
export const MAX_LABEL_CHARS = 14;

/** Collapses whitespace and shortens to `max` characters with "…" (never splitting a surrogate pair). */
export function truncateLabel(text: string, max: number = MAX_LABEL_CHARS): string {
  const clean = text.replace(/\s+/gu, " ").trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  return `${chars
    .slice(0, Math.max(1, max - 1))
    .join("")
    .trimEnd()}…`;
}

/**
 * Rough rendered width of `text` in DejaVu Sans at `size` px, for layout
 * decisions taken before a canvas exists (bold ≈ 8 % wider). DejaVu's
 * advance widths average ≈ 0.6 em for Latin/Cyrillic letters and 0.636 em
 * for digits; spaces are narrower.
 */
export function estimateTextWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (ch === " " || ch === GROUP_SPACE || ch === UNIT_SPACE) em += ch === GROUP_SPACE ? 0.2 : 0.32;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else if (/[.,:;!|'il]/.test(ch)) em += 0.3;
    else if (/[A-ZА-ЯЁМШЩЖЮ%mwмшщжю—…]/u.test(ch)) em += 0.78;
    else em += 0.6;
  }
  return em * size * (bold ? 1.08 : 1);
}
