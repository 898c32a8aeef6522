import type { MiddlewareFn } from "grammy";
import { messages } from "../../presentation/i18n/index.js";
import type { AppDeps } from "../../services/deps.js";
import type { BotContext } from "../context.js";

/** Puts the dependencies and an update-scoped logger on the context. */
export function attachDeps(deps: AppDeps): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    ctx.actor = { user: null, team: null, membership: null };
    ctx.locale = deps.config.defaultLocale;
    ctx.t = messages[ctx.locale];
    return next();
  };
}
