import { Composer } from "grammy";
import { parseHolidays } from "../../domain/holidays.js";
import { LOCALES } from "../../domain/locales.js";
import { isPointWeightKey, type PointWeightKey, parsePointWeights } from "../../domain/points.js";
import { mergeTeamSettings } from "../../domain/settings-command.js";
import { readTeamSettings, type TeamSettings } from "../../domain/team-settings.js";
import { echo } from "../../presentation/html.js";
import { messages } from "../../presentation/i18n/index.js";
import { renderHolidays, renderPointWeights } from "../../presentation/views/points-settings-view.js";
import { teamHolidays, teamPointWeights } from "../../services/team-settings.js";
import { updateTeam } from "../../services/teams.js";
import type { BotContext } from "../context.js";
import { requireMember } from "../middlewares/guards.js";

/**
 * `/settings points …` and `/settings holidays …`: the motivation settings, kept in
 * the team's settings JSON. Registered before the general /settings handler, which
 * gets every other key.
 */
export const pointsSettingsFeature = new Composer<BotContext>();

const POINTS_WORDS = new Set(["points", "очки", "баллы"]);
const HOLIDAY_WORDS = new Set(["holidays", "праздники"]);
const CLEAR_WORDS = new Set(["clear", "off", "none", "очистить", "нет", "выкл"]);

// Kind words in both languages ("звонок 2", "deal 25"), besides the keys themselves.
const WEIGHT_WORDS = new Map<string, PointWeightKey>(
  LOCALES.flatMap((l) =>
    Object.entries(messages[l].motivation.weightWords).flatMap(([k, words]) => words.map((w) => [w, k as PointWeightKey] as const)),
  ),
);
const weightKey = (word: string): PointWeightKey | null => {
  const w = word.toLowerCase().replace(/ё/g, "е");
  return isPointWeightKey(w) ? w : (WEIGHT_WORDS.get(w) ?? null);
};

pointsSettingsFeature.command("settings", async (ctx, next) => {
  const [rawKey = "", ...rest] = ctx.match.trim().split(/\s+/);
  const key = rawKey.toLowerCase();
  const isPoints = POINTS_WORDS.has(key);
  if (!isPoints && !HOLIDAY_WORDS.has(key)) return next();
  const member = await requireMember(ctx);
  if (!member) return;
  const t = ctx.t.motivation;
  const value = rest.join(" ").trim();
  const { team } = member;
  // Anyone in the team may look; only the head changes.
  if (!value) {
    const text = isPoints ? renderPointWeights(teamPointWeights(team), ctx.locale) : renderHolidays(teamHolidays(team), ctx.locale);
    return void (await ctx.reply(text));
  }
  if (member.membership.role !== "head") return void (await ctx.reply(t.headOnly));
  const current = readTeamSettings(team.settings);
  let patch: Partial<TeamSettings>;
  let saved: string;
  if (isPoints) {
    const parsed = parsePointWeights(value, weightKey);
    if (!parsed.ok) {
      const reason = parsed.error === "unknown_key" ? t.weightBadKey(echo(parsed.word)) : t.weightBadValue(echo(parsed.word));
      return void (await ctx.reply(`⚠️ ${reason}\n${t.weightsUsage}`));
    }
    patch = { points: { ...current.points, ...parsed.weights } };
    saved = t.weightsSaved;
  } else if (CLEAR_WORDS.has(value.toLowerCase())) {
    patch = { holidays: [] };
    saved = t.holidaysCleared;
  } else {
    const parsed = parseHolidays(value);
    if (!parsed.ok) {
      const reason = parsed.error === "too_many" ? t.holidaysTooMany : t.holidaysBad(echo(parsed.word));
      return void (await ctx.reply(`⚠️ ${reason}\n${t.holidaysUsage}`));
    }
    patch = { holidays: parsed.holidays };
    saved = t.holidaysSaved;
  }
  const fresh = updateTeam(ctx.deps, team.id, { settings: mergeTeamSettings(current, patch) });
  const shown = isPoints ? renderPointWeights(teamPointWeights(fresh), ctx.locale) : renderHolidays(teamHolidays(fresh), ctx.locale);
  await ctx.reply(`${saved}\n\n${shown}`);
});
