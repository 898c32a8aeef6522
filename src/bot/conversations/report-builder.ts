import { type Context, InlineKeyboard } from "grammy";
import type { Locale } from "../../domain/locales.js";
import type { MetricKey } from "../../domain/metrics.js";
import type { PeriodRefusal } from "../../domain/period-bounds.js";
import { parsePeriod } from "../../domain/period-parsing.js";
import { REPORT_GROUPINGS, type ReportDefinition, type ReportGrouping, validReportName } from "../../domain/report-definition.js";
import { type Audience, metricsFor } from "../../domain/trust-policy.js";
import { escapeHtml } from "../../presentation/html.js";
import { type Messages, messages } from "../../presentation/i18n/index.js";
import { metricLabel } from "../../presentation/i18n/metric-words.js";
import { periodRefusalText } from "../../presentation/views/period-refusal.js";
import { reportLimit } from "../../services/custom-report.js";
import { teamPeriod } from "../../services/team-settings.js";
import { sendDefinition } from "../report-replies.js";
import { openScope, recheckScope } from "./flow-scope.js";
import { type FlowConversation, waitForAnswer } from "./wait-answer.js";

export const REPORT_BUILDER_CONVERSATION = "report-builder";

const PERIODS = ["week", "month", "lastmonth", "quarter"];

function metricsKeyboard(t: Messages, locale: Locale, chosen: Set<MetricKey>, audience: Audience): InlineKeyboard {
  const kb = new InlineKeyboard();
  metricsFor("builder", audience).forEach((m, i) => {
    kb.text(`${chosen.has(m) ? "✅ " : ""}${metricLabel(m, locale)}`, `rb:m:${m}`);
    if (i % 2 === 1) kb.row();
  });
  return kb.row().text(t.builder.done, "rb:done").text(t.buttons.cancel, "rb:cancel");
}

/**
 * `/report new`: metrics → grouping → period → sort → the result → a name to
 * save it under. Everything it stores or sends outside the flow runs in `external`.
 */
export async function reportBuilderConversation(conversation: FlowConversation, ctx: Context): Promise<void> {
  const userId = ctx.from!.id;
  const env = await conversation.external((o) => ({ locale: o.locale, audience: o.audience, scope: openScope(o, null) }));
  const t = messages[env.locale];
  const flowScope = env.scope;
  if (!flowScope) return;
  const b = t.builder;

  // Answers as the steps below read them: a button's value after `prefix`, or typed text.
  const tap = async (prefix: string): Promise<{ data: string; ctx: Context } | { text: string; ctx: Context }> => {
    for (;;) {
      const a = await waitForAnswer(conversation, {
        userId,
        prefix: "rb:",
        cancel: "cancel",
        cancelledText: b.cancelled,
        acceptText: true,
      });
      if (a.kind === "text") return { text: a.text, ctx: a.ctx };
      const full = `rb:${a.value}`;
      if (full.startsWith(prefix)) return { data: full.slice(prefix.length), ctx: a.ctx };
    }
  };

  const chosen = new Set<MetricKey>();
  const menu = await ctx.reply(b.pickMetrics, { reply_markup: metricsKeyboard(t, env.locale, chosen, env.audience) });
  for (;;) {
    const a = await tap("rb:");
    if ("text" in a) continue;
    if (a.data === "done") {
      if (chosen.size > 0) break;
      await a.ctx.reply(b.needMetric);
      continue;
    }
    const m = a.data.slice(2) as MetricKey;
    if (!metricsFor("builder", env.audience).includes(m)) continue;
    if (chosen.has(m)) chosen.delete(m);
    else if (chosen.size < 8) chosen.add(m);
    await ctx.api.editMessageReplyMarkup(menu.chat.id, menu.message_id, {
      reply_markup: metricsKeyboard(t, env.locale, chosen, env.audience),
    });
  }
  const metrics = metricsFor("builder", env.audience).filter((m) => chosen.has(m));

  const groupKb = new InlineKeyboard();
  for (const g of REPORT_GROUPINGS) groupKb.text(b.groupings[g], `rb:g:${g}`);
  groupKb.row().text(t.buttons.cancel, "rb:cancel");
  await ctx.reply(b.pickGrouping, { reply_markup: groupKb });
  let grouping: ReportGrouping;
  for (;;) {
    const a = await tap("rb:g:");
    if ("data" in a && (REPORT_GROUPINGS as readonly string[]).includes(a.data)) {
      grouping = a.data as ReportGrouping;
      break;
    }
  }

  const periodKb = new InlineKeyboard();
  for (const p of PERIODS) periodKb.text(b.periods[p as keyof typeof b.periods], `rb:p:${p}`);
  periodKb.row().text(t.buttons.cancel, "rb:cancel");
  await ctx.reply(b.pickPeriod, { reply_markup: periodKb });
  let period: string;
  for (;;) {
    const a = await tap("rb:p:");
    const value = "data" in a ? a.data : a.text.trim();
    // Held to the shared bound here, with the grouping picked: a report that could not run is not offered to save.
    const refusal = await conversation.external((o): PeriodRefusal | null => {
      const team = o.deps.repos.teams.byId(flowScope.teamId);
      // A team gone mid-flow is told when the report runs (recheckScope).
      if (!team) return parsePeriod(value) ? null : { kind: "unknown" };
      const asked = teamPeriod(team, value, o.deps.now());
      return asked.ok ? reportLimit(team, { metrics, grouping, period: value, sort: null }, asked.period) : asked.refusal;
    });
    if (refusal === null) {
      period = value;
      break;
    }
    // Echoed clipped: a 5,000-character answer must not make a reply Telegram refuses.
    await a.ctx.reply(`⚠️ ${periodRefusalText(t, refusal, value)}\n${b.pickPeriod}`, { reply_markup: periodKb });
  }

  const sortKb = new InlineKeyboard();
  metrics.forEach((m, i) => {
    sortKb.text(metricLabel(m, env.locale), `rb:s:${m}`);
    if (i % 2 === 1) sortKb.row();
  });
  sortKb.row().text(b.noSort, "rb:s:none").text(t.buttons.cancel, "rb:cancel");
  await ctx.reply(b.pickSort, { reply_markup: sortKb });
  let sort: MetricKey | null = null;
  for (;;) {
    const a = await tap("rb:s:");
    if (!("data" in a)) continue;
    if (a.data === "none") break;
    if (metrics.includes(a.data as MetricKey)) {
      sort = a.data as MetricKey;
      break;
    }
  }

  const def: ReportDefinition = { metrics, grouping, period, sort };
  const shown = await conversation.external(async (o) => {
    const still = recheckScope(o, flowScope);
    if (!still.ok) return still.text;
    // Refused (over the bound): a report that cannot run is not offered to save.
    return (await sendDefinition(o, still.member, b.untitled, def, "")) ? null : false;
  });
  if (shown === false) return;
  if (shown !== null) {
    await ctx.reply(shown);
    return;
  }

  const saveKb = new InlineKeyboard().text(t.buttons.skip, "rb:skip");
  await ctx.reply(b.askName, { reply_markup: saveKb });
  for (;;) {
    const a = await tap("rb:");
    if ("data" in a) {
      if (a.data === "skip") {
        await a.ctx.reply(b.notSaved);
        return;
      }
      continue;
    }
    const name = a.text.trim();
    if (!validReportName(name)) {
      await a.ctx.reply(`⚠️ ${b.badName}`, { reply_markup: saveKb });
      continue;
    }
    // Someone else's report keeps its name unless a head replaces it.
    const saved = await conversation.external((o) => {
      const still = recheckScope(o, flowScope);
      if (!still.ok) return still.text;
      const { team, user, membership } = still.member;
      const existing = o.deps.repos.savedReports.byName(team.id, name);
      if (existing && existing.createdBy !== user.id && membership.role !== "head") return false;
      o.deps.repos.savedReports.save(team.id, existing?.name ?? name, def, user.id);
      return true;
    });
    if (typeof saved === "string") {
      await a.ctx.reply(saved);
      return;
    }
    if (!saved) {
      await a.ctx.reply(`⚠️ ${b.nameTaken}`, { reply_markup: saveKb });
      continue;
    }
    await a.ctx.reply(b.saved(escapeHtml(name)));
    return;
  }
}
