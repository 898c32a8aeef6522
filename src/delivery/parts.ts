// An Outgoing becomes one or two Bot API sends ("parts"); each part counts
// against the rate limits on its own.
import { type Api, InputFile } from "grammy";
import type { InputRichMessage } from "grammy/types";
import { MAX_CAPTION_CHARS, MAX_TEXT_CHARS, visibleLength } from "./html-text.js";
import { NO_RICH, type RichGate, sendRichOrHtml } from "./rich.js";
import type { Outgoing } from "./types.js";

export type Part =
  | { kind: "text"; html: string; rich?: InputRichMessage | null }
  | { kind: "photo"; photo: { data: Buffer; filename: string }; caption?: string };

/**
 * A photo takes its text as caption when it fits (1024 visible chars);
 * otherwise the photo goes first without caption and the text follows as a
 * message, so the chart still sits right above its explanation.
 */
export function planParts(msg: Outgoing): Part[] {
  if (!msg.photo) return [{ kind: "text", html: msg.html, ...(msg.rich ? { rich: msg.rich } : {}) }];
  const length = visibleLength(msg.html);
  if (length === 0) return [{ kind: "photo", photo: msg.photo }];
  if (length <= MAX_CAPTION_CHARS) return [{ kind: "photo", photo: msg.photo, caption: msg.html }];
  return [
    { kind: "photo", photo: msg.photo },
    { kind: "text", html: msg.html, ...(msg.rich ? { rich: msg.rich } : {}) },
  ];
}

/** Refusals Telegram would answer with 400; caught before spending a rate-limit slot. */
export function invalidReason(msg: Outgoing, parts: Part[]): string | undefined {
  if (!Number.isSafeInteger(msg.chatId) || msg.chatId === 0) return `invalid chat id ${String(msg.chatId)}`;
  if (msg.photo && msg.photo.data.length === 0) return "photo is empty";
  if (msg.photo && msg.ephemeralTo !== undefined) return "an ephemeral message carries no photo here";
  for (const part of parts) {
    if (part.kind !== "text") continue;
    const length = visibleLength(part.html);
    if (length === 0) return "message text is empty";
    if (length > MAX_TEXT_CHARS) return `message is too long (${length} > ${MAX_TEXT_CHARS} visible chars)`;
  }
  return undefined;
}

/** Sends one part; resolves with the new message id. */
export async function sendPart(
  api: Api,
  chatId: number,
  threadId: number | undefined,
  part: Part,
  opts: { rich?: RichGate; ephemeralTo?: number | undefined } = {},
): Promise<number> {
  const thread = threadId !== undefined ? { message_thread_id: threadId } : {};
  if (part.kind === "text") {
    const ephemeral = opts.ephemeralTo !== undefined ? { ephemeral_message_parameters: { receiver_user_id: opts.ephemeralTo } } : {};
    const message = await sendRichOrHtml(api, opts.rich ?? NO_RICH, chatId, part.rich, part.html, { ...thread, ...ephemeral });
    return message.message_id;
  }
  const caption = part.caption !== undefined ? { caption: part.caption } : {};
  const message = await api.sendPhoto(chatId, new InputFile(part.photo.data, part.photo.filename), { ...thread, ...caption });
  return message.message_id;
}
