import { Composer } from "grammy";
import { splitArgs } from "../../domain/command-args.js";
import { computeFunnel } from "../../domain/funnel.js";
import { metricsOn } from "../../domain/metrics.js";
import { type BuiltinReport, builtinDefinition, parseBuiltinReport, type ReportDefinition } from "../../domain/report-definition.js";
import { barChart } from "../../presentation/charts/index.js";
import { echo, escapeHtml } from "../../presentation/html.js";
import { metricLabel, metricsHint, parseMetricOn } from "../../presentation/i18n/metric-words.js";
import { comparisonDoc } from "../../presentation/views/compare-view.js";
import { renderFunnel } from "../../presentation/views/funnel-view.js";
import { missingInputsNote } from "../../presentation/views/inputs-view.js";
import { funnelChartFor, subtitle, targetFor } from "../../presentation/views/report-charts.js";
import { teamReportDoc } from "../../presentation/views/report-view.js";
import { inputPeople, snapshotMissing } from "../../services/business.js";
import { savedReport, savedReports } from "../../services/custom-report.js";
import type { Member } from "../../services/deps.js";
import { leadTimelines } from "../../services/entry-history.js";
import { teamMembers } from "../../services/members.js";
import { teamPlans } from "../../services/plans.js";
import { buildTeamReport, teamAverage } from "../../services/team-report.js";
import { teamSnapshot } from "../../services/team-snapshot.js";
import type { BotContext } from "../context.js";
import { REPORT_BUILDER_CONVERSATION } from "../conversations/report-builder.js";
import { requireHead, requireMember } from "../middlewares/guards.js";
import { replyWithChart } from "../reply-chart.js";
import { replyDoc } from "../reply-doc.js";
import { askPeriod, isHead, sendDefinition } from "../report-replies.js";
import { allowMetric, teamTableFooter } from "../trust.js";

export const reportsFeature = new Composer<BotContext>();

async function teamReport(ctx: BotContext, member: Member, periodText: string): Promise<void> {
  const period = await askPeriod(ctx, member.team, periodText, ctx.t.reports.usage);
  if (!period) return;
  if (!isHead(member)) {
    await ctx.reply(ctx.t.reports.managerOnlyOwn);
    const def: ReportDefinition = {
      // The same numbers as their /me card.
      metrics: metricsOn("me"),
      grouping: "manager",
      period: "month",
      sort: null,
    };
    await sendDefinition(ctx, member, ctx.t.reports.names.team, def, periodText);
    return;
  }
  const report = buildTeamReport(ctx.deps, member.team, period, ctx.deps.now());
  const footer = teamTableFooter(ctx, "report", () =>
    missingInputsNote(snapshotMissing(ctx.deps, report.snapshot), inputPeople(ctx.deps, member.team), ctx.locale),
  );
  await replyDoc(ctx, teamReportDoc(report, ctx.locale, ctx.audience, footer));
  const snap = report.snapshot;
  if (snap.people.length === 0) return;
  const plans = teamPlans(ctx.deps, member.team.id);
  const title = `${ctx.t.reports.names.team}: ${metricLabel("deals", ctx.locale)}`;
  await replyWithChart(
    ctx,
    () =>
      barChart({
        title,
        subtitle: subtitle(member.team.name, period, ctx.locale),
        locale: ctx.locale,
        labels: snap.people.map((p) => p.user.firstName),
        series: [{ label: metricLabel("deals", ctx.locale), values: snap.people.map((p) => snap.byUser.get(p.user.id)!.deals) }],
        target: targetFor(plans, "deals", period, ctx.locale),
      }),
    `${ctx.t.reports.names.team} · ${subtitle(member.team.name, period, ctx.locale)}`,
  );
}

async function funnel(ctx: BotContext, member: Member, periodText: string, title: string): Promise<void> {
  const period = await askPeriod(ctx, member.team, periodText, ctx.t.reports.funnelUsage);
  if (!period) return;
  const own = isHead(member) ? undefined : [member.user.id];
  if (own) await ctx.reply(ctx.t.reports.managerOnlyOwn);
  const timelines = leadTimelines(ctx.deps, member.team.id, period.from, Number.MAX_SAFE_INTEGER, own);
  const f = computeFunnel(timelines, period);
  await ctx.reply(renderFunnel(title, f, period, ctx.locale));
  if (f.cohort > 0)
    await replyWithChart(
      ctx,
      () => funnelChartFor(title, member.team.name, period, f, ctx.locale),
      `${title} · ${subtitle(member.team.name, period, ctx.locale)}`,
    );
}

reportsFeature.command("report", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const [first = "", ...rest] = ctx.match.trim().split(/\s+/);
  const restText = rest.join(" ");
  const lower = first.toLowerCase();
  if (lower === "new" || lower === "новый") {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(REPORT_BUILDER_CONVERSATION);
    return;
  }
  const builtin: BuiltinReport | null = first ? parseBuiltinReport(first) : null;
  if (builtin === "conversion") return funnel(ctx, member, restText, ctx.t.reports.names.conversion);
  if (builtin) return void (await sendDefinition(ctx, member, ctx.t.reports.names[builtin], builtinDefinition(builtin, "month"), restText));
  const saved = first ? savedReport(ctx.deps, member.team.id, first) : null;
  if (saved) return void (await sendDefinition(ctx, member, saved.name, saved.definition, restText));
  return teamReport(ctx, member, ctx.match);
});

reportsFeature.command("reports", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const saved = savedReports(ctx.deps, member.team.id);
  if (saved.length === 0) return void (await ctx.reply(ctx.t.reports.noneSaved));
  const lines = saved
    .map((r) => `• <code>${escapeHtml(r.name)}</code> — ${r.definition.metrics.map((m) => metricLabel(m, ctx.locale)).join(", ")}`)
    .join("\n");
  await ctx.reply(ctx.t.reports.savedList(lines));
});

reportsFeature.command("funnel", async (ctx) => {
  const member = await requireMember(ctx);
  if (member) await funnel(ctx, member, ctx.match, ctx.t.reports.funnelTitle);
});

reportsFeature.command("compare", async (ctx) => {
  // Colleagues side by side, with the team average: a head's view.
  const member = await requireHead(ctx, "compare");
  if (!member) return;
  const args = splitArgs(ctx.match, parseMetricOn("compare"));
  const usage = ctx.t.reports.compareUsage;
  if (args.by && !args.by.metric) {
    return void (await ctx.reply(`⚠️ ${ctx.t.plans.unknownMetric(echo(args.by.raw))}\n${usage}\n${metricsHint("compare", ctx.locale)}`));
  }
  const periodText = args.words.join(" ");
  const period = await askPeriod(ctx, member.team, periodText, usage);
  if (!period) return;
  const members = teamMembers(ctx.deps, member.team.id);
  let ids: number[] | undefined;
  if (args.usernames.length > 0) {
    const found = args.usernames.map((u) => members.find((m) => m.user.username?.toLowerCase() === u.toLowerCase()));
    const missing = args.usernames.filter((_, i) => !found[i]);
    if (missing.length > 0)
      return void (await ctx.reply(`⚠️ ${ctx.t.reports.unknownPeople(echo(missing.map((u) => `@${u}`).join(", "), 200))}\n${usage}`));
    ids = found.map((m) => m!.user.id);
  }
  const snap = teamSnapshot(ctx.deps, member.team, period, ids);
  const whole = ids ? teamSnapshot(ctx.deps, member.team, period) : snap;
  const avg = teamAverage(whole);
  const sortBy = args.by?.metric ?? null;
  // Sorting by a figure ranks people by it: the same figure, in other words.
  if (sortBy && !(await allowMetric(ctx, sortBy))) return;
  const footer = teamTableFooter(ctx, "compare", () =>
    missingInputsNote(snapshotMissing(ctx.deps, snap, undefined, ids), inputPeople(ctx.deps, member.team), ctx.locale),
  );
  await replyDoc(ctx, comparisonDoc(ctx.t.reports.compareTitle, snap, avg, sortBy, ctx.locale, ctx.audience, footer));
});
