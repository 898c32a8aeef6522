import type { Chat, User } from "grammy/types";
import type { ChatMemberStatus, GroupOptions, UserOptions } from "./types.js";

/** Supergroup ids look like -100xxxxxxxxxx; anything at or below this is one. */
const SUPERGROUP_ID_LIMIT = -1_000_000_000_000;

/**
 * Users, chats and memberships the test has described. Unknown ids are not an
 * error: Telegram knows every chat, so the fake synthesises a plausible one
 * rather than forcing each test to register every chat it touches.
 */
export class ChatDirectory {
  private readonly users = new Map<number, User>();
  private readonly chats = new Map<number, Chat>();
  private readonly members = new Map<string, ChatMemberStatus>();

  user(id: number, opts: UserOptions = {}): User {
    const existing = this.users.get(id);
    const user: User = { ...(existing ?? { id, is_bot: false, first_name: `User ${id}` }), ...opts };
    this.users.set(id, user);
    return user;
  }

  knownUser(id: number): User {
    return this.users.get(id) ?? { id, is_bot: false, first_name: `User ${id}` };
  }

  privateChat(user: User): Chat.PrivateChat {
    const chat: Chat.PrivateChat = { id: user.id, type: "private", first_name: user.first_name };
    if (user.last_name !== undefined) chat.last_name = user.last_name;
    if (user.username !== undefined) chat.username = user.username;
    this.users.set(user.id, this.users.get(user.id) ?? user);
    this.chats.set(chat.id, chat);
    return chat;
  }

  group(id: number, title = "Test group", opts: GroupOptions = {}): Chat.GroupChat | Chat.SupergroupChat {
    if (id >= 0) throw new Error(`group(): group chat ids are negative, got ${id}`);
    // Forums only exist in supergroups.
    const type = opts.type ?? (opts.is_forum || id <= SUPERGROUP_ID_LIMIT ? "supergroup" : "group");
    const chat: Chat.GroupChat | Chat.SupergroupChat =
      type === "supergroup" ? { id, type, title, ...(opts.is_forum ? { is_forum: true as const } : {}) } : { id, type, title };
    this.chats.set(id, chat);
    return chat;
  }

  chat(id: number | string): Chat {
    if (typeof id === "string") return { id: -1, type: "channel", title: id, username: id.replace(/^@/, "") };
    const known = this.chats.get(id);
    if (known) return known;
    if (id > 0) return this.privateChat(this.knownUser(id));
    return this.group(id);
  }

  setMember(chatId: number, userId: number, status: ChatMemberStatus): void {
    this.members.set(`${chatId}:${userId}`, status);
  }

  memberStatus(chatId: number | string, userId: number): ChatMemberStatus {
    return this.members.get(`${chatId}:${userId}`) ?? "member";
  }
}
