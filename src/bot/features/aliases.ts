import { Composer, InlineKeyboard } from "grammy";
import { fitHtml } from "../../presentation/html.js";
import { renderAliases } from "../../presentation/views/aliases-view.js";
import type { Member } from "../../services/deps.js";
import { forgetAlias, teamAliasRows } from "../../services/text-aliases.js";
import type { BotContext } from "../context.js";
import { requireHead } from "../middlewares/guards.js";

/**
 * /aliases (head): what the team taught the free-text reader by correcting it with ✏️,
 * and deleting a wrong phrase (✖ N, or `/aliases remove N`).
 */
export const aliasesFeature = new Composer<BotContext>();

const REMOVE = new Set(["remove", "rm", "delete", "del", "удалить"]);
/** Telegram allows 100 buttons in a keyboard; the list itself is text. */
const MAX_BUTTONS = 60;

function listReply(ctx: BotContext, head: Member): { text: string; keyboard: InlineKeyboard } {
  const rows = teamAliasRows(ctx.deps, head.team.id);
  const keyboard = new InlineKeyboard();
  // A button names the phrase by id, so a list that changed meanwhile never deletes the wrong one.
  rows.slice(0, MAX_BUTTONS).forEach((r, i) => {
    keyboard.text(`✖ ${i + 1}`, `alias:rm:${r.id}`);
    if (i % 5 === 4) keyboard.row();
  });
  return { text: fitHtml(renderAliases(rows, ctx.locale)), keyboard };
}

aliasesFeature.command("aliases", async (ctx) => {
  const [word = "", number = "", ...rest] = ctx.match.trim().split(/\s+/);
  const head = await requireHead(ctx, "aliases");
  if (!head) return;
  if (word && REMOVE.has(word.toLocaleLowerCase("ru"))) {
    const rows = teamAliasRows(ctx.deps, head.team.id);
    const target = /^\d{1,4}$/.test(number) && rest.length === 0 ? rows[Number(number) - 1] : undefined;
    if (!target) return void (await ctx.reply(`⚠️ ${ctx.t.aliases.notFound}\n${ctx.t.aliases.removeUsage}`));
    forgetAlias(ctx.deps, head.team.id, target.id);
    const { text, keyboard } = listReply(ctx, head);
    return void (await ctx.reply(`${ctx.t.aliases.removed}\n\n${text}`, { reply_markup: keyboard }));
  }
  if (word) return void (await ctx.reply(ctx.t.aliases.removeUsage));
  const { text, keyboard } = listReply(ctx, head);
  await ctx.reply(text, { reply_markup: keyboard });
});

aliasesFeature.callbackQuery(/^alias:rm:(\d{1,12})$/, async (ctx) => {
  await ctx.answerCallbackQuery().catch(() => undefined);
  const head = await requireHead(ctx, "aliases");
  if (!head) return;
  const removed = forgetAlias(ctx.deps, head.team.id, Number(ctx.match[1]));
  const { text, keyboard } = listReply(ctx, head);
  await ctx
    .editMessageText(removed ? `${ctx.t.aliases.removed}\n\n${text}` : `⚠️ ${ctx.t.aliases.notFound}\n\n${text}`, {
      reply_markup: keyboard,
    })
    .catch(() => undefined);
});
