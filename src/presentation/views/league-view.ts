import type { Locale } from "../../config.js";
import { METRICS } from "../../domain/metrics.js";
import type { LeagueRow, LeagueStandings } from "../../services/league.js";
import { formatMetricValue } from "../format/metric-value.js";
import { formatNumber, formatPercent } from "../format/number.js";
import { periodLabel } from "../format/period-label.js";
import { escapeHtml, fitHtml } from "../html.js";
import { messages } from "../i18n/index.js";
import { metricLabel } from "../i18n/metric-words.js";

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
  const lines = [title];
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
  if (s.noPlan.length > 0) {
    lines.push("", t.noPlanTeams);
    for (const r of s.noPlan) lines.push(`▫️ ${name(r)}`);
  }
  if (s.ranked.length + s.noPlan.length < 2) lines.push("", t.alone);
  if (opts.code) lines.push("", t.code(opts.code));
  return fitHtml(lines.join("\n"));
}
