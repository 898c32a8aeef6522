import type { MiddlewareFn } from "grammy";
import { groupCommit } from "../../db/group-commit.js";
import type { BotContext } from "../context.js";

/**
 * Handles each update id once. The id is remembered after the handlers finish
 * (failed or not), so a redelivery — a webhook retry, or getUpdates after a crash
 * before the offset was confirmed — changes nothing. Per-chat sequentializing
 * guarantees a redelivered copy waits for the first to finish.
 */
export const skipProcessed: MiddlewareFn<BotContext> = async (ctx, next) => {
  const { updates } = ctx.deps.repos;
  const id = ctx.update.update_id;
  if (updates.isProcessed(id)) {
    ctx.log.info("update already processed, skipped");
    return;
  }
  try {
    await next();
  } finally {
    // With the other writes of this turn: one commit for a burst of updates.
    await groupCommit(ctx.deps.db).run(() => updates.markProcessed(id, ctx.deps.now()));
  }
};
