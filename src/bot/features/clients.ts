import { Composer, InlineKeyboard } from "grammy";
import { echo } from "../../presentation/html.js";
import { renderClientPages } from "../../presentation/views/clients-view.js";
import { customersByManager } from "../../services/business.js";
import type { Member } from "../../services/deps.js";
import { memberByUsername, membershipOf, teamMembers } from "../../services/members.js";
import type { BotContext } from "../context.js";
import { requireMember } from "../middlewares/guards.js";

/** `/clients [@user]`: active customers, repeat buyers and those slipping away, per manager. */
export const clientsFeature = new Composer<BotContext>();

type Scope = { userId: number | null } | { refusal: string };

/** Whose customers: a head sees the team or anyone named; a manager only their own. */
function scopeFor(ctx: BotContext, member: Member, who: string): Scope {
  const isHead = member.membership.role === "head";
  if (!who) return { userId: isHead ? null : member.user.id };
  const m = memberByUsername(ctx.deps, member.team.id, who);
  if (!m) return { refusal: ctx.t.clients.unknownUser(echo(who.replace(/^@/, ""))) };
  if (!isHead && m.user.id !== member.user.id) return { refusal: ctx.t.clients.headOnlyOthers };
  return { userId: m.user.id };
}

function pagesFor(ctx: BotContext, member: Member, userId: number | null): string[] {
  const people = teamMembers(ctx.deps, member.team.id)
    .filter((m) => (userId === null ? m.membership.role === "manager" : m.user.id === userId))
    .map((m) => ({ id: m.user.id, name: m.user.firstName }));
  const title = userId === null ? member.team.name : (people[0]?.name ?? "");
  return renderClientPages(customersByManager(ctx.deps, member.team, people), title, member.team.timezone, ctx.locale);
}

function pager(userId: number | null, page: number, pages: number): InlineKeyboard | undefined {
  if (pages <= 1) return undefined;
  const kb = new InlineKeyboard();
  const who = userId ?? 0;
  if (page > 0) kb.text("◀", `cl:${who}:${page - 1}`);
  if (page < pages - 1) kb.text("▶", `cl:${who}:${page + 1}`);
  return kb;
}

clientsFeature.command("clients", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const scope = scopeFor(ctx, member, ctx.match.trim().split(/\s+/)[0] ?? "");
  if ("refusal" in scope) return void (await ctx.reply(`⚠️ ${scope.refusal}`));
  const pages = pagesFor(ctx, member, scope.userId);
  await ctx.reply(pages[0]!, { reply_markup: pager(scope.userId, 0, pages.length) });
});

// A page button re-checks who may see whom: a forwarded or stale button shows nothing more.
clientsFeature.callbackQuery(/^cl:(\d{1,15}):(\d{1,4})$/, async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return void (await ctx.answerCallbackQuery());
  const id = Number(ctx.match[1]);
  const userId = id === 0 ? null : id;
  const allowed =
    member.membership.role === "head"
      ? userId === null || membershipOf(ctx.deps, member.team.id, userId) !== undefined
      : userId === member.user.id;
  if (!allowed) return void (await ctx.answerCallbackQuery({ text: ctx.t.clients.headOnlyOthers, show_alert: true }));
  const pages = pagesFor(ctx, member, userId);
  const page = Math.min(Number(ctx.match[2]), pages.length - 1);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(pages[page]!, { reply_markup: pager(userId, page, pages.length) });
});
