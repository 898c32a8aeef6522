import { type BotError, GrammyError, HttpError } from "grammy";
import type { BotContext } from "./context.js";

/**
 * The one place errors end up. The user hears that nothing was saved (entries
 * are single transactions, so that is true), and the log gets the update id.
 */
export async function errorBoundary(err: BotError<BotContext>): Promise<void> {
  const ctx = err.ctx;
  const log = ctx.log ?? ctx.deps?.logger;
  const e = err.error;
  const details =
    e instanceof GrammyError
      ? { method: e.method, code: e.error_code, description: e.description }
      : e instanceof HttpError
        ? { http: String(e.error) }
        : {};
  log?.error({ err: e, update_id: ctx.update.update_id, ...details }, "update failed");
  if (ctx.chat && ctx.t) {
    await ctx.reply(ctx.t.failure).catch(() => undefined);
  }
}
