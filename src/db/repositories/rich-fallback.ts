import { eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { richFallbackChats } from "../schema.js";

/** Chats that refused a rich message and get the `<pre>` layout instead (see schema). */
export function richFallbackRepository(db: Db) {
  return {
    refused(chatId: number): boolean {
      return (
        db.select({ c: richFallbackChats.chatId }).from(richFallbackChats).where(eq(richFallbackChats.chatId, chatId)).get() !== undefined
      );
    },
    remember(chatId: number, reason: string, at: number): void {
      db.insert(richFallbackChats)
        .values({ chatId, reason: reason.slice(0, 200), at })
        .onConflictDoNothing()
        .run();
    },
    /** A group that became a supergroup keeps its answer. */
    moved(oldChatId: number, newChatId: number): void {
      db.update(richFallbackChats).set({ chatId: newChatId }).where(eq(richFallbackChats.chatId, oldChatId)).run();
    },
  };
}
