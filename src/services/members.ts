// Who is in a team and in what role: the people, their memberships and their own
// settings, as the bot's commands look them up and change them.
import type { Membership, Role, Member as TeamMember, User } from "../db/repositories/users.js";
import type { AppDeps } from "./deps.js";

/** A person in a team: their user row and their membership (the team is the caller's). */
export type { Membership, Role, TeamMember, User };

/** The team's active members, heads and managers. */
export function teamMembers(deps: AppDeps, teamId: number): TeamMember[] {
  return deps.repos.memberships.listTeam(teamId);
}

/** The team's active managers. */
export function teamManagers(deps: AppDeps, teamId: number): TeamMember[] {
  return teamMembers(deps, teamId).filter((m) => m.membership.role === "manager");
}

/** An active member by @username (with or without the @). */
export function memberByUsername(deps: AppDeps, teamId: number, username: string): TeamMember | undefined {
  return deps.repos.memberships.byUsername(teamId, username);
}

/** A user's active membership of a team, if any. */
export function membershipOf(deps: AppDeps, teamId: number, userId: number): Membership | undefined {
  return deps.repos.memberships.get(teamId, userId);
}

export function userById(deps: AppDeps, userId: number): User | undefined {
  return deps.repos.users.byId(userId);
}

export function saveUserSettings(deps: AppDeps, userId: number, settings: User["settings"]): void {
  deps.repos.users.update(userId, { settings });
}

export function joinTeam(deps: AppDeps, teamId: number, userId: number, now: number): "joined" | "already" | "rejoined" {
  return deps.repos.memberships.join(teamId, userId, now);
}

/** Ends a membership; false when there was none. */
export function leaveTeam(deps: AppDeps, teamId: number, userId: number): boolean {
  return deps.repos.memberships.deactivate(teamId, userId);
}

export function setMemberRole(deps: AppDeps, teamId: number, userId: number, role: Role): void {
  deps.repos.memberships.setRole(teamId, userId, role);
}

/** A head back to manager, unless they are the team's last head. */
export function demoteHead(deps: AppDeps, teamId: number, userId: number): "demoted" | "not_head" | "last_head" {
  return deps.repos.memberships.demote(teamId, userId);
}

/**
 * Someone left the team's group: their membership ends (past entries stay). The
 * team's last head stays, or nobody could manage the team any more.
 */
export function leaveGroup(deps: AppDeps, teamId: number, userId: number): "left" | "not_member" | "last_head" {
  const membership = membershipOf(deps, teamId, userId);
  if (!membership?.active) return "not_member";
  if (membership.role === "head" && teamMembers(deps, teamId).filter((m) => m.membership.role === "head").length <= 1) return "last_head";
  leaveTeam(deps, teamId, userId);
  return "left";
}
