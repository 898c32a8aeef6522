import type { Locale } from "../../domain/locales.js";
import { METRICS } from "../../domain/metrics.js";
import type { LeagueRow, LeagueStandings } from "../../services/league.js";
import { type Doc, type DocTable, doc, table } from "../document/model.js";
import { docToHtml } from "../document/render.js";
import { formatMetricValue } from "../format/metric-value.js";
import { formatNumber, formatPercent } from "../format/number.js";
import { periodLabel } from "../format/period-label.js";
import { escapeHtml } from "../html.js";
import { messages } from "../i18n/index.js";
import { metricLabel, metricShort } from "../i18n/metric-words.js";
import { metricCell, metricColumn } from "./metric-columns.js";

const MEDALS = ["🥇", "🥈", "🥉"];

export interface LeagueViewOptions {
  /** The weekly post's title instead of the command's. */
  weekly?: boolean;
  /** The join code, shown to heads. */
  code?: string;
}

/**
 * The league table: each team's place, value and active managers; a team's best
 * manager only where `best` was filled in (own team, or a team sharing names).
 * The viewer's team is in bold.
 */
export function renderLeague(s: LeagueStandings, locale: Locale, opts: LeagueViewOptions = {}): string {
  return docToHtml(leagueDoc(s, locale, opts));
}

export function leagueDoc(s: LeagueStandings, locale: Locale, opts: LeagueViewOptions = {}): Doc {
  const t = messages[locale].league;
  const value = (v: number | null) => escapeHtml(formatMetricValue(s.metric, v, locale));
  // An average of counts per manager is fractional: 2,5 deals.
  const perManager = (v: number | null) =>
    v !== null && METRICS[s.metric].unit === "count" && !Number.isInteger(v) ? formatNumber(v, locale, 1) : value(v);
  const name = (r: LeagueRow) => (r.mine ? `<b>${escapeHtml(r.team.name)}</b>` : escapeHtml(r.team.name));
  const label = metricLabel(s.metric, locale);
  const what = METRICS[s.metric].summable ? t.perManager(label) : t.teamValue(label);
  const when = escapeHtml(periodLabel(s.period, locale));
  const league = escapeHtml(s.league.name);
  const title = opts.weekly
    ? t.weeklyTitle(league, what, when)
    : s.mode === "plan"
      ? t.planTitle(league, label, when)
      : t.title(league, what, when);
  const lines: string[] = [];
  for (const r of s.ranked) {
    const place = `${r.place === null ? "▫️ —" : `${MEDALS[r.place - 1] ?? "▫️"} ${r.place}.`}`;
    const row = r.item;
    let text: string;
    if (row.value === null) text = `${name(row)} — ${t.noNumbers}`;
    else if (row.basis === "plan" && row.plan)
      text = t.teamPlanLine(name(row), formatPercent(row.value, locale), perManager(row.plan.actual), perManager(row.plan.target));
    else if (row.basis === "team") text = t.teamLevelLine(name(row), value(row.value));
    else text = t.teamLine(name(row), perManager(row.value), row.activeManagers);
    lines.push(`${place} ${text}`);
    if (row.best) lines.push(t.best(escapeHtml(row.best.name), value(row.best.value)));
  }
  const after: string[] = [];
  if (s.noPlan.length > 0) {
    after.push("", t.noPlanTeams);
    for (const r of s.noPlan) after.push(`▫️ ${name(r)}`);
  }
  if (s.ranked.length + s.noPlan.length < 2) after.push("", t.alone);
  if (opts.code) after.push("", t.code(opts.code));
  return doc(title, s.ranked.length > 0 && leagueTable(s, locale, lines.join("\n")), after.length > 0 && after.join("\n"));
}

/** The ranked teams as a table: place, team, the figure (unit in the header), and what it rests on. */
function leagueTable(s: LeagueStandings, locale: Locale, lines: string): DocTable {
  const m = messages[locale];
  const t = m.league;
  const count = (v: number | null) =>
    v !== null && METRICS[s.metric].unit === "count" && !Number.isInteger(v) ? formatNumber(v, locale, 1) : metricCell(s.metric, v, locale);
  const rows: string[][] = [];
  const strong: number[] = [];
  for (const r of s.ranked) {
    const row = r.item;
    if (row.mine) strong.push(rows.length);
    const place = `${r.place === null ? "▫️" : (MEDALS[r.place - 1] ?? "▫️")} ${r.place ?? "—"}`;
    const figure = row.value === null ? t.noNumbers : row.basis === "plan" ? formatNumber(row.value, locale, 0) : count(row.value);
    const basis =
      row.value === null
        ? ""
        : row.basis === "plan" && row.plan
          ? m.table.ofPlan(count(row.plan.actual), count(row.plan.target))
          : row.basis === "team"
            ? m.table.teamLevel
            : String(row.activeManagers);
    rows.push([place, row.team.name, figure, basis]);
    if (row.best) rows.push(["", `⭐ ${row.best.name}`, count(row.best.value), ""]);
  }
  const figure =
    s.mode === "plan" ? { title: "%", align: "right" as const } : metricColumn(s.metric, locale, metricShort(s.metric, locale));
  const basis = s.mode === "plan" ? metricShort(s.metric, locale) : m.table.managers;
  return table([{ title: "#", align: "left" }, { title: m.table.team, align: "left" }, figure, { title: basis, align: "right" }], rows, {
    strong,
    lines,
  });
}
