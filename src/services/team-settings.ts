import type { Team } from "../db/repositories/teams.js";
import { parsePeriod, resolvePeriod } from "../domain/periods.js";
import { firstWorkday } from "../domain/team-settings.js";
import type { Period } from "../domain/types.js";

// The team's working week lives in its settings JSON; these read it with the
// catalogue's defaults (Mon–Fri, weeks starting on the first workday).

export function teamWorkdays(team: Team): number[] {
  const w = team.settings["workdays"];
  return Array.isArray(w) && w.length > 0 && w.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) ? (w as number[]) : [1, 2, 3, 4, 5];
}

export function teamWeekStart(team: Team): number {
  return firstWorkday(teamWorkdays(team));
}

/** Resolves a typed period in the team's zone and week; empty text means `fallback`. */
export function teamPeriod(team: Team, text: string, now: number, fallback = "month"): Period | null {
  const spec = parsePeriod(text.trim() || fallback);
  return spec ? resolvePeriod(spec, now, team.timezone, { weekStart: teamWeekStart(team) }) : null;
}
