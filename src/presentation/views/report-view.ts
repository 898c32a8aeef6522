import type { Locale } from "../../config.js";
import type { MetricKey } from "../../domain/metrics.js";
import { periodLabel } from "../../domain/periods.js";
import type { TeamReport } from "../../services/team-report.js";
import { escapeHtml, fitHtml, pre } from "../html.js";
import { cell, head } from "./cells.js";
import { renderTable } from "./table.js";

const ACTIVITY: MetricKey[] = ["calls", "meetings", "call_conversion", "proposals", "presentations"];
const RESULTS: MetricKey[] = ["deals", "revenue", "avg_check", "lead_time", "close_time"];

const WORDS = {
  ru: {
    title: "Отчёт команды",
    activity: "Активность",
    results: "Результат",
    plan: "План",
    total: "Итого",
    name: "Кто",
    none: "Нет менеджеров.",
    former: "† — бывший участник команды",
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
    former: "† — former member of the team",
    teamPlan: "Team",
  },
};

export function firstName(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}

/** Two narrow tables (activity, results) per manager plus the total, then plan progress. */
export function renderTeamReport(report: TeamReport, locale: Locale): string {
  const w = WORDS[locale];
  const { snapshot } = report;
  const title = `📈 <b>${w.title} «${escapeHtml(snapshot.team.name)}»</b> · ${escapeHtml(periodLabel(snapshot.period, locale))}`;
  if (snapshot.people.length === 0) return `${title}\n${w.none}`;
  const name = (p: (typeof snapshot.people)[number]) => `${p.membership.active ? "" : "†"}${firstName(p.user.firstName)}`;
  const table = (metrics: MetricKey[]) => {
    const rows = snapshot.people.map((p) => [name(p), ...metrics.map((m) => cell(m, snapshot.byUser.get(p.user.id)![m], locale))]);
    rows.push([w.total, ...metrics.map((m) => cell(m, snapshot.total[m], locale))]);
    return renderTable([{ title: w.name, align: "left", max: 8 }, ...metrics.map((m) => ({ title: head(m, locale) }))], rows);
  };
  const planLines: string[] = [];
  for (const s of report.teamStandings) planLines.push(`${w.teamPlan}: ${escapeHtml(s.line)}`);
  for (const p of snapshot.people) {
    for (const s of report.standings.get(p.user.id) ?? []) planLines.push(`${escapeHtml(name(p))}: ${escapeHtml(s.line)}`);
  }
  const parts = [title, `<b>${w.activity}</b>`, pre(table(ACTIVITY)), `<b>${w.results}</b>`, pre(table(RESULTS))];
  if (snapshot.people.some((p) => !p.membership.active)) parts.push(`<i>${w.former}</i>`);
  if (planLines.length > 0) parts.push(`<b>${w.plan}</b>\n${planLines.join("\n")}`);
  return fitHtml(parts.join("\n"));
}
