import type { CallbackQuery, Chat, Message, MessageEntity, User } from "grammy/types";
import { type FakeState, nowSeconds } from "./fake-state.js";
import { botAsUser } from "./message-factory.js";
import { nextId } from "./method-table.js";
import type { ChatMemberStatus, SendTextOptions } from "./types.js";

const COMMAND_RE = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/;

/** Telegram marks a leading "/command" or "/command@botname" with a bot_command entity; grammY's bot.command() relies on it. */
export function commandEntities(text: string): MessageEntity[] {
  const match = COMMAND_RE.exec(text);
  return match ? [{ type: "bot_command", offset: 0, length: match[0].length }] : [];
}

/** An incoming user text message, numbered in the chat's shared message_id sequence. */
export function buildTextMessage(state: FakeState, from: User, chat: Chat, text: string, opts: SendTextOptions = {}): Message {
  const entities = commandEntities(text);
  const message: Record<string, unknown> = {
    message_id: state.messages.nextId(chat.id),
    from,
    chat,
    date: opts.date ?? nowSeconds(state),
    text,
    ...(entities.length > 0 ? { entities } : {}),
  };
  if (opts.message_thread_id !== undefined) {
    message.message_thread_id = opts.message_thread_id;
    if (chat.type === "supergroup" && chat.is_forum) message.is_topic_message = true;
  }
  if (opts.reply_to_message !== undefined) message.reply_to_message = opts.reply_to_message;
  if (opts.forward_origin !== undefined) message.forward_origin = opts.forward_origin;
  if (opts.via_bot !== undefined) message.via_bot = opts.via_bot;
  const result = message as unknown as Message;
  state.messages.save(result);
  return result;
}

/**
 * A button press on a message. The stored message (with the keyboard the bot
 * really sent, after edits) is preferred over the caller's copy, and pressing a
 * button that is not on it is a test bug, reported right away.
 */
export function buildCallbackQuery(
  state: FakeState,
  from: User,
  chat: Chat,
  message: { message_id: number; text?: string; ephemeral_message_id?: number },
  data: string,
  forged = false,
): CallbackQuery {
  // An ephemeral message (message_id 0) is found by its ephemeral id; only its receiver sees its buttons.
  const stored =
    message.ephemeral_message_id !== undefined
      ? state.ephemeralMessages.get(`${chat.id}:${message.ephemeral_message_id}`)
      : state.messages.get(chat.id, message.message_id);
  const receiver = (stored as { receiver_user?: User } | undefined)?.receiver_user;
  if (!forged && receiver && receiver.id !== from.id)
    throw new Error(
      `clickButton: ephemeral message ${message.ephemeral_message_id} in chat ${chat.id} is seen only by user ${receiver.id}`,
    );
  const keyboard = (stored?.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard;
  if (!forged && keyboard && !keyboard.flat().some((b) => b.callback_data === data)) {
    const offered = keyboard
      .flat()
      .map((b) => b.callback_data)
      .filter((d) => d !== undefined);
    throw new Error(
      `clickButton: message ${message.message_id} in chat ${chat.id} has no button with callback_data ${JSON.stringify(data)}; ` +
        `its buttons carry ${JSON.stringify(offered)}`,
    );
  }
  const id = String(nextId(state));
  state.callbackQueries.set(id, false);
  state.callbackQueryFrom.set(id, from.id);
  const fallback = {
    message_id: message.message_id,
    from: botAsUser(state),
    chat,
    date: nowSeconds(state),
    ...(message.text !== undefined ? { text: message.text } : {}),
  } as Message;
  return { id, from, message: stored ?? fallback, chat_instance: String(chat.id), data };
}

/** An incoming message with arbitrary content (sticker, voice, service fields). */
export function buildMessage(state: FakeState, from: User, chat: Chat, content: Record<string, unknown>): Message {
  const message = { message_id: state.messages.nextId(chat.id), from, chat, date: nowSeconds(state), ...content } as unknown as Message;
  state.messages.save(message);
  return message;
}

/** The user's earlier message with new text, as Telegram sends it in `edited_message`. */
export function buildEditedMessage(state: FakeState, from: User, chat: Chat, messageId: number, text: string): Message {
  const original = state.messages.get(chat.id, messageId);
  const entities = commandEntities(text);
  const edited = {
    ...(original ?? { message_id: messageId, from, chat, date: nowSeconds(state) }),
    text,
    edit_date: nowSeconds(state),
    ...(entities.length > 0 ? { entities } : {}),
  } as unknown as Message;
  if (entities.length === 0) delete (edited as { entities?: unknown }).entities;
  state.messages.save(edited);
  return edited;
}

/** A `chat_member` update: old and new status of `user` in `chat`, changed by `by`. */
export function buildChatMemberUpdated(
  state: FakeState,
  chat: Chat,
  user: User,
  oldStatus: ChatMemberStatus,
  status: ChatMemberStatus,
  by: User,
) {
  const member = (s: ChatMemberStatus) =>
    s === "kicked"
      ? { status: s, user, until_date: 0 }
      : s === "administrator"
        ? { status: s, user, can_be_edited: false, is_anonymous: false }
        : { status: s, user };
  return { chat, from: by, date: nowSeconds(state), old_chat_member: member(oldStatus), new_chat_member: member(status) };
}
