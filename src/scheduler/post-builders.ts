import type { Locale } from "../config.js";
import type { Team } from "../db/repositories/teams.js";
import { resolvePeriod } from "../domain/periods.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { podiumChart } from "../presentation/charts/index.js";
import { docToHtml } from "../presentation/document/render.js";
import { displayValue } from "../presentation/format/metric-value.js";
import { periodLabel } from "../presentation/format/period-label.js";
import { clip, escapeHtml, MAX_CAPTION } from "../presentation/html.js";
import { messages } from "../presentation/i18n/index.js";
import { metricLabel } from "../presentation/i18n/metric-words.js";
import { fairRankingDoc } from "../presentation/views/fair-ranking-view.js";
import type { PostContent } from "../presentation/views/post-content.js";
import { rankingDoc } from "../presentation/views/ranking-view.js";
import type { AppDeps } from "../services/deps.js";
import { fairLeaderboard } from "../services/fair-leaderboard.js";
import { leaderboard } from "../services/leaderboard.js";
import { teamWeekStart } from "../services/team-settings.js";

/** Evening: today's ranking by the team's main metric. */
export function buildEveningLeaderboard(deps: AppDeps, team: Team, now: number, locale: Locale): PostContent {
  const settings = readTeamSettings(team.settings);
  const metric = settings.mainMetric;
  const today = resolvePeriod({ kind: "today" }, now, team.timezone);
  // Fair mode: today's value against each one's own plan for the day (see fairLeaderboard).
  if (settings.leaderboardMode === "fair") {
    const board = fairLeaderboard(deps, team, metric, today, now).main;
    const title = messages[locale].league.eveningFairTitle(escapeHtml(team.name), metricLabel(metric, locale));
    const fair = fairRankingDoc(title, { mode: "fair", board }, null, metric, locale);
    return { html: docToHtml(fair), doc: fair, chart: null, caption: "" };
  }
  const ranked = leaderboard(deps, team, metric, today);
  const t = messages[locale].posts;
  const board = rankingDoc(t.eveningTitle(escapeHtml(team.name), metricLabel(metric, locale)), ranked, metric, locale, t.nobody);
  return {
    html: docToHtml(board),
    doc: board,
    chart: null,
    caption: "",
  };
}

/** Monday morning: last week's podium, with a chart. */
export function buildWeeklyPodium(deps: AppDeps, team: Team, now: number, locale: Locale): PostContent {
  const metric = readTeamSettings(team.settings).mainMetric;
  const week = resolvePeriod({ kind: "lastweek" }, now, team.timezone, { weekStart: teamWeekStart(team) });
  const ranked = leaderboard(deps, team, metric, week);
  const t = messages[locale].posts;
  const label = periodLabel(week, locale);
  const title = t.weeklyTitle(escapeHtml(team.name), metricLabel(metric, locale), escapeHtml(label));
  const scored = ranked.filter((r) => r.place !== null && r.value !== null);
  const board = rankingDoc(title, ranked, metric, locale, t.nobody);
  return {
    html: docToHtml(board),
    doc: board,
    chart:
      scored.length === 0
        ? null
        : () =>
            podiumChart({
              title: `${metricLabel(metric, locale)} · ${label}`,
              subtitle: team.name,
              locale,
              entries: scored
                .slice(0, 10)
                .map((r) => ({ name: r.item.user.firstName, value: displayValue(metric, r.value)!, place: r.place! })),
            }),
    caption: clip(`🏆 ${team.name} · ${label}`, MAX_CAPTION),
  };
}
