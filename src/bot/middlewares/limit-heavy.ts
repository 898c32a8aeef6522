import type { MiddlewareFn } from "grammy";
import { heavyRequests } from "../../services/heavy-requests.js";
import type { BotContext } from "../context.js";

/**
 * Commands that read a period's entries for many people (or build a file): each counts
 * against the person's heavy requests a minute. Logging, /me, /help and the like do not.
 */
export const HEAVY_COMMANDS: ReadonlySet<string> = new Set(["report", "funnel", "compare", "export", "top", "league", "summary", "flags"]);

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?:\s|$)/;

/** The command a message starts with, if it is addressed to this bot. */
function commandOf(ctx: BotContext): string | null {
  const text = ctx.message?.text ?? ctx.message?.caption;
  const m = text ? COMMAND.exec(text) : null;
  if (!m) return null;
  if (m[2] && m[2].toLowerCase() !== ctx.me.username.toLowerCase()) return null;
  return m[1]!;
}

/** One person's heavy commands beyond the limit are answered with when to try again, and not run. */
export const limitHeavy: MiddlewareFn<BotContext> = async (ctx, next) => {
  const command = commandOf(ctx);
  if (command === null || !HEAVY_COMMANDS.has(command) || !ctx.from || !ctx.t) return next();
  const verdict = heavyRequests(ctx.deps).take(ctx.from.id, ctx.deps.now());
  if (verdict.ok) return next();
  await ctx.reply(ctx.t.heavy.tooMany(verdict.max, verdict.retryInS));
};
