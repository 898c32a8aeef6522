import { Composer } from "grammy";
import { leaveGroup } from "../../services/members.js";
import { moveTeamChat, setChatReachable, teamOfChat } from "../../services/teams.js";
import type { BotContext } from "../context.js";

/** Keeps a team bound to its chat, and its members to the group, as Telegram changes them. */
export const chatMembershipFeature = new Composer<BotContext>();

// A group upgraded to a supergroup gets a new id; the old chat says where it went.
chatMembershipFeature.on("message:migrate_to_chat_id", (ctx) => {
  const team = teamOfChat(ctx.deps, ctx.chat.id);
  if (!team) return;
  const newId = ctx.message.migrate_to_chat_id;
  const holder = teamOfChat(ctx.deps, newId);
  if (holder && holder.id !== team.id) {
    // Someone ran /setup in the new supergroup before this notice arrived: that team
    // keeps the chat, and this one stops posting to an id that no longer exists.
    ctx.log.warn({ team_id: team.id, chat_id: newId, holder_team_id: holder.id }, "migrated chat already belongs to another team");
    setChatReachable(ctx.deps, team.id, false, ctx.deps.now());
    return;
  }
  moveTeamChat(ctx.deps, team.id, newId);
});

// Removed from the group: stop posting there; added back: resume.
chatMembershipFeature.on("my_chat_member", (ctx) => {
  const team = teamOfChat(ctx.deps, ctx.chat.id);
  if (!team) return;
  const status = ctx.myChatMember.new_chat_member.status;
  const gone = status === "left" || status === "kicked";
  setChatReachable(ctx.deps, team.id, !gone, ctx.deps.now());
});

/**
 * Someone left the team's group or was removed from it: their membership ends (they
 * stop counting; past entries stay). The team's last head stays, or nobody could
 * manage the team any more. Coming back to the group does not re-join: that takes /join.
 */
function memberLeft(ctx: BotContext, chatId: number, userId: number): void {
  const team = teamOfChat(ctx.deps, chatId);
  if (team && leaveGroup(ctx.deps, team.id, userId) === "last_head") {
    ctx.log.info({ team_id: team.id, user_id: userId }, "last head left the group; membership kept");
  }
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
