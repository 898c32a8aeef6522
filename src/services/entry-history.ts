// The team's logged entries as commands read them back (files, funnels) and the
// one undo a manager may do of their own last entry.
import type { AppDeps } from "./deps.js";

/** How many entries fall in [from, to), for the given people or everyone. */
export function entryCount(deps: AppDeps, teamId: number, from: number, to: number, userIds?: number[]): number {
  return deps.repos.entries.countInRange(teamId, from, to, userIds);
}

/** The entries in [from, to), for the given people or everyone. */
export function entriesIn(deps: AppDeps, teamId: number, from: number, to: number, userIds?: number[]) {
  return deps.repos.entries.activities(teamId, from, to, userIds);
}

/** Each lead's way through the stages, for leads opened in [from, to). */
export function leadTimelines(deps: AppDeps, teamId: number, from: number, to: number, userIds?: number[]) {
  return deps.repos.entries.timelines(teamId, from, to, userIds);
}

/** Undoes the user's last entry made since `since` (the update that asked, if any, is remembered). */
export function undoLastEntry(deps: AppDeps, teamId: number, userId: number, since: number, now: number, updateId: number | null) {
  return deps.repos.entries.undoLast(teamId, userId, since, now, updateId);
}
