import { badRequest } from "./api-error.js";
import { botAsUser } from "./message-factory.js";
import { requireChatId } from "./message-validation.js";
import type { MethodTable } from "./method-table.js";
import type { ChatMemberStatus } from "./types.js";

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

export const chatMethods: MethodTable = {
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
