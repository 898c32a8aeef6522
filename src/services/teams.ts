// Teams as the bot's commands find and change them: by their group chat, their
// invite code, their id.
import type { Team } from "../db/repositories/teams.js";
import type { Locale } from "../domain/locales.js";
import type { AppDeps } from "./deps.js";

export type { Team };

export function teamById(deps: AppDeps, teamId: number): Team | undefined {
  return deps.repos.teams.byId(teamId);
}

/** The team whose group this chat is. */
export function teamOfChat(deps: AppDeps, chatId: number): Team | undefined {
  return deps.repos.teams.byChatId(chatId);
}

export function teamByInviteCode(deps: AppDeps, code: string): Team | undefined {
  return deps.repos.teams.byInviteCode(code);
}

export function createTeam(deps: AppDeps, input: { chatId: number; name: string; timezone: string; locale: Locale; headId: number }): Team {
  return deps.repos.teams.create(input);
}

/** A new invite code (the old link stops working); the team as it is now. */
export function rotateInviteCode(deps: AppDeps, teamId: number): Team {
  return deps.repos.teams.rotateInviteCode(teamId);
}

export type TeamPatch = Partial<Pick<Team, "name" | "timezone" | "locale" | "settings" | "chatId" | "chatUnreachableAt">>;

/** Changes a team; the team as it is now. */
export function updateTeam(deps: AppDeps, teamId: number, patch: TeamPatch): Team {
  deps.repos.teams.update(teamId, patch);
  return deps.repos.teams.byId(teamId)!;
}

/** The group was upgraded to a supergroup: the team follows it to its new id. */
export function moveTeamChat(deps: AppDeps, teamId: number, chatId: number): void {
  deps.repos.teams.update(teamId, { chatId });
}

/** Whether the bot can post in the team's group (removed from it, or added back). */
export function setChatReachable(deps: AppDeps, teamId: number, reachable: boolean, now: number): void {
  deps.repos.teams.update(teamId, { chatUnreachableAt: reachable ? null : now });
}
