import type { Team } from "../db/repositories/teams.js";
import { MAX_SERIES_POINTS, type PeriodRefusal } from "../domain/period-bounds.js";
import type { ReportDefinition } from "../domain/report-definition.js";
import type { Period } from "../domain/types.js";
import { reportTableDoc } from "../presentation/views/custom-report-view.js";
import { periodRefusalText } from "../presentation/views/period-refusal.js";
import { reportChart, subtitle } from "../presentation/views/report-charts.js";
import { reportLimit, runReport } from "../services/custom-report.js";
import type { Member } from "../services/deps.js";
import { entriesLimit } from "../services/request-bounds.js";
import { teamPeriod } from "../services/team-settings.js";
import type { BotContext } from "./context.js";
import { replyWithChart } from "./reply-chart.js";
import { replyDoc } from "./reply-doc.js";
import { visibleMetrics } from "./trust.js";

export const isHead = (m: Member) => m.membership.role === "head";

/** Rows per message: two side-by-side tables of this many rows stay well under 4096 characters. */
const ROWS_PER_MESSAGE = 25;

/** Says why the typed period is not taken, then the command's form. */
export async function refusePeriod(ctx: BotContext, refusal: PeriodRefusal, text: string, usage: string): Promise<void> {
  await ctx.reply(`⚠️ ${periodRefusalText(ctx.t, refusal, text)}\n${usage}`);
}

/**
 * The typed period in the team's zone, held to the shared bound (its length, then its
 * entries counted on the index; `userIds`: only theirs are read); null after answering
 * why not (with `usage`, the command's form). Nothing has been read either way.
 */
export async function askPeriod(
  ctx: BotContext,
  team: Team,
  text: string,
  usage: string,
  fallback?: string,
  userIds?: number[],
): Promise<Period | null> {
  const asked = teamPeriod(team, text, ctx.deps.now(), fallback);
  const refusal = asked.ok ? entriesLimit(ctx.deps, team, asked.period.from, asked.period.to, userIds) : asked.refusal;
  if (refusal) {
    await refusePeriod(ctx, refusal, text, usage);
    return null;
  }
  return asked.ok ? asked.period : null;
}

/**
 * Runs a definition and answers with its table and chart; managers get only their own row.
 * False when the period or its rows are over the bound (refused before anything is read).
 */
export async function sendDefinition(
  ctx: BotContext,
  member: Member,
  title: string,
  def: ReportDefinition,
  periodText: string,
  usage = ctx.t.reports.usage,
): Promise<boolean> {
  // A saved or built report runs only on the figures this chat may see.
  const visible = visibleMetrics(ctx, def.metrics);
  if (visible.keys.length === 0) {
    await ctx.reply(ctx.t.trust.headFigure);
    return false;
  }
  if (visible.note) await ctx.reply(visible.note);
  def = { ...def, metrics: visible.keys, sort: def.sort && visible.keys.includes(def.sort) ? def.sort : null };
  const own = isHead(member) ? undefined : [member.user.id];
  const period = await askPeriod(ctx, member.team, periodText, usage, def.period, own);
  if (!period) return false;
  const limit = reportLimit(member.team, def, period);
  if (limit) {
    await refusePeriod(ctx, limit, periodText, usage);
    return false;
  }
  const table = runReport(ctx.deps, member.team, def, period, own);
  // A team of more people than a table holds (time series are bounded before they run).
  if (table.rows.length > MAX_SERIES_POINTS) {
    await ctx.reply(`⚠️ ${ctx.t.reports.tooManyRows(table.rows.length, MAX_SERIES_POINTS)}`);
    return false;
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
  return true;
}
