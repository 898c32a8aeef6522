import type { MiddlewareFn } from "grammy";
import type { Message } from "grammy/types";
import type { BotContext } from "../context.js";

/**
 * Why a message is not the sender's own request, or null when it is. A forwarded
 * `/deal 424242` is someone else's deal, a message `via_bot` was written by an
 * inline bot, and other bots (including anonymous admins and channels posting in
 * a group, which arrive from Telegram's service bots) are not people we coach.
 */
export function foreignReason(message: Message): string | null {
  if (message.from?.is_bot) return "from a bot";
  if (message.forward_origin || message.is_automatic_forward) return "forwarded";
  if (message.via_bot) return "via bot";
  return null;
}

/**
 * Drops, before anything is stored or answered, the updates the bot does not
 * handle: edits of old messages (an edit must not log an entry twice), channel
 * posts, inline queries, messages not written by the sender themselves, and
 * button taps on inline messages (they carry no chat, so nothing says which
 * team they are for). Telegram is asked not to send most of these
 * (`ALLOWED_UPDATES`); this holds if it does anyway.
 */
export const ignoreForeign: MiddlewareFn<BotContext> = async (ctx, next) => {
  const u = ctx.update;
  if (u.edited_message || u.edited_channel_post || u.channel_post || u.inline_query || u.chosen_inline_result) {
    ctx.log.debug("update kind not handled, ignored");
    return;
  }
  if (u.message) {
    const reason = foreignReason(u.message);
    // A forward goes on to the guided flows (the /kb add flow takes a forwarded material);
    // `dropForwarded`, after them, keeps it from everything else.
    if (reason && reason !== "forwarded") {
      ctx.log.debug({ reason }, "message ignored");
      return;
    }
  }
  if (u.callback_query) {
    const cq = u.callback_query;
    if (cq.from.is_bot) return;
    if (!cq.message) {
      // Answered, so the tapper's client stops spinning; nothing else happens.
      await ctx.answerCallbackQuery().catch(() => undefined);
      return;
    }
  }
  // Returned, not awaited: an update waits for its handler without this frame held.
  return next();
};

/** After the guided flows: a forwarded message no flow took is not the sender's request. */
export const dropForwarded: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (ctx.update.message && foreignReason(ctx.update.message) === "forwarded") {
    ctx.log.debug({ reason: "forwarded" }, "message ignored");
    return;
  }
  return next();
};
