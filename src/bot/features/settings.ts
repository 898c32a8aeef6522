import { Composer, InlineKeyboard } from "grammy";
import type { Locale } from "../../config.js";
import type { Team } from "../../db/repositories/teams.js";
import type { User } from "../../db/repositories/users.js";
import { METRICS } from "../../domain/metrics.js";
import { mergeTeamSettings, POST_KEYS, parseSettingsCommand } from "../../domain/settings-command.js";
import { readTeamSettings, readUserSettings, type TeamSettings } from "../../domain/team-settings.js";
import { echo, escapeHtml } from "../../presentation/html.js";
import { messages, pickLocale } from "../../presentation/i18n/index.js";
import type { BotContext } from "../context.js";
import { requireMember } from "../middlewares/guards.js";

export const settingsFeature = new Composer<BotContext>();

const DAY_NAMES: Record<Locale, string[]> = {
  ru: ["пн", "вт", "ср", "чт", "пт", "сб", "вс"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

function personal(user: User, locale: Locale): string[] {
  const t = messages[locale].settings;
  const us = readUserSettings(user.settings);
  return [
    `${t.language}: ${us.language ?? t.auto}`,
    `${t.nudge}: ${us.nudge ? t.on : t.off}`,
    messages[locale].coaching.settingsLine(us.coaching),
  ];
}

function renderTeamSettings(team: Team, s: TeamSettings, locale: Locale): string {
  const t = messages[locale].settings;
  const to = (d: string[]) => (d.length ? d.map((x) => t.dest[x]).join(" + ") : t.off);
  const onOff = (k: keyof TeamSettings["enabled"]) => (s.enabled[k] ? "" : ` (${t.off})`);
  return [
    t.teamTitle(escapeHtml(team.name)),
    `${t.timezone}: ${escapeHtml(team.timezone)}`,
    `${t.workdays}: ${s.workdays.map((d) => DAY_NAMES[locale][d - 1]).join(", ")}`,
    `${t.summary}: ${s.summaryTime} → ${to(s.summaryTo)}${onOff("summary")}`,
    `${t.evening}: ${s.eveningTime} → ${to(s.leaderboardTo)}${onOff("evening")}`,
    `${t.weekly}: ${s.weeklyTime}${onOff("weekly")}`,
    `${t.nudge}: ${s.nudgeTime}${onOff("nudge")}`,
    `${t.checks}: ${s.checksFrom}–${s.checksTo} → ${to(s.alertsTo)}${onOff("alerts")}`,
    t.thresholds(s.leadNewHours, s.stuckDays, s.conversionDropPoints),
    `${t.quiet}: ${s.quietFrom && s.quietTo ? `${s.quietFrom}–${s.quietTo}` : t.off}`,
    `${t.topic}: ${s.topicId ?? t.none}`,
    `${t.metric}: ${METRICS[s.mainMetric].label[locale]}`,
    `${t.autoLog}: ${s.autoLog ? t.on : t.off}`,
  ].join("\n");
}

function teamKeyboard(s: TeamSettings, locale: Locale): InlineKeyboard {
  const t = messages[locale].settings;
  const names: Record<(typeof POST_KEYS)[number], string> = {
    summary: t.summary,
    evening: t.evening,
    weekly: t.weekly,
    alerts: t.alerts,
    nudge: t.nudge,
  };
  const kb = new InlineKeyboard();
  POST_KEYS.forEach((k, i) => {
    kb.text(t.toggle(names[k], s.enabled[k]), `set:t:${k}`);
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

function userKeyboard(user: User, locale: Locale): InlineKeyboard {
  const t = messages[locale].settings;
  const us = readUserSettings(user.settings);
  return new InlineKeyboard()
    .text(t.toggle(t.nudge, us.nudge), "set:u:nudge")
    .text(t.toggle(messages[locale].coaching.settingsButton, us.coaching), "set:u:coaching")
    .row()
    .text(`${us.language === "ru" ? "• " : ""}Русский`, "set:u:lang:ru")
    .text(`${us.language === "en" ? "• " : ""}English`, "set:u:lang:en")
    .text(`${us.language === null ? "• " : ""}${t.auto}`, "set:u:lang:auto");
}

async function show(ctx: BotContext, edit = false): Promise<void> {
  const member = ctx.actor;
  const t = ctx.t.settings;
  const isHead = member.membership?.role === "head" && member.team;
  const s = member.team ? readTeamSettings(member.team.settings) : null;
  const text =
    isHead && s
      ? `${renderTeamSettings(member.team!, s, ctx.locale)}\n\n${t.personalTitle}\n${personal(member.user!, ctx.locale).join("\n")}\n\n${t.usage}`
      : `${t.personalTitle}\n${personal(member.user!, ctx.locale).join("\n")}\n\n${t.personalUsage}`;
  const kb = isHead && s ? teamKeyboard(s, ctx.locale) : new InlineKeyboard();
  kb.row();
  for (const row of userKeyboard(member.user!, ctx.locale).inline_keyboard) kb.row(...row);
  if (edit) await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch(() => undefined);
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
}

function saveTeam(ctx: BotContext, team: Team, patch: Partial<TeamSettings>, timezone?: string): void {
  const next = mergeTeamSettings(readTeamSettings(team.settings), patch);
  ctx.deps.repos.teams.update(team.id, { settings: next, ...(timezone ? { timezone } : {}) });
  ctx.deps.onTeamSettingsChanged?.(team.id);
}

settingsFeature.command("settings", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const t = ctx.t.settings;
  const text = ctx.match.trim();
  if (!text) return show(ctx);
  const change = parseSettingsCommand(text, ctx.msg?.message_thread_id);
  const isHead = member.membership.role === "head";
  const usage = isHead ? t.usage : t.personalUsage;
  if ("error" in change) {
    const reason = change.error === "unknown_key" ? t.unknownKey(echo(change.key)) : t.badValue(echo(change.key), echo(change.value));
    return void (await ctx.reply(`⚠️ ${reason}\n${usage}`, { parse_mode: "HTML" }));
  }
  if (change.scope === "user") {
    const next = { ...readUserSettings(member.user.settings), ...change.patch };
    ctx.deps.repos.users.update(member.user.id, { settings: next });
    const locale = pickLocale(next.language, member.user.languageCode, member.team.locale);
    return void (await ctx.reply(messages[locale].settings.saved));
  }
  if (!isHead) return void (await ctx.reply(`${t.headOnly}\n${t.personalUsage}`, { parse_mode: "HTML" }));
  saveTeam(ctx, member.team, change.patch, change.timezone);
  const team = ctx.deps.repos.teams.byId(member.team.id)!;
  await ctx.reply(`${t.saved}\n\n${renderTeamSettings(team, readTeamSettings(team.settings), ctx.locale)}`, { parse_mode: "HTML" });
});

settingsFeature.callbackQuery(/^set:(t|u):(\w+)(?::(\w+))?$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const member = await requireMember(ctx);
  if (!member) return;
  const [, scope, key, value] = ctx.match;
  if (scope === "t") {
    if (member.membership.role !== "head") return void (await ctx.reply(ctx.t.settings.headOnly));
    const k = key as (typeof POST_KEYS)[number];
    if (!POST_KEYS.includes(k)) return;
    saveTeam(ctx, member.team, {
      enabled: { [k]: !readTeamSettings(member.team.settings).enabled[k] },
    } as unknown as Partial<TeamSettings>);
    ctx.actor.team = ctx.deps.repos.teams.byId(member.team.id)!;
  } else {
    const us = readUserSettings(member.user.settings);
    const next =
      key === "nudge"
        ? { ...us, nudge: !us.nudge }
        : key === "coaching"
          ? { ...us, coaching: !us.coaching }
          : { ...us, language: value === "ru" || value === "en" ? value : null };
    ctx.deps.repos.users.update(member.user.id, { settings: next });
    ctx.actor.user = ctx.deps.repos.users.byId(member.user.id)!;
    ctx.locale = pickLocale(next.language, member.user.languageCode, member.team.locale);
    ctx.t = messages[ctx.locale];
  }
  await show(ctx, true);
});
