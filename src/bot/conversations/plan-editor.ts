import { type Context, InlineKeyboard } from "grammy";
import type { MetricKey } from "../../domain/metrics.js";
import { PLAN_PERIODS, type PlanPeriod, type PlanScope } from "../../domain/plans.js";
import { metricsFor } from "../../domain/trust-policy.js";
import { escapeHtml } from "../../presentation/html.js";
import { messages } from "../../presentation/i18n/index.js";
import { metricLabel } from "../../presentation/i18n/metric-words.js";
import { describePlan } from "../../presentation/views/plan-view.js";
import { setPlan } from "../../services/plans.js";
import type { BotContext } from "../context.js";
import { openScope, recheckScope } from "./flow-scope.js";
import { type FlowConversation, waitForAnswer } from "./wait-answer.js";

export const PLAN_EDITOR_CONVERSATION = "plan-editor";

function isActiveMember(ctx: BotContext, teamId: number, userId: number): boolean {
  return ctx.deps.repos.memberships.get(teamId, userId)?.active === true;
}
/**
 * The guided /plan flow: metric → period → for whom → value, or only the value
 * when changing an existing plan. The plan is validated and stored in `external`.
 */
export async function planEditorConversation(conversation: FlowConversation, ctx: Context, planId: number | null): Promise<void> {
  const userId = ctx.from!.id;
  const env = await conversation.external((o) => {
    const scope = openScope(o, "head");
    // The metrics this chat may see: a head's figures are not planned in the group.
    const metrics = metricsFor("plan", o.audience);
    if (!scope) return { locale: o.locale, scope, existing: null, members: [], metrics };
    const existing = planId === null ? null : (o.deps.repos.plans.byId(scope.teamId, planId) ?? null);
    const members = o.deps.repos.memberships
      .listTeam(scope.teamId)
      .filter((m) => m.membership.role === "manager")
      .slice(0, 12)
      .map((m) => ({ id: m.user.id, name: m.user.username ? `@${m.user.username}` : m.user.firstName }));
    return { locale: o.locale, scope, existing, members, metrics };
  });
  const t = messages[env.locale];
  const flowScope = env.scope;
  if (!flowScope) return;
  const p = t.plans;

  const ask = (acceptText: boolean) =>
    waitForAnswer(conversation, { userId, prefix: "pe:", cancel: "cancel", cancelledText: p.cancelled, acceptText });
  // Only a value one of the offered buttons carries is taken: button data can be forged.
  const choose = async (prompt: string, kb: InlineKeyboard, prefix: string): Promise<string> => {
    const offered = new Set(
      kb.inline_keyboard
        .flat()
        .flatMap((b) => ("callback_data" in b && b.callback_data.startsWith(`pe:${prefix}`) ? [b.callback_data] : [])),
    );
    kb.row().text(t.buttons.cancel, "pe:cancel");
    await ctx.reply(prompt, { reply_markup: kb });
    for (;;) {
      const a = await ask(false);
      if (a.kind === "button" && offered.has(`pe:${a.value}`)) return a.value.slice(prefix.length);
      if (a.kind === "button") await a.ctx.reply(t.staleButton);
    }
  };

  let metric: MetricKey;
  let period: PlanPeriod;
  let scope: PlanScope;
  let target: number | null;
  if (env.existing) {
    metric = env.existing.metric as MetricKey;
    period = env.existing.period;
    scope = env.existing.scope;
    target = env.existing.userId;
  } else {
    const mk = new InlineKeyboard();
    env.metrics.forEach((m, i) => {
      mk.text(metricLabel(m, env.locale), `pe:m:${m}`);
      if (i % 2 === 1) mk.row();
    });
    metric = (await choose(p.askMetric, mk, "m:")) as MetricKey;
    const pk = new InlineKeyboard();
    for (const x of PLAN_PERIODS) pk.text(p.periods[x], `pe:p:${x}`);
    period = (await choose(p.askPeriod, pk, "p:")) as PlanPeriod;
    const sk = new InlineKeyboard().text(p.scopeEach, "pe:s:each").text(p.scopeTeam, "pe:s:team").row();
    env.members.forEach((m, i) => {
      sk.text(m.name, `pe:s:user:${m.id}`);
      if (i % 3 === 2) sk.row();
    });
    for (;;) {
      const s = await choose(p.askScope, sk, "s:");
      scope = s.startsWith("user:") ? "user" : s === "team" ? "team" : "each";
      target = s.startsWith("user:") ? Number(s.slice(5)) : null;
      // Button data can be forged: a personal plan binds only an active member of this team.
      const id = target;
      if (id === null || (await conversation.external((o) => isActiveMember(o, flowScope.teamId, id)))) break;
      await ctx.reply(p.notMember);
    }
  }

  await ctx.reply(p.askValue(metricLabel(metric, env.locale)), {
    reply_markup: new InlineKeyboard().text(t.buttons.cancel, "pe:cancel"),
  });
  for (;;) {
    const a = await ask(true);
    if (a.kind !== "text") continue;
    const next = a.ctx;
    const text = a.text;
    // Saved into the team the editor was opened for, by someone who still heads it.
    const result = await conversation.external((o) => {
      const still = recheckScope(o, flowScope);
      if (!still.ok) return { ok: false as const, stop: still.text };
      const who = env.members.find((m) => m.id === target)?.name;
      if (target !== null && !isActiveMember(o, flowScope.teamId, target)) {
        return { ok: false as const, stop: t.plans.unknownUser(escapeHtml(who ?? `#${target}`)) };
      }
      const editing = env.existing ? { id: env.existing.id, updatedAt: env.existing.updatedAt } : undefined;
      const r = setPlan(
        o.deps,
        still.member.team,
        still.member.user.id,
        { metric, period, scope, userId: target, valueText: text },
        o.deps.now(),
        editing,
      );
      if (!r.ok && (r.error === "gone" || r.error === "changed")) return { ok: false as const, stop: t.plans[r.error] };
      return r.ok ? { ok: true as const, line: describePlan(r.plan, env.locale, who) } : { ok: false as const, error: r.error };
    });
    if ("stop" in result && result.stop !== undefined) {
      await next.reply(result.stop);
      return;
    }
    if (result.ok) {
      await next.reply(p.saved(escapeHtml(result.line)));
      return;
    }
    if (result.error === undefined || result.error === "gone" || result.error === "changed") return;
    const reason = result.error === "no_base" ? p.noBase : p.badValue[result.error];
    await next.reply(`⚠️ ${reason}\n${p.askValue(metricLabel(metric, env.locale))}`);
  }
}
