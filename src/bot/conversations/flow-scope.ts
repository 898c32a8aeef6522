import type { Role } from "../../db/repositories/users.js";
import { escapeHtml } from "../../presentation/html.js";
import type { Member } from "../../services/deps.js";
import type { BotContext } from "../context.js";

/**
 * The team (and role) a guided flow was opened for. A flow can outlive the
 * chat's "current team" (the user joins another team's group mid-flow) or the
 * user's role (a head is demoted or removed), so it carries this from its first
 * step and saves only after `recheckScope` confirms it still holds.
 */
export interface FlowScope {
  teamId: number;
  teamName: string;
  userId: number;
  /** The role the flow needs when it saves; null: any active member. */
  role: Role | null;
}

export function openScope(ctx: BotContext, role: Role | null): FlowScope | null {
  const { user, team, membership } = ctx.actor;
  if (!user || !team || !membership) return null;
  if (role && membership.role !== role) return null;
  return { teamId: team.id, teamName: team.name, userId: user.id, role };
}

/**
 * The member the flow acts as, re-read from the database at save time, or the
 * sentence that says why the flow can't save any more (HTML, like every reply: the
 * team's name is escaped).
 */
export function recheckScope(ctx: BotContext, scope: FlowScope): { ok: true; member: Member } | { ok: false; text: string } {
  const { repos } = ctx.deps;
  const team = repos.teams.byId(scope.teamId);
  const user = repos.users.byId(scope.userId);
  const membership = team && user ? repos.memberships.get(team.id, user.id) : undefined;
  if (!team || !user || !membership?.active) return { ok: false, text: ctx.t.flow.scopeLost(escapeHtml(scope.teamName)) };
  if (scope.role && membership.role !== scope.role) return { ok: false, text: ctx.t.flow.roleLost(escapeHtml(scope.teamName)) };
  return { ok: true, member: { user, team, membership } };
}
