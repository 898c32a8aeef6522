import type { Locale } from "../../domain/locales.js";
import type { MetricKey } from "../../domain/metrics.js";
import { type Audience, mayShowMetric, metricsFor } from "../../domain/trust-policy.js";
import type { TeamReport } from "../../services/team-report.js";
import { type Doc, type DocBlock, doc, table } from "../document/model.js";
import { docToHtml } from "../document/render.js";
import { periodLabel } from "../format/period-label.js";
import { escapeHtml } from "../html.js";
import { messages } from "../i18n/index.js";
import { metricCell, metricColumn } from "./metric-columns.js";
import { standingLine } from "./plan-progress.js";

export function firstName(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}

/** The report in its `<pre>` form (see teamReportDoc). */
export function renderTeamReport(report: TeamReport, locale: Locale, audience: Audience, footer?: string | null): string {
  return docToHtml(teamReportDoc(report, locale, audience, footer));
}

/** Tables (activity, then results: the metrics shown in reports) per manager plus the total, then plan progress. */
export function teamReportDoc(report: TeamReport, locale: Locale, audience: Audience, footer?: string | null): Doc {
  const t = messages[locale];
  const w = t.teamReport;
  const { snapshot } = report;
  const title = `📈 <b>${w.title} «${escapeHtml(snapshot.team.name)}»</b> · ${escapeHtml(periodLabel(snapshot.period, locale))}`;
  if (snapshot.people.length === 0) return doc(`${title}\n${w.none}`);
  const name = (p: (typeof snapshot.people)[number]) => `${p.membership.active ? "" : "†"}${firstName(p.user.firstName)}`;

  const planLines: string[] = [];
  const seen = (s: { plan: { metric: MetricKey } }) => mayShowMetric(s.plan.metric, audience);
  for (const s of report.teamStandings.filter(seen)) planLines.push(`${w.team}: ${escapeHtml(standingLine(s, locale))}`);
  for (const p of snapshot.people) {
    for (const s of (report.standings.get(p.user.id) ?? []).filter(seen))
      planLines.push(`${escapeHtml(name(p))}: ${escapeHtml(standingLine(s, locale))}`);
  }
  // One table: activity, then results (a spanning header in a native table, two sections in <pre>).
  const activity = metricsFor("report", audience, "activity");
  const results = metricsFor("report", audience, "results");
  const metrics = [...activity, ...results];
  const rows = snapshot.people.map((p) => [name(p), ...metrics.map((m) => metricCell(m, snapshot.byUser.get(p.user.id)![m], locale))]);
  rows.push([t.table.total, ...metrics.map((m) => metricCell(m, snapshot.total[m], locale))]);
  const groups = [
    { title: w.activity, columns: activity.length },
    { title: w.results, columns: results.length },
  ].filter((g) => g.columns > 0);
  const parts: (DocBlock | string)[] = [
    title,
    table([{ title: t.table.who, align: "left", max: 8 }, ...metrics.map((m) => metricColumn(m, locale))], rows, {
      strong: [rows.length - 1],
      groups,
    }),
  ];
  if (snapshot.people.some((p) => !p.membership.active)) parts.push(`<i>${w.former}</i>`);
  if (footer) parts.push(footer);
  if (planLines.length > 0) parts.push(`<b>${w.plan}</b>\n${planLines.join("\n")}`);
  return doc(...parts);
}
