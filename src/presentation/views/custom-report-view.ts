import type { Locale } from "../../domain/locales.js";
import type { ReportTable } from "../../services/custom-report.js";
import { type Doc, doc, table } from "../document/model.js";
import { docToHtml } from "../document/render.js";
import { periodLabel } from "../format/period-label.js";
import { escapeHtml } from "../html.js";
import { messages } from "../i18n/index.js";
import { metricLabel, metricShort } from "../i18n/metric-words.js";
import { metricCell, metricColumn } from "./metric-columns.js";
import { firstName } from "./report-view.js";

/** A row's first cell: the manager's first name, or the time bucket as "01.11" / "нояб. 26". */
export function rowLabel(report: ReportTable, label: string, locale: Locale): string {
  if (report.grouping === "manager") return firstName(label);
  const [y, m, d] = label.split("-");
  if (report.grouping === "month") {
    return new Intl.DateTimeFormat(messages[locale].periodLabel.intl, { month: "short", year: "2-digit", timeZone: "UTC" }).format(
      Date.UTC(Number(y), Number(m) - 1, 1),
    );
  }
  return `${d}.${m}`;
}

/** The report's numbers as phone-narrow tables (wider reports continue below), a legend of the column titles. */
export function renderReportTable(title: string, report: ReportTable, locale: Locale): string {
  return docToHtml(reportTableDoc(title, report, locale));
}

/** The report's numbers as a table model (see renderReportTable). */
export function reportTableDoc(title: string, report: ReportTable, locale: Locale): Doc {
  const t = messages[locale].table;
  const first = report.grouping === "manager" ? t.who : t.period;
  const heading = `📊 <b>${escapeHtml(title)}</b> · ${escapeHtml(periodLabel(report.period, locale))}`;
  const rows = report.rows.map((r) => [
    rowLabel(report, r.label, locale),
    ...report.metrics.map((m, i) => metricCell(m, r.values[i] ?? null, locale)),
  ]);
  rows.push([t.total, ...report.metrics.map((m, i) => metricCell(m, report.total[i] ?? null, locale))]);
  const columns = [{ title: first, align: "left" as const, max: 9 }, ...report.metrics.map((m) => metricColumn(m, locale))];
  const legend = report.metrics.map((m) => `${metricShort(m, locale)} — ${metricLabel(m, locale)}`).join("; ");
  return doc(
    heading,
    table(columns, rows, { strong: [rows.length - 1] }),
    `<i>${escapeHtml(legend)}</i>`,
    report.rows.length === 0 && t.noData,
  );
}
