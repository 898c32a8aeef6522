import type { Team } from "../db/repositories/teams.js";
import { type DayRef, type DayResolution, resolveBackdate } from "../domain/backdating.js";
import { readTeamSettings } from "../domain/team-settings.js";

/** A named day pinned to the team's calendar and checked against its backdating window (`/settings backdate`). */
export function pinEntryDay(team: Team, ref: DayRef | "bad_date", sentAt: number): DayResolution & { windowDays: number } {
  const windowDays = readTeamSettings(team.settings).backdateDays;
  return { ...resolveBackdate(ref, sentAt, team.timezone, windowDays), windowDays };
}
