import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/** Keeps a team bound to its chat when Telegram changes the chat under it. */
export const chatMembershipFeature = new Composer<BotContext>();

// A group upgraded to a supergroup gets a new id; the old chat says where it went.
chatMembershipFeature.on("message:migrate_to_chat_id", (ctx) => {
  const team = ctx.deps.repos.teams.byChatId(ctx.chat.id);
  if (team) ctx.deps.repos.teams.update(team.id, { chatId: ctx.message.migrate_to_chat_id });
});

// Removed from the group: stop posting there; added back: resume.
chatMembershipFeature.on("my_chat_member", (ctx) => {
  const team = ctx.deps.repos.teams.byChatId(ctx.chat.id);
  if (!team) return;
  const status = ctx.myChatMember.new_chat_member.status;
  const gone = status === "left" || status === "kicked";
  ctx.deps.repos.teams.update(team.id, { chatUnreachableAt: gone ? ctx.deps.now() : null });
});
