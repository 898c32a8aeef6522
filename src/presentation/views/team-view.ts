import type { KpiValues } from "../../domain/kpi.js";
import type { Locale } from "../../domain/locales.js";
import { type MetricKey, metricsOn } from "../../domain/metrics.js";
import { formatMetricNarrow } from "../format/metric-value.js";
import { messages } from "../i18n/index.js";
import { head } from "./metric-head.js";
import { type Column, renderTables } from "./table.js";

export interface TeamRow {
  name: string;
  values: KpiValues;
}

/** Per-manager rows plus a total row (computed from raw entries by the caller); wide sets continue in a second table. */
export function renderTeamTable(rows: TeamRow[], total: KpiValues, locale: Locale, metrics: MetricKey[] = metricsOn("summary")): string {
  const t = messages[locale].table;
  const columns: Column[] = [
    { title: t.manager, align: "left", max: 10 },
    ...metrics.map((m) => ({ title: head(m, locale), align: "right" as const })),
  ];
  const cell = (m: MetricKey, v: number | null) => formatMetricNarrow(m, v, locale);
  const body = rows.map((r) => [r.name, ...metrics.map((m) => cell(m, r.values[m]))]);
  body.push([t.total, ...metrics.map((m) => cell(m, total[m]))]);
  return renderTables(columns, body).join("\n\n");
}
