// The team's memory of corrected readings: what its managers fixed with ✏️ is read
// right next time, for everyone in the team.
import { isEventWord } from "../domain/free-text.js";
import { aliasesFromCorrection, type Correction, type TextAlias } from "../domain/text-aliases.js";
import type { AppDeps, Member } from "./deps.js";

/** The phrases the reader uses for this team. */
export function teamAliases(deps: AppDeps, teamId: number): TextAlias[] {
  return deps.repos.textAliases.list(teamId).map((r) => ({ field: r.field, phrase: r.phrase, value: r.value }));
}

/** Remembers what a correction teaches; returns what was learned (to tell the manager). */
export function learnFromCorrection(deps: AppDeps, member: Member, correction: Correction): TextAlias[] {
  // The reader's own event words are not re-taught by one correction (a head still sees the fix in /feed).
  const learned = aliasesFromCorrection(correction).filter((a) => a.field !== "kind" || !isEventWord(a.phrase));
  const now = deps.now();
  deps.db.transaction(() => {
    for (const alias of learned) deps.repos.textAliases.remember(member.team.id, alias, member.user.id, now);
  });
  return learned;
}

/** The team's phrases as stored, oldest first, with their ids (for /aliases). */
export function teamAliasRows(deps: AppDeps, teamId: number) {
  return deps.repos.textAliases.list(teamId);
}

/** Forgets one phrase of the team; false when it is not (or no longer) there. */
export function forgetAlias(deps: AppDeps, teamId: number, id: number): boolean {
  return deps.repos.textAliases.remove(teamId, id);
}
