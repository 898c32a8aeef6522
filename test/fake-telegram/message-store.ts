import type { Message } from "grammy/types";

/**
 * Messages per chat. Telegram numbers messages per chat, shared by the user's
 * and the bot's messages, so both go through `nextId` here. Bot messages are
 * kept so callback queries and edits can refer to the real message.
 */
export class MessageStore {
  private readonly chats = new Map<string, { lastId: number; messages: Map<number, Message> }>();

  nextId(chatId: number | string): number {
    const chat = this.chat(chatId);
    return ++chat.lastId;
  }

  save(message: Message): void {
    const chat = this.chat(message.chat.id);
    chat.lastId = Math.max(chat.lastId, message.message_id);
    chat.messages.set(message.message_id, message);
  }

  get(chatId: number | string, messageId: number): Message | undefined {
    return this.chats.get(String(chatId))?.messages.get(messageId);
  }

  delete(chatId: number | string, messageId: number): boolean {
    return this.chats.get(String(chatId))?.messages.delete(messageId) ?? false;
  }

  private chat(chatId: number | string) {
    const key = String(chatId);
    let chat = this.chats.get(key);
    if (!chat) {
      chat = { lastId: 0, messages: new Map() };
      this.chats.set(key, chat);
    }
    return chat;
  }
}
