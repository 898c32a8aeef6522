import { Composer, InlineKeyboard } from "grammy";
import type { Locale } from "../../config.js";
import { parsePlanCommand } from "../../domain/plan-command.js";
import { type Audience, mayShowMetric } from "../../domain/trust-policy.js";
import { echo, escapeHtml, fitHtml } from "../../presentation/html.js";
import type { Messages } from "../../presentation/i18n/index.js";
import { metricsHint, parseMetricOn } from "../../presentation/i18n/metric-words.js";
import { standingLine } from "../../presentation/views/plan-progress.js";
import { describePlan } from "../../presentation/views/plan-view.js";
import type { AppDeps } from "../../services/deps.js";
import { memberByUsername, teamManagers, teamMembers } from "../../services/members.js";
import { planById, removePlan, setPlan, teamPlans } from "../../services/plans.js";
import { planStandings, toPlan } from "../../services/scorecard.js";
import type { Team } from "../../services/teams.js";
import type { BotContext } from "../context.js";
import { PLAN_EDITOR_CONVERSATION } from "../conversations/plan-editor.js";
import { requireHead } from "../middlewares/guards.js";
import { allowMetric } from "../trust.js";

export const plansFeature = new Composer<BotContext>();

/** The list of plans with a button row per plan and "New plan". */
function planList(deps: AppDeps, team: Team, t: Messages, locale: Locale, audience: Audience): { text: string; keyboard: InlineKeyboard } {
  const plans = teamPlans(deps, team.id)
    .map((row) => ({ row, plan: toPlan(row) }))
    .filter(({ plan }) => mayShowMetric(plan.metric, audience))
    .map(({ row }) => row);
  const members = new Map(teamMembers(deps, team.id).map((m) => [m.user.id, m.user.username ? `@${m.user.username}` : m.user.firstName]));
  const keyboard = new InlineKeyboard();
  const lines = plans.map((p, i) => {
    keyboard
      .text(`${t.plans.edit} ${i + 1}`, `plan:edit:${p.id}`)
      .text(`${t.plans.remove} ${i + 1}`, `plan:rm:${p.id}`)
      .row();
    return `${i + 1}. ${escapeHtml(describePlan(p, locale, members.get(p.userId ?? -1)))}`;
  });
  keyboard.text(t.plans.add, "plan:new");
  const text = `${t.plans.list}\n${lines.length > 0 ? lines.join("\n") : t.plans.none}`;
  return { text: fitHtml(text), keyboard };
}

function planErrorText(t: Messages, error: keyof Messages["plans"]["badValue"] | "no_base" | "gone" | "changed"): string {
  if (error === "gone" || error === "changed") return t.plans[error];
  return error === "no_base" ? t.plans.noBase : t.plans.badValue[error];
}

plansFeature.command("plan", async (ctx) => {
  const head = await requireHead(ctx, "plan");
  if (!head) return;
  const t = ctx.t;
  const text = ctx.match.trim();
  if (!text) {
    const { text: list, keyboard } = planList(ctx.deps, head.team, t, ctx.locale, ctx.audience);
    await ctx.reply(list, { reply_markup: keyboard });
    return;
  }
  const usage = `${t.plans.usage}\n${metricsHint("plan", ctx.locale)}`;
  const cmd = parsePlanCommand(text, parseMetricOn("plan"));
  if ("error" in cmd) {
    const reason =
      cmd.error === "metric" ? t.plans.unknownMetric(echo(cmd.word)) : cmd.error === "period" ? t.plans.badPeriod(echo(cmd.word)) : "";
    await ctx.reply(`${reason ? `⚠️ ${reason}\n` : ""}${usage}`);
    return;
  }
  if (!(await allowMetric(ctx, cmd.metric))) return;
  let userId: number | null = null;
  let who: string | undefined;
  if (cmd.username) {
    const member = memberByUsername(ctx.deps, head.team.id, cmd.username);
    if (!member) {
      await ctx.reply(`⚠️ ${t.plans.unknownUser(echo(`@${cmd.username}`))}\n${t.plans.usage}`);
      return;
    }
    userId = member.user.id;
    who = `@${member.user.username}`;
  }
  const now = ctx.deps.now();
  const result = setPlan(
    ctx.deps,
    head.team,
    head.user.id,
    { metric: cmd.metric, period: cmd.period, scope: cmd.scope, userId, valueText: cmd.valueText },
    now,
  );
  if (!result.ok) {
    await ctx.reply(`⚠️ ${planErrorText(t, result.error)}\n${t.plans.usage}`);
    return;
  }
  const lines = [t.plans.saved(escapeHtml(describePlan(result.plan, ctx.locale, who)))];
  // Where everyone the plan binds stands right now.
  const bound =
    cmd.scope === "team" ? [null] : cmd.scope === "user" ? [userId] : teamManagers(ctx.deps, head.team.id).map((m) => m.user.id);
  const names = new Map(teamMembers(ctx.deps, head.team.id).map((m) => [m.user.id, m.user.firstName]));
  for (const id of bound.slice(0, 30)) {
    const standing = planStandings(ctx.deps, head.team, id, now).find((s) => s.plan.id === result.plan.id);
    if (standing)
      lines.push(`${cmd.scope === "each" ? `${escapeHtml(names.get(id!) ?? "")}: ` : ""}${escapeHtml(standingLine(standing, ctx.locale))}`);
  }
  await ctx.reply(lines.join("\n"));
});

plansFeature.callbackQuery(/^plan:(new|edit|rm):?(\d*)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const head = await requireHead(ctx, "plan");
  if (!head) return;
  const [, action, id] = ctx.match;
  if (action === "rm") {
    // Only a plan of this head's team that still exists is "removed"; anything else says so.
    const removed = id !== "" && removePlan(ctx.deps, head.team.id, Number(id));
    const note = removed ? ctx.t.plans.removed : ctx.t.plans.notFound;
    const { text, keyboard } = planList(ctx.deps, head.team, ctx.t, ctx.locale, ctx.audience);
    await ctx.editMessageText(`${note}\n\n${text}`, { reply_markup: keyboard }).catch(() => ctx.reply(note));
    return;
  }
  if (action === "edit" && (id === "" || !planById(ctx.deps, head.team.id, Number(id)))) {
    await ctx.reply(ctx.t.plans.notFound);
    return;
  }
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(PLAN_EDITOR_CONVERSATION, action === "edit" ? Number(id) : null);
});
