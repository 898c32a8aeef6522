import type { Locale } from "../../config.js";
import type { KpiValues } from "../../domain/kpi.js";
import { type MetricKey, metricsOn } from "../../domain/metrics.js";
import { metricShort } from "../i18n/metric-words.js";
import { cell as narrowCell } from "./cells.js";
import { type Column, renderTable } from "./table.js";

export interface TeamRow {
  name: string;
  values: KpiValues;
}

/** Per-manager rows plus a total row (computed from raw entries by the caller). */
export function renderTeamTable(rows: TeamRow[], total: KpiValues, locale: Locale, metrics: MetricKey[] = metricsOn("summary")): string {
  const columns: Column[] = [
    { title: locale === "ru" ? "Менеджер" : "Manager", align: "left", max: 10 },
    ...metrics.map((m) => ({ title: metricShort(m, locale), align: "right" as const })),
  ];
  const cell = (m: MetricKey, v: number | null) => narrowCell(m, v, locale);
  const body = rows.map((r) => [r.name, ...metrics.map((m) => cell(m, r.values[m]))]);
  body.push([locale === "ru" ? "Итого" : "Total", ...metrics.map((m) => cell(m, total[m]))]);
  return renderTable(columns, body);
}
