import { Composer } from "grammy";
import type { MetricKey } from "../../domain/metrics.js";
import { metricsFor, TEAM_GROUP } from "../../domain/trust-policy.js";
import { echo, escapeHtml } from "../../presentation/html.js";
import { metricLabel, parseMetricOn } from "../../presentation/i18n/metric-words.js";
import { contestErrorText, finalStandingsDoc, liveStandingsDoc, renderContestList } from "../../presentation/views/contest-view.js";
import { contestStandingsNow, createContest, findContest, teamContests } from "../../services/contests.js";
import type { BotContext } from "../context.js";
import { CONTEST_BUILDER_CONVERSATION } from "../conversations/contest-builder.js";
import { requireHead, requireMember } from "../middlewares/guards.js";
import { replyDoc } from "../reply-doc.js";

export const contestsFeature = new Composer<BotContext>();

const QUOTES: Record<string, string> = { '"': '"', "«": "»", "“": "”", "„": "“", "'": "'" };

/** The one-line form's parts: a name (one word, or several in quotes), metric, start, end, and the prize (the rest). */
export function splitContestLine(text: string): { name: string; rest: string[] } | null {
  const s = text.trim();
  const close = QUOTES[s[0] ?? ""];
  if (close) {
    const end = s.indexOf(close, 1);
    if (end < 0) return null;
    return {
      name: s.slice(1, end),
      rest: s
        .slice(end + 1)
        .trim()
        .split(/\s+/)
        .filter(Boolean),
    };
  }
  const [name = "", ...rest] = s.split(/\s+/);
  return { name, rest };
}

function metricList(ctx: BotContext): string {
  return metricsFor("top", TEAM_GROUP)
    .map((k) => `${k} (${escapeHtml(metricLabel(k, ctx.locale))})`)
    .join(", ");
}

/** `/contest new <name> <metric> <start> <end> [prize]`: an individual contest in one message. */
async function createInOneLine(ctx: BotContext, args: string): Promise<void> {
  const head = await requireHead(ctx, "contest new");
  if (!head) return;
  // Nothing after "new": the guided form asks for each part (squads too).
  if (!args) return void (await ctx.conversation.enter(CONTEST_BUILDER_CONVERSATION));
  const c = ctx.t.contests;
  const parts = splitContestLine(args);
  const [metricWord, start, end, ...prize] = parts?.rest ?? [];
  if (!parts || !metricWord || !start || !end) return void (await ctx.reply(`⚠️ ${c.usage}`));
  const metric: MetricKey | null = parseMetricOn("top")(metricWord);
  if (!metric) return void (await ctx.reply(`⚠️ ${c.unknownMetric(echo(metricWord), metricList(ctx))}\n${c.usage}`));
  const result = createContest(ctx.deps, head, {
    name: parts.name,
    metric,
    startDate: start,
    endDate: end,
    kind: "individual",
    prize: prize.join(" "),
    squads: [],
  });
  if (!result.ok) return void (await ctx.reply(contestErrorText(result.error, ctx.locale)));
  await ctx.reply(c.created(escapeHtml(result.contest.name)));
}

/** `/contest new …` (heads), `/contest <name>` (everyone in the team): one contest's standings, live or final. */
contestsFeature.command("contest", async (ctx) => {
  const text = ctx.match.trim();
  const [first = "", ...more] = text.split(/\s+/);
  if (/^(new|новый)$/i.test(first)) return createInOneLine(ctx, more.join(" ").trim());
  const member = await requireMember(ctx);
  if (!member) return;
  if (!text) return void (await ctx.reply(ctx.t.contests.usage));
  const contest = findContest(ctx.deps, member.team, text.replace(/^["«“„']|["»”“']$/g, ""));
  if (!contest) return void (await ctx.reply(ctx.t.contests.notFound(echo(text))));
  const standings = contestStandingsNow(ctx.deps, member.team, contest);
  const now = ctx.deps.now();
  const over = contest.status === "finished" || now >= contest.endAt;
  await replyDoc(ctx, over ? finalStandingsDoc(standings, ctx.locale) : liveStandingsDoc(standings, now, ctx.locale));
});

/** `/contests`: the team's running, upcoming and finished contests with their leaders and winners. */
contestsFeature.command("contests", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const items = teamContests(ctx.deps, member.team.id).map((contest) => ({
    contest,
    standings: contestStandingsNow(ctx.deps, member.team, contest),
  }));
  await ctx.reply(renderContestList(member.team.name, items, ctx.deps.now(), ctx.locale));
});
