// Replies that carry a table: one Doc, sent as a rich message (native table) where
// the chat takes one, else as the classic HTML with `<pre>` tables.
import type { InlineKeyboardMarkup } from "grammy/types";
import { richOrHtml } from "../delivery/rich.js";
import { type Doc, hasTable } from "../presentation/document/model.js";
import { docToHtml, docToRich } from "../presentation/document/render.js";
import { richGate } from "../services/rich-gate.js";
import type { BotContext } from "./context.js";

export async function replyDoc(ctx: BotContext, d: Doc, extra: { reply_markup?: InlineKeyboardMarkup } = {}): Promise<void> {
  const chatId = ctx.chat!.id;
  // In a group, /me and the like go to the asker alone: ephemeral.ts adds that to every send.
  const more = { ...extra };
  await richOrHtml<unknown>(
    richGate(ctx.deps),
    chatId,
    hasTable(d) ? docToRich(d) : null,
    (rich) => ctx.replyWithRichMessage(rich, more),
    // Tables carry no links worth a preview card.
    () => ctx.reply(docToHtml(d), { link_preview_options: { is_disabled: true }, ...more }),
  );
}
