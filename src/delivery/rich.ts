// Rich messages (native tables) with the classic HTML message as the fallback:
// a chat whose server refuses rich messages is remembered, and gets HTML from then on.
import { type Api, GrammyError } from "grammy";
import type { InputRichMessage, Message } from "grammy/types";

/** Which chats may get a rich message; told when one refuses. */
export interface RichGate {
  allowed(chatId: number): boolean;
  refused(chatId: number, reason: string): void;
}

/** Sends HTML only (RICH_MESSAGES=off, or no gate given). */
export const NO_RICH: RichGate = { allowed: () => false, refused: () => undefined };

/**
 * Telegram's "no" to the rich form itself: an older server (404 method not found)
 * or a 400 about the content. A 400 that moves the group (migrate_to_chat_id) is
 * not: the delivery layer follows it and tries again.
 */
export function isRichRefusal(error: unknown): error is GrammyError {
  if (!(error instanceof GrammyError)) return false;
  if (error.error_code === 404) return true;
  // A 400 about the ephemeral parameters is about who sees it, not about the rich form.
  if (/ephemeral/i.test(error.description)) return false;
  return error.error_code === 400 && typeof error.parameters.migrate_to_chat_id !== "number";
}

type SendExtra = Record<string, unknown>;

/**
 * The one decision: `sendRich` where the gate allows it and there is a rich form;
 * on a refusal the chat is remembered and `sendHtml` goes instead.
 */
export async function richOrHtml<T>(
  gate: RichGate,
  chatId: number,
  rich: InputRichMessage | null | undefined,
  sendRich: (rich: InputRichMessage) => Promise<T>,
  sendHtml: () => Promise<T>,
): Promise<T> {
  if (rich && gate.allowed(chatId)) {
    try {
      return await sendRich(rich);
    } catch (error) {
      // "not modified" (an edit) is a 400 about nothing changing, not a refusal of the form.
      if (!isRichRefusal(error) || /not modified/i.test(error.description)) throw error;
      gate.refused(chatId, `${error.error_code}: ${error.description}`);
    }
  }
  return sendHtml();
}

/**
 * Sends `rich` where the gate allows it; on a refusal remembers the chat and
 * sends `html` (HTML, the Api default: see html-default.ts) instead. `extra` goes with either (thread, markup, ephemeral…).
 */
export async function sendRichOrHtml(
  api: Api,
  gate: RichGate,
  chatId: number,
  rich: InputRichMessage | null | undefined,
  html: string,
  extra: SendExtra = {},
): Promise<Message> {
  return richOrHtml<Message>(
    gate,
    chatId,
    rich,
    (r) => api.sendRichMessage(chatId, r, extra),
    () => api.sendMessage(chatId, html, { ...extra }),
  );
}

/** editMessageText in the same form: a live post edited in place (rich where the chat takes it). */
export async function editRichOrHtml(
  api: Api,
  gate: RichGate,
  chatId: number,
  messageId: number,
  rich: InputRichMessage | null | undefined,
  html: string,
  extra: SendExtra = {},
): Promise<void> {
  await richOrHtml<unknown>(
    gate,
    chatId,
    rich,
    (r) => api.editMessageText(chatId, messageId, r, extra),
    () => api.editMessageText(chatId, messageId, html, { ...extra }),
  );
}
