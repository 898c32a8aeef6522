import { lt } from "drizzle-orm";
import type { Db } from "../client.js";
import { processedUpdates } from "../schema.js";

/**
 * Remembers handled update ids so a redelivered update (webhook retry, lost offset)
 * changes nothing; the inbox reads them to know what is left to handle. Both run
 * for every update, so they are plain prepared statements (no query building).
 */
export function updatesRepository(db: Db) {
  const sqlite = db.$client;
  const find = sqlite.prepare("SELECT 1 FROM processed_updates WHERE update_id = ?").pluck();
  const mark = sqlite.prepare("INSERT INTO processed_updates (update_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING");
  return {
    isProcessed(updateId: number): boolean {
      return find.get(updateId) !== undefined;
    },
    markProcessed(updateId: number, now: number): void {
      mark.run(updateId, now);
    },
    /** Telegram keeps undelivered updates for about a day; a few days of ids are plenty. */
    prune(olderThan: number): number {
      return db.delete(processedUpdates).where(lt(processedUpdates.processedAt, olderThan)).run().changes;
    },
  };
}
