import type { GamingFlag, ResolveResult } from "../db/repositories/gaming-flags.js";
import type { Team } from "../db/repositories/teams.js";
import { dealsWithoutHistory, detectFlags, type FlagSettings, historyDays } from "../domain/gaming-flags.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { addDays, DAY_MS, daysBetween, localDate, zonedMidnight } from "../domain/time.js";
import type { ActivityRecord, Period } from "../domain/types.js";
import type { AppDeps } from "./deps.js";
import { previousWorkday } from "./morning-summary.js";

export type { GamingFlag };

/** Days one detection run looks at, at most (a long `/flags` period lists stored flags beyond it). */
const MAX_DETECT_DAYS = 31;

/**
 * Runs the detectors over local days [fromDay, toDay] (clipped to the last
 * MAX_DETECT_DAYS) and stores what they find; returns how many flags are new.
 * Idempotent: a (kind, person, day) is flagged once.
 */
export function detectTeamFlags(deps: AppDeps, team: Team, fromDay: string, toDay: string, now: number): number {
  const settings = readTeamSettings(team.settings).flags;
  if (!settings.on) return 0;
  const first = daysBetween(fromDay, toDay) >= MAX_DETECT_DAYS ? addDays(toDay, -(MAX_DETECT_DAYS - 1)) : fromDay;
  const days: string[] = [];
  for (let d = first; d <= toDay; d = addDays(d, 1)) days.push(d);
  if (days.length === 0) return 0;
  const from = zonedMidnight(first, team.timezone);
  const to = zonedMidnight(addDays(toDay, 1), team.timezone);
  const entries = deps.repos.entries.activities(team.id, from, to);
  const found = detectFlags({ entries, history: dealHistory(deps, team, entries, settings, from, to), days, tz: team.timezone, settings });
  return deps.repos.gamingFlags.record(team.id, found, now);
}

/**
 * The earlier work the deal check needs. Clients are usually written the same way
 * every time (picked from buttons), so the look-back is first read for those exact
 * names only; the team's whole look-back is read only when some deal found nothing
 * that way (a spelling that differs in case or spacing, or a flag to raise).
 */
function dealHistory(deps: AppDeps, team: Team, entries: ActivityRecord[], settings: FlagSettings, from: number, to: number) {
  const back = historyDays(settings);
  const deals = entries.filter((e) => e.kind === "deal" && e.clientName);
  if (back === 0 || deals.length === 0) return [];
  const since = from - back * DAY_MS;
  const names = [...new Set(deals.map((d) => d.clientName!))];
  const exact = deps.repos.gamingFlags.groundwork(team.id, since, to, names);
  if (dealsWithoutHistory(deals, exact, back).length === 0) return exact;
  return deps.repos.gamingFlags.groundwork(team.id, since, to);
}

/**
 * The daily run, with the morning summary: every day since the previous working
 * day up to yesterday (Monday's covers Friday and the weekend, when entries at
 * night or in bursts would otherwise go unseen).
 */
export function detectSinceLastWorkday(deps: AppDeps, team: Team, now: number): number {
  const today = localDate(now, team.timezone);
  const from = previousWorkday(today, readTeamSettings(team.settings).workdays);
  return detectTeamFlags(deps, team, from, addDays(today, -1), now);
}

/** Open flags awaiting a head, for the morning summary's line. */
export function openFlagCount(deps: AppDeps, team: Team): number {
  return readTeamSettings(team.settings).flags.on ? deps.repos.gamingFlags.countOpen(team.id) : 0;
}

export interface FlagListing {
  flags: GamingFlag[];
  /** Whether detection is on for the team (off: only earlier flags are listed). */
  on: boolean;
}

/**
 * `/flags`: with no period, every open flag (after checking the days since the
 * previous working day, today included); with a period, its flags of any status
 * (after checking its days up to today).
 */
export function listFlags(deps: AppDeps, team: Team, period: Period | null, now: number): FlagListing {
  const today = localDate(now, team.timezone);
  const on = readTeamSettings(team.settings).flags.on;
  if (!period) {
    detectTeamFlags(deps, team, previousWorkday(today, readTeamSettings(team.settings).workdays), today, now);
    return { flags: deps.repos.gamingFlags.open(team.id), on };
  }
  // Detection stops at today: days to come have no entries yet.
  const end = period.endDate.localeCompare(today) < 0 ? period.endDate : today;
  if (period.startDate <= end) detectTeamFlags(deps, team, period.startDate, end, now);
  return { flags: deps.repos.gamingFlags.between(team.id, period.startDate, period.endDate), on };
}

/** A head marks a flag as fine: nothing else changes. */
export function markFlagFine(deps: AppDeps, team: Team, flagId: number, by: number): ResolveResult {
  return deps.repos.gamingFlags.markFine(team.id, flagId, by, deps.now());
}

/**
 * A head voids a flag's entries: they stop counting everywhere, as after /undo.
 * Kept as this one function so it can be routed through a general entry-voiding
 * path (with its audit trail) without touching the feature.
 */
export function voidFlaggedEntries(deps: AppDeps, team: Team, flagId: number, by: number): ResolveResult {
  return deps.repos.gamingFlags.voidEntries(team.id, flagId, by, deps.now());
}

/** One flag of the team by id. */
export function flagById(deps: AppDeps, teamId: number, id: number) {
  return deps.repos.gamingFlags.byId(teamId, id);
}
