import { Composer } from "grammy";
import { parseLeagueName } from "../../domain/league.js";
import { parsePeriod } from "../../domain/period-parsing.js";
import { readTeamSettings } from "../../domain/team-settings.js";
import { mayShowMetric, metricsFor, OTHER_TEAM } from "../../domain/trust-policy.js";
import { echo, escapeHtml } from "../../presentation/html.js";
import { messages } from "../../presentation/i18n/index.js";
import { metricLabel, parseMetricOn } from "../../presentation/i18n/metric-words.js";
import { leagueDoc } from "../../presentation/views/league-view.js";
import {
  createLeague,
  joinLeague,
  type LeagueMode,
  leagueOfTeam,
  leagueStandings,
  leaveLeague,
  shareLeagueNames,
} from "../../services/league.js";
import type { BotContext } from "../context.js";
import { requireHead, requireMember } from "../middlewares/guards.js";
import { replyDoc } from "../reply-doc.js";
import { askPeriod } from "../report-replies.js";

export const leagueFeature = new Composer<BotContext>();

const PLAN_WORDS = new Set(["plan", "план"]);
const ON = new Set(["on", "вкл", "да", "yes"]);
const OFF = new Set(["off", "выкл", "нет", "no"]);

/**
 * `/league [plan] [metric] [period]`: the league's teams ranked per manager (or by
 * % of their plan); heads: `/league create [name]`, `join <code>`, `leave`, `names on|off`.
 */
leagueFeature.command("league", async (ctx) => {
  const [sub = "", ...rest] = ctx.match.trim().split(/\s+/);
  const arg = rest.join(" ");
  const t = ctx.t.league;
  const now = ctx.deps.now();
  switch (sub.toLowerCase()) {
    case "create": {
      const head = await requireHead(ctx, "league");
      if (!head) return;
      const name = arg ? parseLeagueName(arg) : head.team.name;
      if (!name) return void (await ctx.reply(t.badName));
      const created = createLeague(ctx.deps, head.team.id, name, now);
      if (!created.ok) return void (await ctx.reply(t.alreadyIn(escapeHtml(created.league.name))));
      return void (await ctx.reply(t.created(escapeHtml(created.league.name), created.league.code)));
    }
    case "join": {
      const head = await requireHead(ctx, "league");
      if (!head) return;
      if (!arg) return void (await ctx.reply(t.noCode));
      const joined = joinLeague(ctx.deps, head.team.id, arg, now);
      if (joined.status === "bad_code") return void (await ctx.reply(t.badCode(echo(arg))));
      if (joined.status === "already") return void (await ctx.reply(t.alreadyIn(escapeHtml(joined.league.name))));
      const { league, members } = joined;
      await ctx.reply(t.joined(escapeHtml(league.name), members.length));
      // The other teams hear of it in their groups, each in its own language.
      for (const m of members) {
        if (m.team.id === head.team.id || m.team.chatUnreachableAt !== null) continue;
        const notice = messages[m.team.locale].league.joinedNotice(escapeHtml(head.team.name), escapeHtml(league.name));
        await ctx.api.sendMessage(m.team.chatId, notice).catch((err: unknown) => {
          ctx.deps.logger.warn({ err, team_id: m.team.id }, "league notice not delivered");
        });
      }
      return;
    }
    case "leave": {
      const head = await requireHead(ctx, "league");
      if (!head) return;
      const left = leaveLeague(ctx.deps, head.team.id, now);
      return void (await ctx.reply(left ? t.left(escapeHtml(left.name)) : t.notIn));
    }
    case "names": {
      const head = await requireHead(ctx, "league");
      if (!head) return;
      const v = arg.toLowerCase();
      const on = ON.has(v) ? true : OFF.has(v) ? false : null;
      if (on === null) return void (await ctx.reply(t.badNames));
      if (!shareLeagueNames(ctx.deps, head.team.id, on)) return void (await ctx.reply(t.notIn));
      return void (await ctx.reply(t.namesSet(on)));
    }
  }
  const member = await requireMember(ctx);
  if (!member) return;
  const mine = leagueOfTeam(ctx.deps, member.team.id);
  if (!mine) return void (await ctx.reply(`${t.notIn}\n\n${t.usage}`));
  const words = ctx.match.trim().split(/\s+/).filter(Boolean);
  const mode: LeagueMode = words[0] && PLAN_WORDS.has(words[0].toLowerCase()) ? "plan" : "per_manager";
  if (mode === "plan") words.shift();
  const [first = "", ...periodWords] = words;
  let metric = first ? parseMetricOn("top")(first) : null;
  let periodText = periodWords.join(" ");
  if (first && !metric) {
    if (!parsePeriod(words.join(" "))) {
      const list = metricsFor("top", OTHER_TEAM)
        .map((k) => `${k} (${metricLabel(k, ctx.locale)})`)
        .join(", ");
      return void (await ctx.reply(`⚠️ ${ctx.t.posts.unknownMetric(echo(first))}\n${list}\n${t.usage}`));
    }
    periodText = words.join(" ");
  }
  metric ??= readTeamSettings(member.team.settings).mainMetric;
  // Each team's figure reaches every team of the league.
  if (!mayShowMetric(metric, OTHER_TEAM)) return void (await ctx.reply(ctx.t.trust.headFigure));
  const period = await askPeriod(ctx, member.team, periodText, t.usage);
  if (!period) return;
  const standings = leagueStandings(ctx.deps, mine.league, member.team, metric, mode, period);
  const code = member.membership.role === "head" ? mine.league.code : undefined;
  await replyDoc(ctx, leagueDoc(standings, ctx.locale, code ? { code } : {}));
});
