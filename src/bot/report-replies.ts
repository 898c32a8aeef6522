import type { ReportDefinition } from "../domain/report-definition.js";
import { echo } from "../presentation/html.js";
import { reportTableDoc } from "../presentation/views/custom-report-view.js";
import { reportChart, subtitle } from "../presentation/views/report-charts.js";
import { runReport } from "../services/custom-report.js";
import type { Member } from "../services/deps.js";
import { teamPeriod } from "../services/team-settings.js";
import type { BotContext } from "./context.js";
import { replyWithChart } from "./reply-chart.js";
import { replyDoc } from "./reply-doc.js";
import { visibleMetrics } from "./trust.js";

export const isHead = (m: Member) => m.membership.role === "head";

/** Rows per message: two side-by-side tables of this many rows stay well under 4096 characters. */
const ROWS_PER_MESSAGE = 25;
/** Beyond this (ten years by month, four months by day) a chat table is no longer readable. */
const MAX_ROWS = 120;

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
  // A saved or built report runs only on the figures this chat may see.
  const visible = visibleMetrics(ctx, def.metrics);
  if (visible.keys.length === 0) return void (await ctx.reply(ctx.t.trust.headFigure));
  if (visible.note) await ctx.reply(visible.note);
  def = { ...def, metrics: visible.keys, sort: def.sort && visible.keys.includes(def.sort) ? def.sort : null };
  const own = isHead(member) ? undefined : [member.user.id];
  const table = runReport(ctx.deps, member.team, def, period, own);
  if (table.rows.length > MAX_ROWS) {
    await ctx.reply(`⚠️ ${ctx.t.reports.tooManyRows(table.rows.length, MAX_ROWS)}`, { parse_mode: "HTML" });
    return;
  }
  // Long tables are paged rather than cut: every row reaches the reader, each message within Telegram's limit.
  for (let start = 0; start === 0 || start < table.rows.length; start += ROWS_PER_MESSAGE) {
    const page = { ...table, rows: table.rows.slice(start, start + ROWS_PER_MESSAGE) };
    await replyDoc(ctx, reportTableDoc(title, page, ctx.locale));
  }
  const plans = ctx.deps.repos.plans.list(member.team.id);
  await replyWithChart(
    ctx,
    () => reportChart(title, member.team.name, table, ctx.locale, plans),
    `${title} · ${subtitle(member.team.name, period, ctx.locale)}`,
  );
}
