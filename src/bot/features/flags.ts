import { Composer, InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { mayShowField } from "../../domain/trust-policy.js";
import { type FlagRow, flagLine, MAX_LISTED, renderFlagList } from "../../presentation/views/gaming-flags-view.js";
import { flagById, type GamingFlag, listFlags, markFlagFine, voidFlaggedEntries } from "../../services/gaming-flags.js";
import { userById } from "../../services/members.js";
import type { BotContext } from "../context.js";
import { requireHead } from "../middlewares/guards.js";
import { askPeriod } from "../report-replies.js";

export const flagsFeature = new Composer<BotContext>();

/** Names of the people (and resolvers) a list mentions, looked up once each. */
function rowsOf(ctx: BotContext, flags: readonly GamingFlag[]): FlagRow[] {
  const names = new Map<number, string>();
  const name = (id: number) => {
    if (!names.has(id)) names.set(id, userById(ctx.deps, id)?.firstName ?? String(id));
    return names.get(id)!;
  };
  return flags.map((flag) => ({
    flag,
    name: name(flag.userId),
    ...(flag.resolvedBy !== null ? { resolver: name(flag.resolvedBy) } : {}),
  }));
}

const openRow = (ctx: BotContext, id: number, n: number): InlineKeyboardButton[] => [
  { text: ctx.t.flags.okButton(n), callback_data: `gf:ok:${id}:${n}` },
  { text: ctx.t.flags.voidButton(n), callback_data: `gf:vq:${id}:${n}` },
];

/** `/flags [period]`: heads only, in the private chat (a group would show managers each other's flags). */
flagsFeature.command("flags", async (ctx) => {
  const head = await requireHead(ctx, "flags");
  if (!head) return;
  const t = ctx.t.flags;
  if (!mayShowField("flags", ctx.audience)) return void (await ctx.reply(t.privateOnly));
  const text = ctx.match.trim();
  const now = ctx.deps.now();
  const period = text ? await askPeriod(ctx, head.team, text, t.usage) : null;
  if (text && !period) return;
  const listing = listFlags(ctx.deps, head.team, period, now);
  const rows = rowsOf(ctx, listing.flags);
  const keyboard = rows.slice(0, MAX_LISTED).flatMap((row, i) => (row.flag.status === "open" ? [openRow(ctx, row.flag.id, i + 1)] : []));
  await ctx.reply(renderFlagList(rows, period, listing.on, head.team.timezone, ctx.locale), {
    ...(keyboard.length > 0 ? { reply_markup: new InlineKeyboard(keyboard) } : {}),
  });
});

/** The list's keyboard with the flag's row replaced (or removed when `row` is null). */
function withRow(ctx: BotContext, flagId: number, row: InlineKeyboardButton[] | null): InlineKeyboard {
  const message = ctx.callbackQuery?.message;
  const current = (message && "reply_markup" in message ? message.reply_markup?.inline_keyboard : undefined) ?? [];
  const mine = (b: InlineKeyboardButton) => "callback_data" in b && new RegExp(`^gf:\\w+:${flagId}:`).test(b.callback_data ?? "");
  const rows = current.flatMap((r) => (r.some(mine) ? (row ? [row] : []) : [r]));
  return new InlineKeyboard(rows);
}

async function setKeyboard(ctx: BotContext, kb: InlineKeyboard): Promise<void> {
  // The list may be gone or already show this keyboard; the answer above stands either way.
  await ctx.editMessageReplyMarkup({ reply_markup: kb }).catch(() => undefined);
}

// gf:ok — mark fine; gf:vq — ask before voiding; gf:vy — void; gf:vn — keep (back to ✓/✖).
flagsFeature.callbackQuery(/^gf:(ok|vq|vy|vn):(\d{1,12}):(\d{1,2})$/, async (ctx) => {
  const t = ctx.t.flags;
  const { user, team, membership } = ctx.actor;
  if (!user || !team || !membership) return void (await ctx.answerCallbackQuery({ text: ctx.t.notInTeam, show_alert: true }));
  // The role is checked at the tap: a head demoted since the list was sent changes nothing.
  if (membership.role !== "head") return void (await ctx.answerCallbackQuery({ text: t.headOnlyButton, show_alert: true }));
  const [, action, rawId, rawN] = ctx.match;
  const id = Number(rawId);
  const n = Number(rawN);
  const flag = flagById(ctx.deps, team.id, id);
  if (!flag) return void (await ctx.answerCallbackQuery({ text: t.gone, show_alert: true }));
  if (flag.status !== "open") {
    await ctx.answerCallbackQuery({ text: t.alreadyResolved, show_alert: true });
    return setKeyboard(ctx, withRow(ctx, id, null));
  }
  switch (action) {
    case "vq":
      await ctx.answerCallbackQuery();
      return setKeyboard(
        ctx,
        withRow(ctx, id, [
          { text: t.confirmButton(n, t.entries(flag.detail.count)), callback_data: `gf:vy:${id}:${n}` },
          { text: t.backButton(n), callback_data: `gf:vn:${id}:${n}` },
        ]),
      );
    case "vn":
      await ctx.answerCallbackQuery();
      return setKeyboard(ctx, withRow(ctx, id, openRow(ctx, id, n)));
    case "ok":
    case "vy": {
      const result = action === "ok" ? markFlagFine(ctx.deps, team, id, user.id) : voidFlaggedEntries(ctx.deps, team, id, user.id);
      if (result.status !== "done") {
        await ctx.answerCallbackQuery({ text: result.status === "gone" ? t.gone : t.alreadyResolved, show_alert: true });
        return setKeyboard(ctx, withRow(ctx, id, null));
      }
      await ctx.answerCallbackQuery();
      await setKeyboard(ctx, withRow(ctx, id, null));
      const [row] = rowsOf(ctx, [{ ...flag }]);
      const line = flagLine(row!, n, team.timezone, ctx.locale);
      await ctx.reply(action === "ok" ? t.markedFine(line) : t.voidedDone(line, t.entries(result.voided)));
      return;
    }
  }
});
