import type { Locale } from "../../domain/locales.js";
import { METRICS, type MetricKey } from "../../domain/metrics.js";
import { type ProgressStatus, progress } from "../../domain/plans.js";
import type { PlanStanding } from "../../services/scorecard.js";
import { formatMetricValue } from "../format/metric-value.js";
import { formatPercent } from "../format/number.js";
import { messages } from "../i18n/index.js";
import { metricLabel } from "../i18n/metric-words.js";

/** Localised status word ("отстаёт" / "behind"). */
export function statusLabel(status: ProgressStatus, locale: Locale): string {
  return messages[locale].plans.status[status];
}

/**
 * One progress line: "deals 7/10 (70%) · pace 85% · behind" /
 * "сделки 7/10 (70%) · темп 85% · отстаёт". The "(x%)" of target is shown
 * for at-least metrics only (for times and percents it reads oddly), pace only
 * where it is defined. Money is compact ("1,2 млн ₽/2 млн ₽"). `label` is the
 * metric's name in `locale` (its words live in the i18n files).
 */
export function formatProgress(
  key: MetricKey,
  actual: number | null,
  target: number,
  share: number,
  locale: Locale,
  label: string,
): string {
  const def = METRICS[key];
  const p = progress(key, actual, target, share);
  const fmt = (v: number | null) => formatMetricValue(key, v, locale, { compact: true });
  let line = `${label} ${fmt(actual)}/${fmt(target)}`;
  if (def.direction === "at_least" && def.unit !== "percent" && p.pct !== null) line += ` (${formatPercent(p.pct, locale)})`;
  if (p.pace !== null && p.status !== "done" && p.status !== "failed") {
    line += ` · ${messages[locale].plans.pace} ${formatPercent(p.pace * 100, locale)}`;
  }
  if (p.status !== null) line += ` · ${statusLabel(p.status, locale)}`;
  return line;
}

/** The progress line of a plan standing (its target already resolved for the person). */
export function standingLine(s: PlanStanding, locale: Locale): string {
  return formatProgress(s.plan.metric, s.actual, s.plan.value, s.share, locale, metricLabel(s.plan.metric, locale));
}
