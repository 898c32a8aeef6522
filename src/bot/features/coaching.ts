import { Composer } from "grammy";
import { echo, escapeHtml } from "../../presentation/html.js";
import { renderCoachCard, renderCoachingOverview } from "../../presentation/views/coaching-view.js";
import { addCoachNote, coachCard, coachingOverview } from "../../services/coaching.js";
import { memberByUsername } from "../../services/members.js";
import type { BotContext } from "../context.js";
import { requireHead } from "../middlewares/guards.js";

export const coachingFeature = new Composer<BotContext>();

const NOTE_MAX = 1000;

/** `/coach`: who needs coaching on what; `/coach @user`: one manager's card. Heads only. */
coachingFeature.command("coach", async (ctx) => {
  const head = await requireHead(ctx, "coach");
  if (!head) return;
  const t = ctx.t.coaching.coach;
  const who = ctx.match.trim().split(/\s+/)[0] ?? "";
  const now = ctx.deps.now();
  if (!who) {
    await ctx.reply(renderCoachingOverview(coachingOverview(ctx.deps, head.team, now), ctx.locale));
    return;
  }
  const m = who.startsWith("@") ? memberByUsername(ctx.deps, head.team.id, who) : undefined;
  if (m?.membership.role !== "manager") {
    await ctx.reply(`${t.unknownUser(echo(who))}\n${t.usage}`);
    return;
  }
  const card = coachCard(ctx.deps, head.team, m.user.id, m.user.firstName, now);
  await ctx.reply(renderCoachCard(card, ctx.locale, head.team.timezone, ctx.audience));
});

/** `/note @user text`: a head's private note, shown on the manager's /coach card to heads only. */
coachingFeature.command("note", async (ctx) => {
  const head = await requireHead(ctx, "note");
  if (!head) return;
  const t = ctx.t.coaching;
  const match = /^(@\S+)\s+([\s\S]+)$/.exec(ctx.match.trim());
  if (!match) return void (await ctx.reply(t.note.usage));
  const m = memberByUsername(ctx.deps, head.team.id, match[1]!);
  if (m?.membership.role !== "manager") {
    await ctx.reply(`${t.coach.unknownUser(echo(match[1]!))}\n${t.note.usage}`);
    return;
  }
  const text = match[2]!.trim();
  if (Array.from(text).length > NOTE_MAX) return void (await ctx.reply(t.note.tooLong));
  addCoachNote(ctx.deps, head.team.id, m.user.id, head.user.id, text, ctx.deps.now());
  await ctx.reply(t.note.saved(escapeHtml(m.user.firstName)));
});
