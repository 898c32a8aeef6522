import type { Team } from "../db/repositories/teams.js";
import { checkPeriod, type PeriodRefusal } from "../domain/period-bounds.js";
import { parsePeriod } from "../domain/period-parsing.js";
import { resolvePeriod } from "../domain/periods.js";
import { type PointWeights, withDefaults } from "../domain/points.js";
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

/** The team's point weights: the head's changes over the catalogue's defaults. */
export function teamPointWeights(team: Team): PointWeights {
  return withDefaults(readTeamSettings(team.settings).points);
}

/** The team's holidays as stored ("MM-DD" yearly, "YYYY-MM-DD" once). */
export function teamHolidays(team: Team): string[] {
  return readTeamSettings(team.settings).holidays;
}

export type AskedPeriod = { ok: true; period: Period } | { ok: false; refusal: PeriodRefusal };

/**
 * Resolves a typed period in the team's zone and week; empty text means `fallback`.
 * Every period a person types goes through here, so each is held to the one bound
 * (checkPeriod) before anything reads it.
 */
export function teamPeriod(team: Team, text: string, now: number, fallback = "month"): AskedPeriod {
  const spec = parsePeriod(text.trim() || fallback);
  if (!spec) return { ok: false, refusal: { kind: "unknown" } };
  const period = resolvePeriod(spec, now, team.timezone, { weekStart: teamWeekStart(team) });
  const limit = checkPeriod(period);
  return limit ? { ok: false, refusal: limit } : { ok: true, period };
}
