import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/** Keeps a team bound to its chat, and its members to the group, as Telegram changes them. */
export const chatMembershipFeature = new Composer<BotContext>();

// A group upgraded to a supergroup gets a new id; the old chat says where it went.
chatMembershipFeature.on("message:migrate_to_chat_id", (ctx) => {
  const team = ctx.deps.repos.teams.byChatId(ctx.chat.id);
  if (!team) return;
  const newId = ctx.message.migrate_to_chat_id;
  const holder = ctx.deps.repos.teams.byChatId(newId);
  if (holder && holder.id !== team.id) {
    // Someone ran /setup in the new supergroup before this notice arrived: that team
    // keeps the chat, and this one stops posting to an id that no longer exists.
    ctx.log.warn({ team_id: team.id, chat_id: newId, holder_team_id: holder.id }, "migrated chat already belongs to another team");
    ctx.deps.repos.teams.update(team.id, { chatUnreachableAt: ctx.deps.now() });
    return;
  }
  ctx.deps.repos.teams.update(team.id, { chatId: newId });
});

// Removed from the group: stop posting there; added back: resume.
chatMembershipFeature.on("my_chat_member", (ctx) => {
  const team = ctx.deps.repos.teams.byChatId(ctx.chat.id);
  if (!team) return;
  const status = ctx.myChatMember.new_chat_member.status;
  const gone = status === "left" || status === "kicked";
  ctx.deps.repos.teams.update(team.id, { chatUnreachableAt: gone ? ctx.deps.now() : null });
});

/**
 * Someone left the team's group or was removed from it: their membership ends (they
 * stop counting; past entries stay). The team's last head stays, or nobody could
 * manage the team any more. Coming back to the group does not re-join: that takes /join.
 */
function memberLeft(ctx: BotContext, chatId: number, userId: number): void {
  const { repos } = ctx.deps;
  const team = repos.teams.byChatId(chatId);
  const membership = team ? repos.memberships.get(team.id, userId) : undefined;
  if (!team || !membership?.active) return;
  if (membership.role === "head") {
    const heads = repos.memberships.listTeam(team.id).filter((m) => m.membership.role === "head");
    if (heads.length <= 1) {
      ctx.log.info({ team_id: team.id, user_id: userId }, "last head left the group; membership kept");
      return;
    }
  }
  repos.memberships.deactivate(team.id, userId);
}

chatMembershipFeature.on("chat_member", (ctx) => {
  const status = ctx.chatMember.new_chat_member.status;
  if (status === "left" || status === "kicked") memberLeft(ctx, ctx.chat.id, ctx.chatMember.new_chat_member.user.id);
});

// Without admin rights the bot gets no chat_member updates, but still sees this service message.
chatMembershipFeature.on("message:left_chat_member", (ctx) => {
  const left = ctx.message.left_chat_member;
  if (left.id === ctx.me.id) return;
  memberLeft(ctx, ctx.chat.id, left.id);
});
