import { Composer } from "grammy";
import { isBusinessMetric } from "../../domain/business-metrics.js";
import { improvedPeriodFits } from "../../domain/fair-ranking.js";
import { parsePeriod } from "../../domain/period-parsing.js";
import { readTeamSettings } from "../../domain/team-settings.js";
import { parseTopArgs } from "../../domain/top-args.js";
import { mayShowField, metricsFor } from "../../domain/trust-policy.js";
import { periodLabel } from "../../presentation/format/period-label.js";
import { echo, escapeHtml } from "../../presentation/html.js";
import { metricLabel, parseMetricOn } from "../../presentation/i18n/metric-words.js";
import { type AnyBoard, fairRankingDoc } from "../../presentation/views/fair-ranking-view.js";
import { missingInputsNote } from "../../presentation/views/inputs-view.js";
import { renderMorningSummary } from "../../presentation/views/morning-summary-view.js";
import { rankingDoc } from "../../presentation/views/ranking-view.js";
import { inputPeople, snapshotMissing } from "../../services/business.js";
import { fairLeaderboard, improvedLeaderboard, improvedReadsFrom } from "../../services/fair-leaderboard.js";
import { detectSinceLastWorkday, openFlagCount } from "../../services/gaming-flags.js";
import { leaderboard, leaderboardWithRookies } from "../../services/leaderboard.js";
import { buildMorningSummary } from "../../services/morning-summary.js";
import { entriesLimit } from "../../services/request-bounds.js";
import type { BotContext } from "../context.js";
import { requireHead, requireMember } from "../middlewares/guards.js";
import { replyWithChart } from "../reply-chart.js";
import { replyDoc } from "../reply-doc.js";
import { askPeriod, refusePeriod } from "../report-replies.js";
import { allowMetric } from "../trust.js";

export const leaderboardsFeature = new Composer<BotContext>();

/**
 * `/top [fair|improved] [metric] [period] [rookies]`: the team ranked by any metric shown
 * in /top (ties share a place); `fair` by % of one's own plan, `improved` against one's
 * own last four periods; `rookies` ranks newcomers apart.
 */
leaderboardsFeature.command("top", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const p = ctx.t.posts;
  const args = parseTopArgs(ctx.match);
  const [first = "", ...rest] = args.rest.split(/\s+/);
  let metric = first ? parseMetricOn("top")(first) : null;
  let periodText = rest.join(" ");
  if (first && !metric) {
    if (!parsePeriod(args.rest)) {
      const list = metricsFor("top", ctx.audience)
        .map((k) => `${k} (${metricLabel(k, "ru")})`)
        .join(", ");
      return void (await ctx.reply(`⚠️ ${p.unknownMetric(echo(first))}\n${list}\n${p.topUsage}`));
    }
    periodText = args.rest;
  }
  metric ??= readTeamSettings(member.team.settings).mainMetric;
  if (!(await allowMetric(ctx, metric))) return;
  const now = ctx.deps.now();
  const period = await askPeriod(ctx, member.team, periodText, p.topUsage);
  if (!period) return;
  // Its four earlier periods must be real dates: refuse a period too long or too early for them.
  if (args.mode === "improved" && !improvedPeriodFits(period))
    return void (await ctx.reply(`⚠️ ${ctx.t.league.improvedBadPeriod(echo(periodText))}\n${p.topUsage}`));
  // It also reads the four periods before: their entries count too.
  const history =
    args.mode === "improved" ? entriesLimit(ctx.deps, member.team, improvedReadsFrom(member.team, period, now), period.to) : null;
  if (history) return refusePeriod(ctx, history, periodText, p.topUsage);
  const label = metricLabel(metric, ctx.locale);
  const when = escapeHtml(periodLabel(period, ctx.locale));
  if (args.mode === "plain" && !args.rookies) {
    const ranked = leaderboard(ctx.deps, member.team, metric, period);
    // A business metric without its inputs ranks nobody: say which input to enter.
    const business = isBusinessMetric(metric) ? [metric] : null;
    const note = business
      ? missingInputsNote(
          snapshotMissing(ctx.deps, { team: member.team, period, people: ranked.map((r) => r.item) }, business),
          inputPeople(ctx.deps, member.team),
          ctx.locale,
        )
      : null;
    return void (await replyDoc(ctx, rankingDoc(p.topTitle(label, when), ranked, metric, ctx.locale, p.nobody, note)));
  }
  let main: AnyBoard;
  let rookies: AnyBoard | null;
  let title: string;
  if (args.mode === "fair") {
    const b = fairLeaderboard(ctx.deps, member.team, metric, period, now, args.rookies);
    [main, rookies, title] = [
      { mode: "fair", board: b.main },
      b.rookies && { mode: "fair", board: b.rookies },
      ctx.t.league.fairTitle(label, when),
    ];
  } else if (args.mode === "improved") {
    const b = improvedLeaderboard(ctx.deps, member.team, metric, period, now, args.rookies);
    [main, rookies, title] = [
      { mode: "improved", board: b.main },
      b.rookies && { mode: "improved", board: b.rookies },
      ctx.t.league.improvedTitle(label, when),
    ];
  } else {
    const b = leaderboardWithRookies(ctx.deps, member.team, metric, period, now);
    [main, rookies, title] = [{ mode: "plain", ranked: b.main }, { mode: "plain", ranked: b.rookies }, p.topTitle(label, when)];
  }
  await replyDoc(ctx, fairRankingDoc(title, main, rookies, metric, ctx.locale));
});

/** `/summary`: the morning summary, now, where it was asked. */
leaderboardsFeature.command("summary", async (ctx) => {
  const head = await requireHead(ctx, "summary");
  if (!head) return;
  const now = ctx.deps.now();
  // The flags line only where the head alone reads it: the private chat.
  let openFlags = 0;
  if (mayShowField("flags", ctx.audience)) {
    detectSinceLastWorkday(ctx.deps, head.team, now);
    openFlags = openFlagCount(ctx.deps, head.team);
  }
  const post = renderMorningSummary(buildMorningSummary(ctx.deps, head.team, now), ctx.locale, ctx.audience, { openFlags });
  await (post.doc ? replyDoc(ctx, post.doc) : ctx.reply(post.html));
  if (post.chart) await replyWithChart(ctx, post.chart, post.caption, "summary.png");
});
