import type { Locale } from "../../domain/locales.js";
import type { MetricKey } from "../../domain/metrics.js";
import { formatMetricValue } from "../format/metric-value.js";
import { messages } from "../i18n/index.js";
import { metricLabel } from "../i18n/metric-words.js";
import type { PlanVM } from "./view-models.js";

/** "сделки 10 в месяц · каждому менеджеру" / "calls 40 a day · @ivan". */
export function describePlan(plan: PlanVM, locale: Locale, who?: string): string {
  const t = messages[locale].plans;
  const metric = plan.metric as MetricKey;
  const scope = plan.scope === "each" ? t.scopeEach : plan.scope === "team" ? t.scopeTeam : (who ?? `#${plan.userId}`);
  const rel = plan.relativePercent !== null ? ` (${t.relative(plan.relativePercent)})` : "";
  return `${metricLabel(metric, locale)} ${formatMetricValue(metric, plan.value, locale)}${rel} ${t.periods[plan.period]} · ${scope}`;
}
