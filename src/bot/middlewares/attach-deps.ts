import type { MiddlewareFn } from "grammy";
import type { Logger } from "../../logger.js";
import { messages } from "../../presentation/i18n/index.js";
import type { AppDeps } from "../../services/deps.js";
import type { BotContext } from "../context.js";

/**
 * Puts the dependencies and an update-scoped logger on the context. The logger is
 * made the first time something logs: most updates log nothing at the running level,
 * and a pino child for each one was measurable in the ingest profile.
 */
export function attachDeps(deps: AppDeps): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.deps = deps;
    let log: Logger | undefined;
    Object.defineProperty(ctx, "log", {
      get: () => (log ??= deps.logger.child({ update_id: ctx.update.update_id })),
      configurable: true,
    });
    ctx.actor = { user: null, team: null, membership: null };
    ctx.locale = deps.config.defaultLocale;
    ctx.t = messages[ctx.locale];
    return next();
  };
}
