import type { Locale } from "../../config.js";
import { periodLabel } from "../../domain/periods.js";
import type { ReportTable } from "../../services/custom-report.js";
import { escapeHtml, fitHtml, pre } from "../html.js";
import { metricLabel, metricShort } from "../i18n/metric-words.js";
import { cell, head } from "./cells.js";
import { firstName } from "./report-view.js";
import { renderTable } from "./table.js";

/** Columns per table so a table stays phone-narrow; wider reports continue below. */
const METRICS_PER_TABLE = 4;

export function renderReportTable(title: string, report: ReportTable, locale: Locale): string {
  const ru = locale === "ru";
  const first = report.grouping === "manager" ? (ru ? "Кто" : "Who") : ru ? "Период" : "Period";
  const parts = [`📊 <b>${escapeHtml(title)}</b> · ${escapeHtml(periodLabel(report.period, locale))}`];
  for (let start = 0; start < report.metrics.length; start += METRICS_PER_TABLE) {
    const idx = report.metrics.map((_, i) => i).slice(start, start + METRICS_PER_TABLE);
    const rows = report.rows.map((r) => [
      report.grouping === "manager" ? firstName(r.label) : r.label,
      ...idx.map((i) => cell(report.metrics[i]!, r.values[i] ?? null, locale)),
    ]);
    rows.push([ru ? "Итого" : "Total", ...idx.map((i) => cell(report.metrics[i]!, report.total[i] ?? null, locale))]);
    parts.push(
      pre(renderTable([{ title: first, align: "left", max: 9 }, ...idx.map((i) => ({ title: head(report.metrics[i]!, locale) }))], rows)),
    );
  }
  const legend = report.metrics.map((m) => `${metricShort(m, locale)} — ${metricLabel(m, locale)}`).join("; ");
  parts.push(`<i>${escapeHtml(legend)}</i>`);
  if (report.rows.length === 0) parts.push(ru ? "Нет данных за период." : "No data for the period.");
  return fitHtml(parts.join("\n"));
}
