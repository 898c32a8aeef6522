import { Composer } from "grammy";
import { mayShowMetric } from "../../domain/trust-policy.js";
import { periodLabel } from "../../presentation/format/period-label.js";
import { messages } from "../../presentation/i18n/index.js";
import { standingLine } from "../../presentation/views/plan-progress.js";
import { renderScorecard } from "../../presentation/views/scorecard-view.js";
import { streakOf } from "../../services/motivation.js";
import { planStandings, replyKpis } from "../../services/scorecard.js";
import { teamPeriod } from "../../services/team-settings.js";
import type { BotContext } from "../context.js";
import { kindForButton } from "../keyboards/logging.js";
import { requireMember } from "../middlewares/guards.js";
import { askPeriod } from "../report-replies.js";

export const meFeature = new Composer<BotContext>();

async function me(ctx: BotContext, arg: string): Promise<void> {
  const member = await requireMember(ctx);
  if (!member) return;
  const { team, user } = member;
  const now = ctx.deps.now();
  const asked = teamPeriod(team, arg, now, "today");
  if (!asked.ok && asked.refusal.kind === "unknown") return void (await ctx.reply(ctx.t.me.badPeriod));
  const period = await askPeriod(ctx, team, arg, ctx.t.me.badPeriod, "today", [user.id]);
  if (!period) return;
  const kpis = replyKpis(ctx.deps, team);
  const values = kpis(period, user.id);
  const plans = planStandings(ctx.deps, team, user.id, now, kpis)
    .filter((s) => mayShowMetric(s.plan.metric, ctx.audience, "self"))
    .map((s) => standingLine(s, ctx.locale));
  const card = renderScorecard(user.firstName, periodLabel(period, ctx.locale), values, plans, ctx.locale, ctx.audience);
  // The streak is today's, whatever period the card shows.
  await ctx.reply(`${card}\n${ctx.t.motivation.streak(streakOf(ctx.deps, team, user.id, now))}`);
}

meFeature.command("me", (ctx) => me(ctx, ctx.match));
meFeature
  .chatType("private")
  .on("message:text")
  .filter(
    (ctx) => kindForButton(ctx.message.text, Object.values(messages)) === "me",
    (ctx) => me(ctx, ""),
  );
