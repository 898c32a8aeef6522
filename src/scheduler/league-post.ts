import type { Locale } from "../config.js";
import type { Team } from "../db/repositories/teams.js";
import { resolvePeriod } from "../domain/periods.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { docToHtml } from "../presentation/document/render.js";
import { leagueDoc } from "../presentation/views/league-view.js";
import type { PostContent } from "../presentation/views/post-content.js";
import type { AppDeps } from "../services/deps.js";
import { leagueStandings } from "../services/league.js";

/**
 * Monday's league post for one member team: last calendar week (Monday to Sunday,
 * the same for every team), ranked per manager on the team's main metric. Null
 * when the team is in no league, or alone in it (a table of one says nothing).
 */
export function leaguePost(deps: AppDeps, team: Team, now: number): ((locale: Locale) => PostContent) | null {
  const mine = deps.repos.leagues.ofTeam(team.id);
  if (!mine || deps.repos.leagues.members(mine.league.id).length < 2) return null;
  const metric = readTeamSettings(team.settings).mainMetric;
  const week = resolvePeriod({ kind: "lastweek" }, now, team.timezone, { weekStart: 1 });
  const standings = leagueStandings(deps, mine.league, team, metric, "per_manager", week);
  return (locale) => {
    const board = leagueDoc(standings, locale, { weekly: true });
    return { html: docToHtml(board), doc: board, chart: null, caption: "" };
  };
}
