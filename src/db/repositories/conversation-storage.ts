import { eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { conversationState } from "../schema.js";

/**
 * A key-value adapter in the shape the conversations plugin expects, so an
 * unfinished guided flow is still there after a restart.
 */
export function conversationStorage<T>(db: Db) {
  return {
    read(key: string): T | undefined {
      const row = db.select().from(conversationState).where(eq(conversationState.key, key)).get();
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    write(key: string, value: T): void {
      const json = JSON.stringify(value);
      db.insert(conversationState)
        .values({ key, value: json, updatedAt: Date.now() })
        .onConflictDoUpdate({ target: conversationState.key, set: { value: json, updatedAt: Date.now() } })
        .run();
    },
    delete(key: string): void {
      db.delete(conversationState).where(eq(conversationState.key, key)).run();
    },
  };
}
