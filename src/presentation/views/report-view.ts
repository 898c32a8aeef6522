import type { Locale } from "../../config.js";
import { type MetricKey, metricsOn } from "../../domain/metrics.js";
import { periodLabel } from "../../domain/periods.js";
import type { TeamReport } from "../../services/team-report.js";
import { escapeHtml, fitHtml, pre } from "../html.js";
import { cell, head } from "./cells.js";
import { renderTable } from "./table.js";

/** Metric columns per table: with the name column, a line stays within a phone's ~36 characters. */
const MAX_COLUMNS = 5;

/** A section's metrics as tables of at most MAX_COLUMNS, split evenly (6 → 3 + 3). */
function columnGroups(metrics: MetricKey[]): MetricKey[][] {
  const tables = Math.ceil(metrics.length / MAX_COLUMNS);
  const size = Math.ceil(metrics.length / tables);
  const groups: MetricKey[][] = [];
  for (let i = 0; i < metrics.length; i += size) groups.push(metrics.slice(i, i + size));
  return groups;
}

const WORDS = {
  ru: {
    title: "Отчёт команды",
    activity: "Активность",
    results: "Результат",
    plan: "План",
    total: "Итого",
    name: "Кто",
    none: "Нет менеджеров.",
    teamPlan: "Команда",
  },
  en: {
    title: "Team report",
    activity: "Activity",
    results: "Results",
    plan: "Plan",
    total: "Total",
    name: "Who",
    none: "No managers yet.",
    teamPlan: "Team",
  },
};

export function firstName(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}

/** Narrow tables (activity, then results: the metrics shown in reports) per manager plus the total, then plan progress. */
export function renderTeamReport(report: TeamReport, locale: Locale): string {
  const w = WORDS[locale];
  const { snapshot } = report;
  const title = `📈 <b>${w.title} «${escapeHtml(snapshot.team.name)}»</b> · ${escapeHtml(periodLabel(snapshot.period, locale))}`;
  if (snapshot.people.length === 0) return `${title}\n${w.none}`;
  const table = (metrics: MetricKey[]) => {
    const rows = snapshot.people.map((p) => [
      firstName(p.user.firstName),
      ...metrics.map((m) => cell(m, snapshot.byUser.get(p.user.id)![m], locale)),
    ]);
    rows.push([w.total, ...metrics.map((m) => cell(m, snapshot.total[m], locale))]);
    return renderTable([{ title: w.name, align: "left", max: 8 }, ...metrics.map((m) => ({ title: head(m, locale) }))], rows);
  };
  const planLines: string[] = [];
  for (const s of report.teamStandings) planLines.push(`${w.teamPlan}: ${escapeHtml(s.line)}`);
  for (const p of snapshot.people) {
    for (const s of report.standings.get(p.user.id) ?? [])
      planLines.push(`${escapeHtml(firstName(p.user.firstName))}: ${escapeHtml(s.line)}`);
  }
  const section = (metrics: MetricKey[]) => columnGroups(metrics).map((group) => pre(table(group)));
  const parts = [
    title,
    `<b>${w.activity}</b>`,
    ...section(metricsOn("report", "activity")),
    `<b>${w.results}</b>`,
    ...section(metricsOn("report", "results")),
  ];
  if (planLines.length > 0) parts.push(`<b>${w.plan}</b>\n${planLines.join("\n")}`);
  return fitHtml(parts.join("\n"));
}
