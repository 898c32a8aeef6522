import { formatHolidays } from "../../domain/holidays.js";
import type { Locale } from "../../domain/locales.js";
import { POINT_WEIGHT_KEYS, type PointWeights } from "../../domain/points.js";
import { escapeHtml } from "../html.js";
import { messages } from "../i18n/index.js";

/** `/settings points`: every weight with the word to type for it. */
export function renderPointWeights(weights: PointWeights, locale: Locale): string {
  const t = messages[locale].motivation;
  return [t.weightsTitle, ...POINT_WEIGHT_KEYS.map((k) => t.weightLine(t.weightName[k], k, weights[k])), "", t.weightsUsage].join("\n");
}

/** `/settings holidays`: the team's holidays as typed. */
export function renderHolidays(holidays: readonly string[], locale: Locale): string {
  const t = messages[locale].motivation;
  return [t.holidaysTitle, holidays.length ? escapeHtml(formatHolidays(holidays)) : t.holidaysNone, "", t.holidaysUsage].join("\n");
}
