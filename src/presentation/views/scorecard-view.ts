import type { KpiValues } from "../../domain/kpi.js";
import type { Locale } from "../../domain/locales.js";
import { type Audience, metricsFor } from "../../domain/trust-policy.js";
import { formatMetricValue } from "../format/metric-value.js";
import { escapeHtml, fitHtml, pre } from "../html.js";
import { messages } from "../i18n/index.js";
import { metricLabel } from "../i18n/metric-words.js";
import { renderPairs } from "./table.js";

/** The /me card: a title, the numbers as a narrow table, then plan progress lines. */
export function renderScorecard(
  name: string,
  periodLabel: string,
  values: KpiValues,
  planLines: string[],
  locale: Locale,
  audience: Audience,
): string {
  const t = messages[locale];
  const table = renderPairs(
    metricsFor("me", audience).map((key) => [metricLabel(key, locale), formatMetricValue(key, values[key], locale)]),
  );
  const plans = planLines.length > 0 ? `${t.me.plansTitle}\n${planLines.map((l) => `• ${escapeHtml(l)}`).join("\n")}` : t.me.noPlans;
  return fitHtml(`${t.me.title(escapeHtml(name), escapeHtml(periodLabel))}\n${pre(table)}\n${plans}`);
}
