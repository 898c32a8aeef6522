import type { Team } from "../db/repositories/teams.js";
import { checkEntries, type PeriodLimit } from "../domain/period-bounds.js";
import type { AppDeps } from "./deps.js";

/**
 * Null when a request may read the team's entries in [from, to) (or only `userIds`'):
 * counted on the index, before anything is read, against the shared bound.
 */
export function entriesLimit(deps: AppDeps, team: Team, from: number, to: number, userIds?: number[]): PeriodLimit | null {
  return checkEntries(deps.repos.entries.countInRange(team.id, from, to, userIds));
}
