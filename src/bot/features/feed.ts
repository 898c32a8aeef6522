import { Composer, InlineKeyboard } from "grammy";
import { localDate } from "../../domain/time.js";
import type { Period } from "../../domain/types.js";
import { periodLabel } from "../../presentation/format/period-label.js";
import { clip, echo, escapeHtml } from "../../presentation/html.js";
import { feedPages } from "../../presentation/views/control-view.js";
import type { Member } from "../../services/deps.js";
import { buildFeed } from "../../services/feed.js";
import { memberByUsername, membershipOf, userById } from "../../services/members.js";
import { teamPeriod } from "../../services/team-settings.js";
import type { BotContext } from "../context.js";
import { requireMember } from "../middlewares/guards.js";

/**
 * `/feed [@user] [period]`: every action on entries in order (managers: their own;
 * heads: anyone's or the team's), paged with ◀ ▶ that edit the message in place.
 */
export const feedFeature = new Composer<BotContext>();

const MINUTE = 60_000;
/** A feed lists every action: a quarter is the most one read makes sense for (and stays quick). */
const MAX_SPAN = 93 * 86_400_000;

interface FeedView {
  /** 0: the whole team. */
  userId: number;
  period: Period;
  /** 0-based; -1: the last page. */
  page: number;
}

function render(ctx: BotContext, member: Member, view: FeedView): { text: string; keyboard: InlineKeyboard } {
  const team = member.team;
  const feed = buildFeed(ctx.deps, team.id, view.period, view.userId || null);
  const f = ctx.t.control.feed;
  const who = view.userId ? (feed.names.get(view.userId) ?? userById(ctx.deps, view.userId)?.firstName ?? "") : f.team;
  const title = f.title(escapeHtml(clip(who, 60)), periodLabel(view.period, ctx.locale));
  const pages = feedPages(feed, title, team.timezone, view.userId === 0, ctx.locale);
  const index = view.page < 0 || view.page >= pages.length ? pages.length - 1 : view.page;
  const page = pages[index]!;
  const kb = new InlineKeyboard();
  // Callback data: fd:<user>:<from min>:<to min>:<period kind>:<page> (≤ 64 bytes).
  const data = (p: number) => `fd:${view.userId}:${view.period.from / MINUTE}:${view.period.to / MINUTE}:${view.period.kind}:${p}`;
  if (index > 0) kb.text(f.earlier, data(index - 1));
  if (index < pages.length - 1) kb.text(f.later, data(index + 1));
  // ✏️ for the page's live entries, newest first (permission is checked on tap).
  const ids = [...page.entryIds].reverse().slice(0, 8);
  ids.forEach((id, i) => {
    if (i % 4 === 0) kb.row();
    kb.text(`✏️ #${id}`, `ed:p:${id}`);
  });
  return { text: page.text, keyboard: kb };
}

feedFeature.command("feed", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const f = ctx.t.control.feed;
  const words = (typeof ctx.match === "string" ? ctx.match : "").trim().split(/\s+/).filter(Boolean);
  const usernames = words.filter((w) => w.startsWith("@"));
  const rest = words.filter((w) => !w.startsWith("@")).join(" ");
  if (usernames.length > 1) return void (await ctx.reply(f.usage));
  const isHead = member.membership.role === "head";
  let userId = isHead ? 0 : member.user.id;
  if (usernames[0]) {
    const named = memberByUsername(ctx.deps, member.team.id, usernames[0]);
    if (!named) return void (await ctx.reply(f.unknownUser(echo(usernames[0]))));
    if (!isHead && named.user.id !== member.user.id) return void (await ctx.reply(f.ownOnly));
    userId = named.user.id;
  }
  const asked = teamPeriod(member.team, rest, ctx.deps.now(), "today");
  if (!asked.ok || asked.period.to - asked.period.from > MAX_SPAN) return void (await ctx.reply(f.usage));
  const period = asked.period;
  const view = render(ctx, member, { userId, period, page: -1 });
  await ctx.reply(view.text, { reply_markup: view.keyboard });
});

feedFeature.callbackQuery(/^fd:(\d{1,15}):(\d{1,10}):(\d{1,10}):([a-z]{1,12}):(\d{1,4})$/, async (ctx) => {
  await ctx.answerCallbackQuery().catch(() => undefined);
  const member = await requireMember(ctx);
  if (!member) return;
  const f = ctx.t.control.feed;
  const [, user, fromMin, toMin, kind, page] = ctx.match;
  const userId = Number(user);
  const from = Number(fromMin) * MINUTE;
  const to = Number(toMin) * MINUTE;
  // Re-checked on every tap: a manager pages only their own feed, anyone only their team's people.
  if (member.membership.role !== "head" && userId !== member.user.id) return void (await ctx.reply(f.ownOnly));
  if (userId !== 0 && !membershipOf(ctx.deps, member.team.id, userId)) return void (await ctx.reply(f.stale));
  if (!(from < to) || to - from > MAX_SPAN) return void (await ctx.reply(f.stale));
  const tz = member.team.timezone;
  const period: Period = { from, to, startDate: localDate(from, tz), endDate: localDate(to - 1, tz), kind: kind! };
  const view = render(ctx, member, { userId, period, page: Number(page) });
  await ctx.editMessageText(view.text, { reply_markup: view.keyboard }).catch(() => ctx.reply(view.text, { reply_markup: view.keyboard }));
});
