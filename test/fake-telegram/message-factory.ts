import { createHash } from "node:crypto";
import type { Message, User } from "grammy/types";
import { badRequest } from "./api-error.js";
import { type FakeState, nowSeconds } from "./fake-state.js";
import { echoedMarkup } from "./message-validation.js";
import { nextId } from "./method-table.js";
import type { Payload, UploadedFile } from "./types.js";

export function botAsUser(state: FakeState): User {
  const { id, first_name, username } = state.botInfo;
  return { id, is_bot: true, first_name, username };
}

/**
 * A Message as Telegram returns it for a bot send: per-chat message_id, date,
 * chat, from = bot, inline keyboard echoed, thread and reply echoed.
 * `content` carries the type-specific fields (text/entities, photo/caption, ...);
 * `replyTo` comes from `repliedMessage`, which must run before `admitSend`.
 */
export function newBotMessage(
  state: FakeState,
  chatId: number | string,
  payload: Payload,
  content: Record<string, unknown>,
  replyTo: Message | undefined,
): Message {
  const chat = state.directory.chat(chatId);
  const message: Record<string, unknown> = {
    message_id: state.messages.nextId(chat.id),
    from: botAsUser(state),
    chat,
    date: nowSeconds(state),
    ...content,
  };
  if (typeof payload.message_thread_id === "number") {
    message.message_thread_id = payload.message_thread_id;
    if (chat.type === "supergroup" && chat.is_forum) message.is_topic_message = true;
  }
  if (replyTo) message.reply_to_message = replyTo;
  const markup = echoedMarkup(payload.reply_markup);
  if (markup) message.reply_markup = markup;
  const result = message as unknown as Message;
  state.messages.save(result);
  return result;
}

/** reply_parameters / reply_to_message_id must point at an existing message unless explicitly allowed. */
export function repliedMessage(state: FakeState, chatId: number | string, payload: Payload): Message | undefined {
  const params = (payload.reply_parameters ?? {}) as { message_id?: number; allow_sending_without_reply?: boolean };
  const messageId = params.message_id ?? payload.reply_to_message_id;
  if (typeof messageId !== "number") return undefined;
  const found = state.messages.get(chatId, messageId);
  const allowMissing = params.allow_sending_without_reply ?? payload.allow_sending_without_reply;
  if (!found && !allowMissing) throw badRequest("message to be replied not found");
  if (!found) return undefined;
  // Telegram does not nest replies inside reply_to_message.
  const { reply_to_message: _ignored, ...flat } = found as Message & { reply_to_message?: unknown };
  return flat as Message;
}

function isUpload(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && Buffer.isBuffer((value as UploadedFile).bytes);
}

/**
 * File fields of sendPhoto/sendDocument: an upload, a file_id or a URL.
 * Returns a stable file_id plus a key used for duplicate detection.
 */
export function describeFile(
  state: FakeState,
  value: unknown,
  field: "photo" | "document",
): { fileId: string; uniqueId: string; upload?: UploadedFile; contentKey: string } {
  if (isUpload(value)) {
    if (value.size === 0) throw badRequest("file must be non-empty");
    const hash = createHash("sha1").update(value.bytes).digest("hex").slice(0, 16);
    const n = nextId(state);
    return { fileId: `fake-${field}-${n}`, uniqueId: `u-${hash}`, upload: value, contentKey: `sha1:${hash}` };
  }
  if (typeof value === "string" && value !== "") {
    const isUrl = /^https?:\/\//.test(value);
    const fileId = isUrl ? `fake-${field}-${nextId(state)}` : value;
    return { fileId, uniqueId: `u-${value.slice(-16)}`, contentKey: `ref:${value}` };
  }
  throw badRequest(`there is no ${field} in the request`);
}

/** Reads width/height from a PNG header so charts come back with real dimensions. */
export function imageSize(bytes: Buffer | undefined): { width: number; height: number } {
  const isPng = bytes && bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString("ascii", 12, 16) === "IHDR";
  return isPng ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : { width: 800, height: 600 };
}

const MIME_BY_EXTENSION: Record<string, string> = {
  csv: "text/csv",
  txt: "text/plain",
  json: "application/json",
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** grammY always sends application/octet-stream; Telegram derives the type from the name. */
export function guessMime(upload: UploadedFile): string {
  if (upload.mime !== "application/octet-stream") return upload.mime;
  const extension = /\.([a-z0-9]+)$/i.exec(upload.filename)?.[1]?.toLowerCase() ?? "";
  return MIME_BY_EXTENSION[extension] ?? upload.mime;
}
