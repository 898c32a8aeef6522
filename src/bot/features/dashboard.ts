import { Composer, InlineKeyboard } from "grammy";
import { currentTvLink, revokeTvLinks } from "../../services/tv-board.js";
import type { BotContext } from "../context.js";
import { requireHead, requireMember } from "../middlewares/guards.js";

/** `/dashboard` opens the Mini App; `/tv` gives (or `/tv revoke` kills) the TV leaderboard link. */
export const dashboardFeature = new Composer<BotContext>();

/** The TV page lives next to the Mini App page, on the same public origin. */
export function tvUrl(miniappUrl: string, token: string): string {
  return new URL(`/tv/${token}`, miniappUrl).toString();
}

dashboardFeature.command("dashboard", async (ctx) => {
  const url = ctx.deps.config.miniappUrl;
  if (!url) return void (await ctx.reply(ctx.t.miniapp.notConfigured));
  if (!(await requireMember(ctx))) return;
  const m = ctx.t.miniapp;
  if (ctx.chat.type !== "private") {
    // Telegram allows web_app buttons only in private chats: point there instead.
    const link = `https://t.me/${ctx.me.username}`;
    return void (await ctx.reply(ctx.t.privateOnly, { reply_markup: new InlineKeyboard().url(m.open, link) }));
  }
  // The menu button of this chat opens the dashboard from now on, too.
  await ctx.api
    .setChatMenuButton({ chat_id: ctx.chat.id, menu_button: { type: "web_app", text: m.open, web_app: { url } } })
    .catch((err) => ctx.log.warn({ err }, "could not set the menu button"));
  await ctx.reply(m.dashboard, { reply_markup: new InlineKeyboard().webApp(m.open, url) });
});

dashboardFeature.command("tv", async (ctx) => {
  const url = ctx.deps.config.miniappUrl;
  if (!url) return void (await ctx.reply(ctx.t.miniapp.notConfigured));
  const head = await requireHead(ctx, "tv");
  if (!head) return;
  const m = ctx.t.miniapp;
  if (ctx.chat.type !== "private") return void (await ctx.reply(ctx.t.privateOnly));
  const arg = ctx.match.trim().toLowerCase();
  const now = ctx.deps.now();
  if (arg === "revoke" || arg === "отозвать") {
    const n = revokeTvLinks(ctx.deps, head.team.id, now);
    return void (await ctx.reply(n > 0 ? m.tvRevoked : m.tvNone));
  }
  if (arg !== "") return void (await ctx.reply(m.tvUsage));
  const link = currentTvLink(ctx.deps, head.team.id, head.user.id, now);
  await ctx.reply(m.tvLink(tvUrl(url, link.token)), { link_preview_options: { is_disabled: true } });
});
