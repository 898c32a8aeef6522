import type { Message } from "grammy/types";
import { ApiError, badRequest } from "./api-error.js";
import { type FakeState, nowSeconds } from "./fake-state.js";
import type { FormattedText } from "./html-entities.js";
import { botAsUser, describeFile, guessMime, imageSize, newBotMessage, repliedMessage } from "./message-factory.js";
import { echoedMarkup, formatCaption, formatMessageText, validateReplyMarkup } from "./message-validation.js";
import { admitSend, type MethodTable, targetChat } from "./method-table.js";
import { richPlainText, validateEphemeral, validateRichMessage } from "./rich-messages.js";
import type { Payload } from "./types.js";

/** An older server, as `refuseRichMessages` asked: the rich form is refused before anything else. */
function refuseRich(state: FakeState): void {
  if (state.richRefusal) throw new ApiError(state.richRefusal.code, state.richRefusal.description);
}

/**
 * A message that only `receiver` sees: message_id 0, its own ephemeral_message_id,
 * receiver_user; kept (with its buttons) for taps and editEphemeralMessage*.
 */
function ephemeralMessage(
  state: FakeState,
  chatId: number | string,
  receiver: number,
  content: Record<string, unknown>,
  payload: Payload,
): Message {
  const key = String(chatId);
  const id = (state.ephemeralCounter.get(key) ?? 0) + 1;
  state.ephemeralCounter.set(key, id);
  const markup = echoedMarkup(payload.reply_markup);
  const message = {
    message_id: 0,
    ephemeral_message_id: id,
    receiver_user: state.directory.knownUser(receiver),
    from: botAsUser(state),
    chat: state.directory.chat(chatId),
    date: nowSeconds(state),
    ...content,
    ...(markup ? { reply_markup: markup } : {}),
  } as unknown as Message;
  state.ephemeralMessages.set(`${key}:${id}`, message);
  return message;
}

type EphemeralMessage = Message & { ephemeral_message_id: number; receiver_user: { id: number }; rich_message?: unknown };

/**
 * The ephemeral message an editEphemeralMessage* call targets, or Telegram's error.
 * Decided where the docs are silent: an unknown id is "not found", and so is one the
 * message's receiver is not `receiver_user_id` (like another chat's message id).
 */
function ephemeralToEdit(payload: Payload, chatId: number | string, state: FakeState): EphemeralMessage {
  if (typeof payload.receiver_user_id !== "number") throw badRequest("EPHEMERAL_RECEIVER_INVALID: receiver_user_id is required");
  if (typeof payload.ephemeral_message_id !== "number") throw badRequest("message identifier is not specified");
  const message = state.ephemeralMessages.get(`${chatId}:${payload.ephemeral_message_id}`) as EphemeralMessage | undefined;
  if (!message || message.receiver_user.id !== payload.receiver_user_id) throw badRequest("message to edit not found");
  return message;
}

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

/** Telegram's list of emoji a bot may set as a reaction (ReactionTypeEmoji). */
const REACTION_EMOJI = new Set([
  "👍",
  "👎",
  "❤",
  "🔥",
  "🥰",
  "👏",
  "😁",
  "🤔",
  "🤯",
  "😱",
  "🤬",
  "😢",
  "🎉",
  "🤩",
  "🤮",
  "💩",
  "🙏",
  "👌",
  "🕊",
  "🤡",
  "🥱",
  "🥴",
  "😍",
  "🐳",
  "❤‍🔥",
  "🌚",
  "🌭",
  "💯",
  "🤣",
  "⚡",
  "🍌",
  "🏆",
  "💔",
  "🤨",
  "😐",
  "🍓",
  "🍾",
  "💋",
  "🖕",
  "😈",
  "😴",
  "😭",
  "🤓",
  "👻",
  "👨‍💻",
  "👀",
  "🎃",
  "🙈",
  "😇",
  "😨",
  "🤝",
  "✍",
  "🤗",
  "🫡",
  "🎅",
  "🎄",
  "☃",
  "💅",
  "🤪",
  "🗿",
  "🆒",
  "💘",
  "🙉",
  "🦄",
  "😘",
  "💊",
  "🙊",
  "😎",
  "👾",
  "🤷‍♂",
  "🤷",
  "🤷‍♀",
  "😡",
]);

/** text + entities fields of a Message; entities omitted when there are none, like Telegram. */
function textFields(formatted: FormattedText, key: "text" | "caption"): Record<string, unknown> {
  const entitiesKey = key === "text" ? "entities" : "caption_entities";
  return formatted.entities.length > 0 ? { [key]: formatted.text, [entitiesKey]: formatted.entities } : { [key]: formatted.text };
}

/** The bot's own stored message that an edit targets, or Telegram's error. */
function messageToEdit(payload: Payload, chatId: number | string, state: FakeState): Message {
  if (typeof payload.message_id !== "number") throw badRequest("message identifier is not specified");
  const message = state.messages.get(chatId, payload.message_id);
  if (!message) throw badRequest("message to edit not found");
  if (message.from?.id !== state.botInfo.id) throw badRequest("message can't be edited");
  return message;
}

type DescribedFile = ReturnType<typeof describeFile>;

/**
 * sendPhoto and sendDocument: the same checks in Telegram's order (chat, file,
 * caption, markup, replied message, rate limit); only the media field differs.
 */
function sendFile(payload: Payload, state: FakeState, kind: "photo" | "document", media: (file: DescribedFile) => object): Message {
  const chatId = targetChat(payload, state);
  const file = describeFile(state, payload[kind], kind);
  const caption = formatCaption(payload);
  validateReplyMarkup(payload.reply_markup);
  const replyTo = repliedMessage(state, chatId, payload);
  admitSend(state, chatId);
  const content = { ...media(file), ...(caption ? textFields(caption, "caption") : {}) };
  const message = newBotMessage(state, chatId, payload, content, replyTo);
  const method = kind === "photo" ? "sendPhoto" : "sendDocument";
  state.delivery.recordDelivery(chatId, `${method}\u0000${caption?.text ?? ""}\u0000${file.contentKey}`);
  return message;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const messageMethods: MethodTable = {
  sendMessage(payload, { state }) {
    const chatId = targetChat(payload, state);
    const formatted = formatMessageText(payload);
    validateReplyMarkup(payload.reply_markup);
    const ephemeral = validateEphemeral(state, state.directory.chat(chatId), payload);
    const replyTo = repliedMessage(state, chatId, payload);
    admitSend(state, chatId);
    if (ephemeral) {
      state.delivery.recordDelivery(chatId, `sendMessage\u0000ephemeral:${ephemeral.receiver}\u0000${formatted.text}`);
      return ephemeralMessage(state, chatId, ephemeral.receiver, textFields(formatted, "text"), payload);
    }
    const message = newBotMessage(state, chatId, payload, textFields(formatted, "text"), replyTo);
    state.delivery.recordDelivery(chatId, `sendMessage\u0000${formatted.text}`);
    return message;
  },

  sendRichMessage(payload, { state }) {
    refuseRich(state);
    const chatId = targetChat(payload, state);
    validateRichMessage(payload.rich_message);
    validateReplyMarkup(payload.reply_markup);
    const ephemeral = validateEphemeral(state, state.directory.chat(chatId), payload);
    const replyTo = repliedMessage(state, chatId, payload);
    admitSend(state, chatId);
    // The stored rich_message is the input as sent (Telegram answers with its parsed RichMessage).
    const content = { rich_message: payload.rich_message };
    state.delivery.recordDelivery(chatId, `sendRichMessage\u0000${richPlainText(payload.rich_message)}`);
    if (ephemeral) return ephemeralMessage(state, chatId, ephemeral.receiver, content, payload);
    return newBotMessage(state, chatId, payload, content, replyTo);
  },

  sendPhoto(payload, { state }) {
    return sendFile(payload, state, "photo", (file) => {
      const size = { ...imageSize(file.upload?.bytes), ...(file.upload ? { file_size: file.upload.size } : {}) };
      return { photo: [{ file_id: file.fileId, file_unique_id: file.uniqueId, ...size }] };
    });
  },

  sendDocument(payload, { state }) {
    return sendFile(payload, state, "document", (file) => {
      const upload = file.upload;
      const document = {
        file_id: file.fileId,
        file_unique_id: file.uniqueId,
        ...(upload ? { file_name: upload.filename, mime_type: guessMime(upload), file_size: upload.size } : {}),
      };
      return { document };
    });
  },

  editMessageText(payload, { state }) {
    if (payload.inline_message_id !== undefined) return true; // inline messages are not stored
    const chatId = targetChat(payload, state);
    const message = messageToEdit(payload, chatId, state);
    const stored = message as Message & { rich_message?: unknown };
    if (message.text === undefined && stored.rich_message === undefined) throw badRequest("there is no text in the message to edit");
    if (payload.rich_message !== undefined) {
      // A text or rich message becomes (or stays) rich: the same checks as sendRichMessage.
      refuseRich(state);
      if (payload.text !== undefined) throw badRequest("RICH_MESSAGE_INVALID: pass either text or rich_message");
      validateRichMessage(payload.rich_message);
      validateReplyMarkup(payload.reply_markup);
      const markup = echoedMarkup(payload.reply_markup);
      if (sameJson(stored.rich_message, payload.rich_message) && sameJson(message.reply_markup, markup)) throw badRequest(NOT_MODIFIED);
      admitSend(state, chatId);
      const { text: _t, entities: _e, reply_markup: _m, ...rest } = stored;
      const edited = {
        ...rest,
        rich_message: payload.rich_message,
        ...(markup ? { reply_markup: markup } : {}),
        edit_date: nowSeconds(state),
      } as Message;
      state.messages.save(edited);
      return edited;
    }
    const formatted = formatMessageText(payload);
    validateReplyMarkup(payload.reply_markup);
    const markup = echoedMarkup(payload.reply_markup);
    if (
      stored.rich_message === undefined &&
      message.text === formatted.text &&
      sameJson(message.entities ?? [], formatted.entities) &&
      sameJson(message.reply_markup, markup)
    ) {
      throw badRequest(NOT_MODIFIED);
    }
    admitSend(state, chatId);
    // Omitting reply_markup in an edit removes the inline keyboard, as on Telegram.
    const { entities: _e, reply_markup: _m, rich_message: _r, ...rest } = stored;
    const edited = {
      ...rest,
      ...textFields(formatted, "text"),
      ...(markup ? { reply_markup: markup } : {}),
      edit_date: nowSeconds(state),
    } as Message;
    state.messages.save(edited);
    return edited;
  },

  // Edits of a message only its receiver sees: addressed by chat, receiver and
  // ephemeral_message_id (an ephemeral message has no message_id); `true` on success.
  editEphemeralMessageText(payload, { state }) {
    const chatId = targetChat(payload, state);
    const message = ephemeralToEdit(payload, chatId, state);
    if (payload.message_id !== undefined) throw badRequest("MESSAGE_ID_INVALID: ephemeral messages are edited by ephemeral_message_id");
    if (payload.rich_message !== undefined && payload.text !== undefined)
      throw badRequest("RICH_MESSAGE_INVALID: pass either text or rich_message");
    validateReplyMarkup(payload.reply_markup);
    const markup = echoedMarkup(payload.reply_markup);
    const { text: _t, entities: _e, reply_markup: _m, rich_message: _r, ...rest } = message;
    let content: Record<string, unknown>;
    if (payload.rich_message !== undefined) {
      refuseRich(state);
      validateRichMessage(payload.rich_message);
      if (sameJson(message.rich_message, payload.rich_message) && sameJson(message.reply_markup, markup)) throw badRequest(NOT_MODIFIED);
      content = { rich_message: payload.rich_message };
    } else {
      const formatted = formatMessageText(payload);
      if (
        message.rich_message === undefined &&
        message.text === formatted.text &&
        sameJson(message.entities ?? [], formatted.entities) &&
        sameJson(message.reply_markup, markup)
      )
        throw badRequest(NOT_MODIFIED);
      content = textFields(formatted, "text");
    }
    admitSend(state, chatId);
    const edited = { ...rest, ...content, ...(markup ? { reply_markup: markup } : {}), edit_date: nowSeconds(state) } as Message;
    state.ephemeralMessages.set(`${chatId}:${message.ephemeral_message_id}`, edited);
    return true;
  },

  editEphemeralMessageReplyMarkup(payload, { state }) {
    const chatId = targetChat(payload, state);
    const message = ephemeralToEdit(payload, chatId, state);
    validateReplyMarkup(payload.reply_markup);
    const markup = echoedMarkup(payload.reply_markup);
    if (sameJson(message.reply_markup, markup)) throw badRequest(NOT_MODIFIED);
    const { reply_markup: _m, ...rest } = message;
    const edited = { ...rest, ...(markup ? { reply_markup: markup } : {}), edit_date: nowSeconds(state) } as Message;
    state.ephemeralMessages.set(`${chatId}:${message.ephemeral_message_id}`, edited);
    return true;
  },

  editMessageReplyMarkup(payload, { state }) {
    if (payload.inline_message_id !== undefined) return true;
    const chatId = targetChat(payload, state);
    const message = messageToEdit(payload, chatId, state);
    validateReplyMarkup(payload.reply_markup);
    const markup = echoedMarkup(payload.reply_markup);
    if (sameJson(message.reply_markup, markup)) throw badRequest(NOT_MODIFIED);
    const { reply_markup: _m, ...rest } = message;
    const edited = { ...rest, ...(markup ? { reply_markup: markup } : {}), edit_date: nowSeconds(state) } as Message;
    state.messages.save(edited);
    return edited;
  },

  deleteMessage(payload, { state }) {
    const chatId = targetChat(payload, state);
    if (typeof payload.message_id !== "number") throw badRequest("message identifier is not specified");
    if (!state.messages.delete(chatId, payload.message_id)) throw badRequest("message to delete not found");
    return true;
  },

  setMessageReaction(payload, { state }) {
    const chatId = targetChat(payload, state);
    if (typeof payload.message_id !== "number") throw badRequest("message identifier is not specified");
    if (!state.messages.get(chatId, payload.message_id)) throw badRequest("MESSAGE_ID_INVALID");
    const reaction: unknown = payload.reaction ?? [];
    if (!Array.isArray(reaction)) throw badRequest('field "reaction" must be an Array');
    // A bot sets at most one reaction per message.
    if (reaction.length > 1) throw badRequest("REACTIONS_TOO_MANY");
    for (const r of reaction as { type?: unknown; emoji?: unknown }[]) {
      if (r?.type !== "emoji" || typeof r.emoji !== "string" || !REACTION_EMOJI.has(r.emoji)) throw badRequest("REACTION_INVALID");
    }
    return true;
  },

  sendChatAction(payload, { state }) {
    targetChat(payload, state);
    if (!CHAT_ACTIONS.has(String(payload.action))) throw badRequest("wrong parameter action in request");
    return true;
  },

  answerCallbackQuery(payload, { state }) {
    const id = String(payload.callback_query_id ?? "");
    // Unknown ids and second answers both get this error from Telegram.
    if (state.callbackQueries.get(id) !== false) {
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    state.callbackQueries.set(id, true);
    return true;
  },
};
