import { Composer } from "grammy";
import { BUSINESS_METRIC_KEYS, type BusinessMetricKey } from "../../domain/business-metrics.js";
import { metricsOn } from "../../domain/metrics.js";
import { parsePeriod } from "../../domain/period-parsing.js";
import { readTeamSettings } from "../../domain/team-settings.js";
import { periodLabel } from "../../presentation/format/period-label.js";
import { echo, escapeHtml } from "../../presentation/html.js";
import { metricLabel, parseMetricOn } from "../../presentation/i18n/metric-words.js";
import { missingInputsNote } from "../../presentation/views/inputs-view.js";
import { renderMorningSummary } from "../../presentation/views/morning-summary-view.js";
import { rankingHtml } from "../../presentation/views/ranking-view.js";
import { inputPeople, snapshotMissing } from "../../services/business.js";
import { leaderboard } from "../../services/leaderboard.js";
import { buildMorningSummary } from "../../services/morning-summary.js";
import { teamPeriod } from "../../services/team-settings.js";
import type { BotContext } from "../context.js";
import { requireHead, requireMember } from "../middlewares/guards.js";
import { replyWithChart } from "../reply-chart.js";

export const leaderboardsFeature = new Composer<BotContext>();

/** `/top [metric] [period]`: the team ranked by any metric shown in /top; ties share a place. */
leaderboardsFeature.command("top", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const p = ctx.t.posts;
  const [first = "", ...rest] = ctx.match.trim().split(/\s+/);
  let metric = first ? parseMetricOn("top")(first) : null;
  let periodText = rest.join(" ");
  if (first && !metric) {
    if (!parsePeriod(ctx.match.trim())) {
      const list = metricsOn("top")
        .map((k) => `${k} (${metricLabel(k, "ru")})`)
        .join(", ");
      return void (await ctx.reply(`⚠️ ${p.unknownMetric(echo(first))}\n${list}\n${p.topUsage}`, { parse_mode: "HTML" }));
    }
    periodText = ctx.match.trim();
  }
  metric ??= readTeamSettings(member.team.settings).mainMetric;
  const period = teamPeriod(member.team, periodText, ctx.deps.now());
  if (!period) return void (await ctx.reply(`⚠️ ${ctx.t.reports.badPeriod(echo(periodText))}\n${p.topUsage}`, { parse_mode: "HTML" }));
  const ranked = leaderboard(ctx.deps, member.team, metric, period);
  // A business metric without its inputs ranks nobody: say which input to enter.
  const business = (BUSINESS_METRIC_KEYS as readonly string[]).includes(metric) ? [metric as BusinessMetricKey] : null;
  const note = business
    ? missingInputsNote(
        snapshotMissing(ctx.deps, { team: member.team, period, people: ranked.map((r) => r.item) }, business),
        inputPeople(ctx.deps, member.team),
        ctx.locale,
      )
    : null;
  await ctx.reply(
    rankingHtml(
      p.topTitle(metricLabel(metric, ctx.locale), escapeHtml(periodLabel(period, ctx.locale))),
      ranked,
      metric,
      ctx.locale,
      p.nobody,
      note,
    ),
    { parse_mode: "HTML" },
  );
});

/** `/summary`: the morning summary, now, where it was asked. */
leaderboardsFeature.command("summary", async (ctx) => {
  const head = await requireHead(ctx, "summary");
  if (!head) return;
  const post = renderMorningSummary(buildMorningSummary(ctx.deps, head.team, ctx.deps.now()), ctx.locale);
  await ctx.reply(post.html, { parse_mode: "HTML" });
  if (post.chart) await replyWithChart(ctx, post.chart, post.caption, "summary.png");
});
