import { Composer, InlineKeyboard } from "grammy";
import type { Locale } from "../../config.js";
import { isLocale, LOCALES } from "../../domain/locales.js";
import { mergeTeamSettings, parseSettingsCommand } from "../../domain/settings-command.js";
import {
  POST_KEYS,
  type PostDestination,
  type PostKey,
  readTeamSettings,
  readUserSettings,
  type TeamSettings,
} from "../../domain/team-settings.js";
import { echo, escapeHtml } from "../../presentation/html.js";
import { messages, pickLocale } from "../../presentation/i18n/index.js";
import { metricLabel, parseMetricOn } from "../../presentation/i18n/metric-words.js";
import { saveUserSettings, type User, userById } from "../../services/members.js";
import { type Team, teamById, updateTeam } from "../../services/teams.js";
import type { BotContext } from "../context.js";
import { requireMember } from "../middlewares/guards.js";

export const settingsFeature = new Composer<BotContext>();

function personal(user: User, locale: Locale): string[] {
  const t = messages[locale].settings;
  const us = readUserSettings(user.settings);
  return [
    `${t.language}: ${us.language ? messages[us.language].settings.languageName : t.auto}`,
    `${t.nudge}: ${us.nudge ? t.on : t.off}`,
    messages[locale].coaching.settingsLine(us.coaching),
  ];
}

function renderTeamSettings(team: Team, s: TeamSettings, locale: Locale): string {
  const t = messages[locale].settings;
  const to = (d: readonly PostDestination[]) => (d.length ? d.map((x) => t.dest[x]).join(" + ") : t.off);
  const onOff = (k: keyof TeamSettings["enabled"]) => (s.enabled[k] ? "" : ` (${t.off})`);
  return [
    t.teamTitle(escapeHtml(team.name)),
    `${t.timezone}: ${escapeHtml(team.timezone)}`,
    `${t.workdays}: ${s.workdays.map((d) => t.weekdays[d - 1]).join(", ")}`,
    `${t.summary}: ${s.summaryTime} → ${to(s.summaryTo)}${onOff("summary")}`,
    `${t.evening}: ${s.eveningTime} → ${to(s.leaderboardTo)}${onOff("evening")}`,
    `${t.weekly}: ${s.weeklyTime}${onOff("weekly")}`,
    `${t.nudge}: ${s.nudgeTime} → ${s.nudgeTo === "group" ? t.nudgeGroup : t.nudgePrivate}${onOff("nudge")}`,
    `${t.checks}: ${s.checksFrom}–${s.checksTo} → ${to(s.alertsTo)}${onOff("alerts")}`,
    t.thresholds(s.leadNewHours, s.stuckDays, s.conversionDropPoints),
    `${t.quiet}: ${s.quietFrom && s.quietTo ? `${s.quietFrom}–${s.quietTo}` : t.off}`,
    `${t.topic}: ${s.topicId ?? t.none}`,
    `${t.metric}: ${metricLabel(s.mainMetric, locale)}`,
    `${t.leaderboardMode}: ${s.leaderboardMode === "fair" ? t.fairMode : t.plainMode}`,
    `${t.autoLog}: ${s.autoLog ? t.on : t.off}`,
    messages[locale].flags.settingsLine(s.flags),
    t.backdate(s.backdateDays),
    t.activeCustomers(s.activeCustomerDays),
  ].join("\n");
}

function teamKeyboard(s: TeamSettings, locale: Locale): InlineKeyboard {
  const t = messages[locale].settings;
  const names: Record<PostKey, string> = {
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
  const kb = new InlineKeyboard()
    .text(t.toggle(t.nudge, us.nudge), "set:u:nudge")
    .text(t.toggle(messages[locale].coaching.settingsButton, us.coaching), "set:u:coaching")
    .row();
  // One button per language the bot speaks, each in its own language, then "as in Telegram".
  for (const l of LOCALES) kb.text(`${us.language === l ? "• " : ""}${messages[l].settings.languageName}`, `set:u:lang:${l}`);
  return kb.text(`${us.language === null ? "• " : ""}${t.auto}`, "set:u:lang:auto");
}

async function show(ctx: BotContext, edit = false): Promise<void> {
  const member = ctx.actor;
  const t = ctx.t.settings;
  const isHead = member.membership?.role === "head" && member.team;
  const s = member.team ? readTeamSettings(member.team.settings) : null;
  const text =
    isHead && s
      ? `${renderTeamSettings(member.team!, s, ctx.locale)}\n\n${t.personalTitle}\n${personal(member.user!, ctx.locale).join("\n")}\n\n${t.usage}\n${ctx.t.flags.settingsUsage}`
      : `${t.personalTitle}\n${personal(member.user!, ctx.locale).join("\n")}\n\n${t.personalUsage}`;
  const kb = isHead && s ? teamKeyboard(s, ctx.locale) : new InlineKeyboard();
  kb.row();
  for (const row of userKeyboard(member.user!, ctx.locale).inline_keyboard) kb.row(...row);
  if (edit) await ctx.editMessageText(text, { reply_markup: kb }).catch(() => undefined);
  else {
    // In a group the answer replies to the command, which marks whose settings message it is.
    const mine =
      ctx.chat?.type !== "private" && ctx.msg
        ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
        : {};
    await ctx.reply(text, { reply_markup: kb, ...mine });
  }
}

/** Whom a settings message was sent to: the private chat's user, or the sender of the command it replies to. */
function ownerOf(ctx: BotContext): number | undefined {
  const message = ctx.callbackQuery?.message;
  if (!message) return undefined;
  if (message.chat.type === "private") return message.chat.id;
  return "reply_to_message" in message ? message.reply_to_message?.from?.id : undefined;
}

function saveTeam(ctx: BotContext, team: Team, patch: Partial<TeamSettings>, timezone?: string): void {
  const next = mergeTeamSettings(readTeamSettings(team.settings), patch);
  updateTeam(ctx.deps, team.id, { settings: next, ...(timezone ? { timezone } : {}) });
  ctx.deps.onTeamSettingsChanged?.(team.id);
}

settingsFeature.command("settings", async (ctx) => {
  const member = await requireMember(ctx);
  if (!member) return;
  const t = ctx.t.settings;
  const text = ctx.match.trim();
  if (!text) return show(ctx);
  const change = parseSettingsCommand(text, parseMetricOn("main"), ctx.msg?.message_thread_id);
  const isHead = member.membership.role === "head";
  const usage = isHead ? t.usage : t.personalUsage;
  if ("error" in change && change.error === "bad_value" && /^(flags|флаги)$/.test(change.key)) {
    // `/settings flags` alone shows the current thresholds and the forms; a wrong form says so first.
    const current = ctx.t.flags.settingsLine(readTeamSettings(member.team.settings).flags);
    const head = change.value ? `⚠️ ${t.badValue(echo(change.key), echo(change.value))}\n` : "";
    return void (await ctx.reply(`${head}${current}\n${ctx.t.flags.settingsUsage}`));
  }
  if ("error" in change) {
    const reason = change.error === "unknown_key" ? t.unknownKey(echo(change.key)) : t.badValue(echo(change.key), echo(change.value));
    return void (await ctx.reply(`⚠️ ${reason}\n${usage}`));
  }
  if (change.scope === "user") {
    const next = { ...readUserSettings(member.user.settings), ...change.patch };
    saveUserSettings(ctx.deps, member.user.id, next);
    const locale = pickLocale(next.language, member.user.languageCode, member.team.locale);
    return void (await ctx.reply(messages[locale].settings.saved));
  }
  if (!isHead) return void (await ctx.reply(`${t.headOnly}\n${t.personalUsage}`));
  saveTeam(ctx, member.team, change.patch, change.timezone);
  const team = teamById(ctx.deps, member.team.id)!;
  await ctx.reply(`${t.saved}\n\n${renderTeamSettings(team, readTeamSettings(team.settings), ctx.locale)}`);
});

settingsFeature.callbackQuery(/^set:(t|u):(\w+)(?::(\w+))?$/, async (ctx) => {
  // Someone else's settings message (a manager tapping the head's in the group): the
  // tapper is answered on their own, and the message stays as its owner left it.
  if (ownerOf(ctx) !== ctx.from.id) return void (await ctx.answerCallbackQuery({ text: ctx.t.notYours, show_alert: true }));
  const { user, team, membership } = ctx.actor;
  if (!user || !team || !membership) return void (await ctx.answerCallbackQuery({ text: ctx.t.staleButton, show_alert: true }));
  const member = { user, team, membership };
  const [, scope, key, value] = ctx.match;
  if (scope === "t") {
    const k = POST_KEYS.find((x) => x === key);
    if (member.membership.role !== "head") return void (await ctx.answerCallbackQuery({ text: ctx.t.settings.headOnly, show_alert: true }));
    if (!k) return void (await ctx.answerCallbackQuery({ text: ctx.t.staleButton }));
    await ctx.answerCallbackQuery();
    saveTeam(ctx, member.team, {
      enabled: { [k]: !readTeamSettings(member.team.settings).enabled[k] },
    } as unknown as Partial<TeamSettings>);
    ctx.actor.team = teamById(ctx.deps, member.team.id)!;
  } else {
    const us = readUserSettings(member.user.settings);
    if (key !== "nudge" && key !== "lang" && key !== "coaching") return void (await ctx.answerCallbackQuery({ text: ctx.t.staleButton }));
    const next =
      key === "nudge"
        ? { ...us, nudge: !us.nudge }
        : key === "coaching"
          ? { ...us, coaching: !us.coaching }
          : { ...us, language: isLocale(value) ? value : null };
    await ctx.answerCallbackQuery();
    // A tap that changes nothing (the language already chosen) edits nothing: Telegram would refuse the same text.
    if (next.nudge === us.nudge && next.language === us.language && next.coaching === us.coaching) return;
    saveUserSettings(ctx.deps, member.user.id, next);
    ctx.actor.user = userById(ctx.deps, member.user.id)!;
    ctx.locale = pickLocale(next.language, member.user.languageCode, member.team.locale);
    ctx.t = messages[ctx.locale];
  }
  await show(ctx, true);
});
