import { Composer, InlineKeyboard } from "grammy";
import { BONUS_KINDS, type BonusKind, computeBonus } from "../../domain/bonus.js";
import { bonusKindParser, parseBonusCommand } from "../../domain/bonus-command.js";
import { LOCALES } from "../../domain/locales.js";
import { parseMonth } from "../../domain/month-parsing.js";
import { localDate } from "../../domain/time.js";
import { mayShowField } from "../../domain/trust-policy.js";
import { echo, escapeHtml } from "../../presentation/html.js";
import { messages } from "../../presentation/i18n/index.js";
import { metricsHint, parseMetricOn } from "../../presentation/i18n/metric-words.js";
import { describeBonusRule, renderBonusRules, renderPersonBonus, renderTeamBonus } from "../../presentation/views/bonus-view.js";
import { activeBonusRules, addBonusRule, monthBonus, removeBonusRule } from "../../services/bonus.js";
import type { Member } from "../../services/deps.js";
import type { BotContext } from "../context.js";
import { requireHead, requireMember } from "../middlewares/guards.js";
import { isHead } from "../report-replies.js";

export const bonusFeature = new Composer<BotContext>();

const RULES = new Set(["rules", "правила"]);
const ADD = new Set(["add", "добавить"]);
const REMOVE = new Set(["remove", "rm", "удалить"]);

// Kind words of every language: a Russian head may type the English form and back.
const kindOf = bonusKindParser(
  Object.fromEntries(BONUS_KINDS.map((k) => [k, LOCALES.flatMap((l) => messages[l].bonus.kindAliases[k])])) as Record<BonusKind, string[]>,
);

function rulesReply(ctx: BotContext, head: Member): { text: string; keyboard: InlineKeyboard } {
  const rules = activeBonusRules(ctx.deps, head.team.id);
  const keyboard = new InlineKeyboard();
  // The button names the rule by id, so a list that changed meanwhile never removes the wrong one.
  rules.forEach((r, i) => {
    keyboard.text(`✖ ${i + 1}`, `bonus:rm:${r.id}`);
    if (i % 4 === 3) keyboard.row();
  });
  return { text: renderBonusRules(rules, ctx.locale), keyboard };
}

async function showRules(ctx: BotContext): Promise<void> {
  const head = await requireHead(ctx, "bonus rules");
  if (!head) return;
  const { text, keyboard } = rulesReply(ctx, head);
  await ctx.reply(text, { reply_markup: keyboard });
}

async function addRule(ctx: BotContext, args: string): Promise<void> {
  const head = await requireHead(ctx, "bonus add");
  if (!head) return;
  const w = ctx.t.bonus;
  const parsed = parseBonusCommand(args, kindOf, parseMetricOn("plan"));
  if ("error" in parsed) {
    const reason =
      parsed.error === "usage"
        ? ""
        : parsed.error === "kind"
          ? w.unknownKind(echo(parsed.word))
          : parsed.error === "metric"
            ? `${w.unknownMetric(echo(parsed.word))}\n${metricsHint("plan", ctx.locale)}`
            : parsed.error === "percent"
              ? w.badPercent[parsed.reason]
              : parsed.error === "money"
                ? `${echo(parsed.word)}: ${w.badMoney[parsed.reason]}`
                : w.extra(echo(parsed.word));
    await ctx.reply(`${reason ? `⚠️ ${reason}\n` : ""}${w.usage}`);
    return;
  }
  const result = addBonusRule(ctx.deps, head.team, head.user.id, parsed.params, ctx.deps.now());
  if (!result.ok) {
    await ctx.reply(`⚠️ ${w.duplicate}`);
    return;
  }
  await ctx.reply(w.added(escapeHtml(describeBonusRule(result.rule, ctx.locale))));
}

async function removeByNumber(ctx: BotContext, args: string): Promise<void> {
  const head = await requireHead(ctx, "bonus remove");
  if (!head) return;
  const n = /^\d{1,4}$/.test(args.trim()) ? Number(args.trim()) : Number.NaN;
  const rule = activeBonusRules(ctx.deps, head.team.id)[n - 1];
  if (!rule) {
    await ctx.reply(`⚠️ ${ctx.t.bonus.notFound}\n${ctx.t.bonus.removeUsage}`);
    return;
  }
  removeBonusRule(ctx.deps, head.team.id, rule.id, head.user.id, ctx.deps.now());
  const { text, keyboard } = rulesReply(ctx, head);
  await ctx.reply(`${ctx.t.bonus.removed}\n\n${text}`, { reply_markup: keyboard });
}

async function showMonth(ctx: BotContext, text: string): Promise<void> {
  const member = await requireMember(ctx);
  if (!member) return;
  const w = ctx.t.bonus;
  const now = ctx.deps.now();
  const month = parseMonth(text, localDate(now, member.team.timezone));
  if ("error" in month) {
    const reason = month.error === "future" ? w.futureMonth : w.badMonth(echo(text));
    await ctx.reply(`⚠️ ${reason}\n${w.monthUsage}`);
    return;
  }
  // Pay is private (trust policy): a group would show everyone's bonus to everyone.
  if (!mayShowField("bonus", ctx.audience, "self")) {
    await ctx.reply(w.privateOnly);
    return;
  }
  if (isHead(member)) {
    const bonus = monthBonus(ctx.deps, member.team, month, now);
    await ctx.reply(renderTeamBonus(bonus, now, ctx.locale));
    return;
  }
  // A manager sees only their own accrual.
  const bonus = monthBonus(ctx.deps, member.team, month, now, [member.user.id]);
  const own = bonus.byUser.get(member.user.id) ?? computeBonus(bonus.rules, { deals: [], values: {}, targets: {}, active: false });
  await ctx.reply(renderPersonBonus(own, bonus.period, now, ctx.locale));
}

/** `/bonus [month]`, `/bonus rules`, `/bonus add <kind> …`, `/bonus remove <n>`. */
bonusFeature.command("bonus", async (ctx) => {
  const text = ctx.match.trim();
  // The rest as typed: an error echoes the user's own words.
  const [, first = "", rest = ""] = /^(\S*)\s*([\s\S]*)$/u.exec(text) ?? [];
  const sub = first.toLowerCase();
  if (RULES.has(sub)) return showRules(ctx);
  if (ADD.has(sub)) return addRule(ctx, rest);
  if (REMOVE.has(sub)) return removeByNumber(ctx, rest);
  return showMonth(ctx, text);
});

// ✖ on the rules list. Anything but a live rule of the tapper's own team (another
// team's id, a removed rule, forged data) changes nothing and says so.
bonusFeature.callbackQuery(/^bonus:rm:(.*)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const head = await requireHead(ctx, "bonus rules");
  if (!head) return;
  const id = ctx.match[1] ?? "";
  const removed = /^\d{1,12}$/.test(id) && removeBonusRule(ctx.deps, head.team.id, Number(id), head.user.id, ctx.deps.now());
  const note = removed ? ctx.t.bonus.removed : ctx.t.bonus.notFound;
  const { text, keyboard } = rulesReply(ctx, head);
  await ctx.editMessageText(`${note}\n\n${text}`, { reply_markup: keyboard }).catch(() => ctx.reply(note));
});
