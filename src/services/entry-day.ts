import type { Team } from "../db/repositories/teams.js";
import { type BackdateError, checkBackdate, type DayRef, type DayResolution, resolveBackdate } from "../domain/backdating.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { localDate } from "../domain/time.js";

/** The team's backdating window in days (`/settings backdate`; 0: off). */
export function backdateWindow(team: Team): number {
  return readTeamSettings(team.settings).backdateDays;
}

/** A named day pinned to the team's calendar and checked against its backdating window (`/settings backdate`). */
export function pinEntryDay(team: Team, ref: DayRef | "bad_date", sentAt: number): DayResolution & { windowDays: number } {
  const windowDays = backdateWindow(team);
  return { ...resolveBackdate(ref, sentAt, team.timezone, windowDays), windowDays };
}

/**
 * Whether an entry at the instant `occurredAt` may be logged at `loggedAt` (an
 * imported row): the same rule as a typed day, on the team's calendar and window.
 */
export function checkEntryInstant(
  team: Team,
  occurredAt: number,
  loggedAt: number,
): { ok: true; daysBack: number } | { ok: false; error: BackdateError; windowDays: number } {
  const windowDays = backdateWindow(team);
  const check = checkBackdate(localDate(occurredAt, team.timezone), localDate(loggedAt, team.timezone), windowDays);
  return check.ok ? check : { ...check, windowDays };
}
