import { eq, lt } from "drizzle-orm";
import type { Db } from "../client.js";
import { processedUpdates } from "../schema.js";

/** Remembers handled update ids so a redelivered update (webhook retry, lost offset) changes nothing. */
export function updatesRepository(db: Db) {
  return {
    isProcessed(updateId: number): boolean {
      return db.select().from(processedUpdates).where(eq(processedUpdates.updateId, updateId)).get() !== undefined;
    },
    markProcessed(updateId: number, now: number): void {
      db.insert(processedUpdates).values({ updateId, processedAt: now }).onConflictDoNothing().run();
    },
    /** Telegram keeps undelivered updates for about a day; a week of ids is plenty. */
    prune(olderThan: number): number {
      return db.delete(processedUpdates).where(lt(processedUpdates.processedAt, olderThan)).run().changes;
    },
  };
}
