import { badRequest } from "./api-error.js";
import type { FakeState } from "./fake-state.js";
import { botAsUser } from "./message-factory.js";
import { requireChatId } from "./message-validation.js";
import { type MethodTable, targetChat } from "./method-table.js";
import type { ChatMemberStatus, Payload } from "./types.js";

/** Rights of an administrator set with setChatMember(..., "administrator"). */
const ADMIN_RIGHTS = {
  can_be_edited: false,
  is_anonymous: false,
  can_manage_chat: true,
  can_delete_messages: true,
  can_manage_video_chats: true,
  can_restrict_members: true,
  can_promote_members: false,
  can_change_info: true,
  can_invite_users: true,
  can_post_stories: false,
  can_edit_stories: false,
  can_delete_stories: false,
  can_pin_messages: true,
  can_manage_topics: false,
};

function memberFields(status: ChatMemberStatus): Record<string, unknown> {
  switch (status) {
    case "creator":
      return { is_anonymous: false };
    case "administrator":
      return ADMIN_RIGHTS;
    case "kicked":
      return { until_date: 0 };
    default:
      return {};
  }
}

/**
 * Pinning needs the "pin messages" right in groups (the creator has every right; an
 * administrator set up by the tests has can_pin_messages); the private chat with the
 * bot always allows it. Checked in Telegram's order: chat, rights, message.
 */
function pinTarget(payload: Payload, state: FakeState, what: "pin" | "unpin"): { key: string; messageId: number | undefined } {
  const chatId = targetChat(payload, state);
  const chat = state.directory.chat(chatId);
  if (chat.type !== "private") {
    const status = state.directory.memberStatus(chatId, state.botInfo.id);
    if (status !== "creator" && status !== "administrator") throw badRequest("not enough rights to manage pinned messages in the chat");
  }
  const messageId = payload.message_id;
  if (messageId === undefined && what === "unpin") return { key: String(chatId), messageId: undefined };
  if (typeof messageId !== "number") throw badRequest("message identifier is not specified");
  if (!state.messages.get(chatId, messageId)) throw badRequest(`message to ${what} not found`);
  return { key: String(chatId), messageId };
}

export const chatMethods: MethodTable = {
  pinChatMessage(payload, { state }) {
    const { key, messageId } = pinTarget(payload, state, "pin");
    const list = (state.pinned.get(key) ?? []).filter((id) => id !== messageId);
    state.pinned.set(key, [...list, messageId!]);
    return true;
  },

  /** Without message_id: the most recently pinned message. */
  unpinChatMessage(payload, { state }) {
    const { key, messageId } = pinTarget(payload, state, "unpin");
    const list = state.pinned.get(key) ?? [];
    const target = messageId ?? list.at(-1);
    if (target === undefined || !list.includes(target)) throw badRequest("message to unpin not found");
    state.pinned.set(
      key,
      list.filter((id) => id !== target),
    );
    return true;
  },

  getChat(payload, { state }) {
    const chat = state.directory.chat(requireChatId(payload));
    // Enough of ChatFullInfo for bots that only read id/type/title/name.
    return {
      ...chat,
      accent_color_id: 0,
      max_reaction_count: 11,
      accepted_gift_types: {
        unlimited_gifts: false,
        limited_gifts: false,
        unique_gifts: false,
        premium_subscription: false,
      },
    };
  },

  getChatMember(payload, { state }) {
    const chatId = requireChatId(payload);
    const userId: unknown = payload.user_id;
    if (typeof userId !== "number") throw badRequest("invalid user_id specified");
    const status = state.directory.memberStatus(chatId, userId);
    const user = userId === state.botInfo.id ? botAsUser(state) : state.directory.knownUser(userId);
    return { status, user, ...memberFields(status) };
  },
};
