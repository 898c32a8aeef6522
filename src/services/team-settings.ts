import type { Team } from "../db/repositories/teams.js";
import { parsePeriod } from "../domain/period-parsing.js";
import { resolvePeriod } from "../domain/periods.js";
import { firstWorkday, readTeamSettings } from "../domain/team-settings.js";
import type { Period } from "../domain/types.js";

// The team's working week lives in its settings JSON; these read it with the
// catalogue's defaults (Mon–Fri, weeks starting on the first workday).

export function teamWorkdays(team: Team): number[] {
  return readTeamSettings(team.settings).workdays;
}

export function teamWeekStart(team: Team): number {
  return firstWorkday(teamWorkdays(team));
}

/** Resolves a typed period in the team's zone and week; empty text means `fallback`. */
export function teamPeriod(team: Team, text: string, now: number, fallback = "month"): Period | null {
  const spec = parsePeriod(text.trim() || fallback);
  return spec ? resolvePeriod(spec, now, team.timezone, { weekStart: teamWeekStart(team) }) : null;
}
