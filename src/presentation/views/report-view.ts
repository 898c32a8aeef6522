import type { Locale } from "../../config.js";
import type { MetricKey } from "../../domain/metrics.js";
import { type Audience, mayShowMetric, metricsFor } from "../../domain/trust-policy.js";
import type { TeamReport } from "../../services/team-report.js";
import { formatMetricNarrow } from "../format/metric-value.js";
import { periodLabel } from "../format/period-label.js";
import { escapeHtml, fitHtml, pre } from "../html.js";
import { messages } from "../i18n/index.js";
import { head } from "./metric-head.js";
import { standingLine } from "./plan-progress.js";
import { renderTables } from "./table.js";

export function firstName(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}

/** Narrow tables (activity, then results: the metrics shown in reports) per manager plus the total, then plan progress. */
export function renderTeamReport(report: TeamReport, locale: Locale, audience: Audience, footer?: string | null): string {
  const t = messages[locale];
  const w = t.teamReport;
  const { snapshot } = report;
  const title = `📈 <b>${w.title} «${escapeHtml(snapshot.team.name)}»</b> · ${escapeHtml(periodLabel(snapshot.period, locale))}`;
  if (snapshot.people.length === 0) return `${title}\n${w.none}`;
  const name = (p: (typeof snapshot.people)[number]) => `${p.membership.active ? "" : "†"}${firstName(p.user.firstName)}`;
  const table = (metrics: MetricKey[]) => {
    const rows = snapshot.people.map((p) => [
      name(p),
      ...metrics.map((m) => formatMetricNarrow(m, snapshot.byUser.get(p.user.id)![m], locale)),
    ]);
    rows.push([t.table.total, ...metrics.map((m) => formatMetricNarrow(m, snapshot.total[m], locale))]);
    return renderTables([{ title: t.table.who, align: "left", max: 8 }, ...metrics.map((m) => ({ title: head(m, locale) }))], rows)
      .map(pre)
      .join("\n");
  };
  const planLines: string[] = [];
  const seen = (s: { plan: { metric: MetricKey } }) => mayShowMetric(s.plan.metric, audience);
  for (const s of report.teamStandings.filter(seen)) planLines.push(`${w.team}: ${escapeHtml(standingLine(s, locale))}`);
  for (const p of snapshot.people) {
    for (const s of (report.standings.get(p.user.id) ?? []).filter(seen))
      planLines.push(`${escapeHtml(name(p))}: ${escapeHtml(standingLine(s, locale))}`);
  }
  const parts = [
    title,
    `<b>${w.activity}</b>`,
    table(metricsFor("report", audience, "activity")),
    `<b>${w.results}</b>`,
    table(metricsFor("report", audience, "results")),
  ];
  if (snapshot.people.some((p) => !p.membership.active)) parts.push(`<i>${w.former}</i>`);
  if (footer) parts.push(footer);
  if (planLines.length > 0) parts.push(`<b>${w.plan}</b>\n${planLines.join("\n")}`);
  return fitHtml(parts.join("\n"));
}
