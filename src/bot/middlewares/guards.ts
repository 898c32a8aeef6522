import { escapeHtml } from "../../presentation/html.js";
import type { Member } from "../../services/deps.js";
import type { BotContext } from "../context.js";

/**
 * The speaker as a team member, or null after telling them how to join
 * (or that this group is not a team). Nothing is stored on refusal.
 */
export async function requireMember(ctx: BotContext): Promise<Member | null> {
  const { user, team, membership } = ctx.actor;
  if (ctx.chat?.type !== "private" && !team) {
    await ctx.reply(ctx.t.groupNotTeam);
    return null;
  }
  if (!user || !team || !membership) {
    // In another team's group, say so rather than "not in a team": they are, elsewhere.
    const own = user && team && ctx.chat?.type !== "private" ? ctx.deps.repos.memberships.currentFor(user.id) : undefined;
    if (own && team && own.team.id !== team.id) {
      await ctx.reply(ctx.t.otherTeamGroup(escapeHtml(team.name), escapeHtml(own.team.name)));
    } else {
      await ctx.reply(ctx.t.notInTeam);
    }
    return null;
  }
  return { user, team, membership };
}

export async function requireHead(ctx: BotContext, command: string): Promise<Member | null> {
  const member = await requireMember(ctx);
  if (!member) return null;
  if (member.membership.role !== "head") {
    await ctx.reply(ctx.t.headOnly(command));
    return null;
  }
  return member;
}
