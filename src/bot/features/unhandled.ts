import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/** Last in the chain: anything no feature took gets a pointer to /help. */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("message:text", async (ctx) => {
  const isCommand = ctx.message.text.startsWith("/");
  // In groups, stay quiet unless addressed: other bots' commands and chatter are not ours.
  if (ctx.chat.type !== "private") {
    const mention = `@${ctx.me.username}`.toLowerCase();
    const command = ctx.message.text.split(/\s/, 1)[0]!.toLowerCase();
    if (!isCommand || !command.endsWith(mention)) return;
  }
  await ctx.reply(isCommand ? ctx.t.unhandledCommand : ctx.t.unhandledText);
});

unhandledFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery());
