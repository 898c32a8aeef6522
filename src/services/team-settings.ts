import type { Team } from "../db/repositories/teams.js";

// The team's working week lives in its settings JSON; these read it with the
// catalogue's defaults (Mon–Fri, weeks starting on the first workday).

export function teamWorkdays(team: Team): number[] {
  const w = team.settings["workdays"];
  return Array.isArray(w) && w.length > 0 && w.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) ? (w as number[]) : [1, 2, 3, 4, 5];
}

export function teamWeekStart(team: Team): number {
  return Math.min(...teamWorkdays(team));
}
