import type { Locale } from "../../config.js";
import type { KpiValues } from "../../domain/kpi.js";
import { METRICS, type MetricKey } from "../../domain/metrics.js";
import { formatMetricValue } from "../format/metric-value.js";
import { escapeHtml, fitHtml, pre } from "../html.js";
import { messages } from "../i18n/index.js";
import { renderPairs } from "./table.js";

export const SCORECARD_METRICS: MetricKey[] = [
  "calls",
  "meetings",
  "call_conversion",
  "proposals",
  "presentations",
  "deals",
  "revenue",
  "avg_check",
];

/** The /me card: a title, the numbers as a narrow table, then plan progress lines. */
export function renderScorecard(name: string, periodLabel: string, values: KpiValues, planLines: string[], locale: Locale): string {
  const t = messages[locale];
  const table = renderPairs(SCORECARD_METRICS.map((key) => [METRICS[key].label[locale], formatMetricValue(key, values[key], locale)]));
  const plans = planLines.length > 0 ? `${t.me.plansTitle}\n${planLines.map((l) => `• ${escapeHtml(l)}`).join("\n")}` : t.me.noPlans;
  return fitHtml(`${t.me.title(escapeHtml(name), escapeHtml(periodLabel))}\n${pre(table)}\n${plans}`);
}
