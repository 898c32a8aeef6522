import type { Conversation } from "@grammyjs/conversations";
import type { Context } from "grammy";
import { messages } from "../../presentation/i18n/index.js";
import type { BotContext } from "../context.js";
import { allButtonLabels } from "../keyboards/logging.js";
import { foreignReason } from "../middlewares/ignore-foreign.js";

const KEYBOARD_LABELS = new Set(allButtonLabels(Object.values(messages)));

/** The conversation handle every guided flow gets. */
export type FlowConversation = Conversation<BotContext, Context>;

/** A command or a tap on the persistent keyboard: a new request, never an answer to a flow. */
export function isNewRequest(text: string | undefined): boolean {
  return text !== undefined && (text.startsWith("/") || KEYBOARD_LABELS.has(text));
}

export type Answer = { kind: "button"; value: string; ctx: Context } | { kind: "text"; text: string; ctx: Context };

export interface WaitOptions {
  /** Whose answers count: others' updates pass on to the rest of the bot. */
  userId: number;
  /** Callback data of our buttons start with this; the rest is the answer's value. */
  prefix: string;
  /** The value (after the prefix) of the Cancel button. */
  cancel: string;
  cancelledText: string;
  /** Whether typed text is an answer here (else it is ignored). */
  acceptText: boolean;
  /** Said to the user when they send something we can't take (a sticker, a photo). */
  expectText?: string;
}

/**
 * Waits for this user's answer in a guided flow: a tap on one of the flow's
 * buttons or typed text. Cancel ends the flow; a command ends it and is then
 * handled by the bot as usual, so /me mid-flow still works.
 */
export async function waitForAnswer(conversation: FlowConversation, o: WaitOptions): Promise<Answer> {
  for (;;) {
    const next = await conversation.wait();
    if (next.from?.id !== o.userId) await conversation.skip({ next: true });
    // A forward is someone else's words, never an answer (only /kb add's content step takes one).
    if (next.message && foreignReason(next.message)) await conversation.skip({ next: true });
    const data = next.callbackQuery?.data;
    if (data?.startsWith(o.prefix)) {
      await next.answerCallbackQuery();
      const value = data.slice(o.prefix.length);
      if (value === o.cancel) {
        await next.editMessageReplyMarkup().catch(() => undefined);
        await next.reply(o.cancelledText);
        return conversation.halt();
      }
      return { kind: "button", value, ctx: next };
    }
    const text = next.message?.text;
    if (isNewRequest(text)) {
      await next.reply(o.cancelledText);
      return conversation.halt({ next: true });
    }
    if (text !== undefined && o.acceptText) return { kind: "text", text, ctx: next };
    if (data !== undefined || !o.expectText) await conversation.skip({ next: true });
    await next.reply(o.expectText!);
  }
}
