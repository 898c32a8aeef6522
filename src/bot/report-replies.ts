import type { ReportDefinition } from "../domain/report-definition.js";
import { echo } from "../presentation/html.js";
import { renderReportTable } from "../presentation/views/custom-report-view.js";
import { reportChart, subtitle } from "../presentation/views/report-charts.js";
import { runReport } from "../services/custom-report.js";
import type { Member } from "../services/deps.js";
import { teamPeriod } from "../services/team-settings.js";
import type { BotContext } from "./context.js";
import { replyWithChart } from "./reply-chart.js";

export const isHead = (m: Member) => m.membership.role === "head";

export async function badPeriod(ctx: BotContext, text: string, usage: string): Promise<void> {
  await ctx.reply(`⚠️ ${ctx.t.reports.badPeriod(echo(text))}\n${usage}`, { parse_mode: "HTML" });
}

/** Runs a definition and answers with its table and chart; managers get only their own row. */
export async function sendDefinition(
  ctx: BotContext,
  member: Member,
  title: string,
  def: ReportDefinition,
  periodText: string,
): Promise<void> {
  const period = teamPeriod(member.team, periodText, ctx.deps.now(), def.period);
  if (!period) return badPeriod(ctx, periodText, ctx.t.reports.usage);
  const own = isHead(member) ? undefined : [member.user.id];
  const table = runReport(ctx.deps, member.team, def, period, own);
  await ctx.reply(renderReportTable(title, table, ctx.locale), { parse_mode: "HTML" });
  const plans = ctx.deps.repos.plans.list(member.team.id);
  await replyWithChart(
    ctx,
    () => reportChart(title, member.team.name, table, ctx.locale, plans),
    `${title} · ${subtitle(member.team.name, period, ctx.locale)}`,
  );
}
