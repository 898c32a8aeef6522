import type { MessageEntity } from "grammy/types";
import { badRequest } from "./api-error.js";
import { type FormattedText, parseHtml } from "./html-entities.js";
import type { Payload } from "./types.js";

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;
const MAX_CALLBACK_DATA_BYTES = 64;

/** Button fields that give an inline button an action; a button without one is refused. */
const BUTTON_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

/** chat_id is required by every chat-targeting method; Telegram answers "chat not found". */
export function requireChatId(payload: Payload): number | string {
  const chatId: unknown = payload.chat_id;
  if (typeof chatId === "number" || (typeof chatId === "string" && chatId.trim() !== "")) {
    // Numeric strings (from form uploads or sloppy callers) address the same chat.
    return typeof chatId === "string" && /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
  }
  throw badRequest("chat not found");
}

/** Validates `text` + `parse_mode`/`entities` and returns what the user would see. */
export function formatMessageText(payload: Payload): FormattedText {
  const raw = typeof payload.text === "string" ? payload.text : "";
  const formatted = format(raw, payload.parse_mode, payload.entities);
  if (formatted.text.length === 0) throw badRequest("message text is empty");
  if (formatted.text.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
  return formatted;
}

/** Same for `caption` (optional) of media messages. */
export function formatCaption(payload: Payload): FormattedText | undefined {
  if (typeof payload.caption !== "string") return undefined;
  const formatted = format(payload.caption, payload.parse_mode, payload.caption_entities);
  if (formatted.text.length > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long");
  return formatted.text.length > 0 ? formatted : undefined;
}

function format(raw: string, parseMode: unknown, entities: unknown): FormattedText {
  let formatted: FormattedText;
  if (parseMode === undefined || parseMode === "" || Array.isArray(entities)) {
    formatted = { text: raw, entities: Array.isArray(entities) ? (entities as MessageEntity[]) : [] };
  } else if (typeof parseMode === "string" && parseMode.toLowerCase() === "html") {
    formatted = parseHtml(raw);
  } else if (parseMode === "MarkdownV2" || parseMode === "Markdown") {
    // Not parsed: lengths are measured on the raw text, i.e. slightly stricter than Telegram.
    formatted = { text: raw, entities: [] };
  } else {
    throw badRequest(`unsupported parse_mode`);
  }
  return trim(formatted);
}

/** Telegram strips leading/trailing whitespace before storing (and measuring) a text. */
function trim({ text, entities }: FormattedText): FormattedText {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (lead === 0 && trimmed.length === text.length) return { text, entities };
  const shifted = entities
    .map((e) => {
      const start = Math.max(e.offset - lead, 0);
      const end = Math.min(e.offset + e.length - lead, trimmed.length);
      return { ...e, offset: start, length: end - start };
    })
    .filter((e) => e.length > 0);
  return { text: trimmed, entities: shifted };
}

/** Checks inline keyboards the way Telegram does before accepting a message. */
export function validateReplyMarkup(markup: unknown): void {
  if (typeof markup !== "object" || markup === null || !("inline_keyboard" in markup)) return;
  const keyboard: unknown = markup.inline_keyboard;
  if (!Array.isArray(keyboard) || !keyboard.every(Array.isArray)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  }
  for (const button of (keyboard as unknown[][]).flat()) {
    const b = (typeof button === "object" && button !== null ? button : {}) as Record<string, unknown>;
    if (!BUTTON_ACTIONS.some((field) => field in b)) {
      throw badRequest("text buttons are unallowed in the inline keyboard");
    }
    if ("callback_data" in b) {
      const bytes = typeof b.callback_data === "string" ? Buffer.byteLength(b.callback_data) : 0;
      if (bytes === 0 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest("BUTTON_DATA_INVALID");
    }
  }
}

/** Only inline keyboards are part of a Message; reply keyboards are not echoed back. */
export function echoedMarkup(markup: unknown): unknown {
  return typeof markup === "object" && markup !== null && "inline_keyboard" in markup ? markup : undefined;
}
