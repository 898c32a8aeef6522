import { and, asc, isNull, lt, sql } from "drizzle-orm";
import type { Update } from "grammy/types";
import type { Db } from "../client.js";
import { durableSync } from "../durable-sync.js";
import { inbox, processedUpdates } from "../schema.js";

export interface PendingUpdate {
  update: Update;
  replays: number;
}

/**
 * The durable intake: updates are written here before Telegram learns they arrived,
 * and handled from here. Whether one was handled is `processed_updates` (written by
 * the handlers, in the same transaction as an entry), so intake costs one insert per
 * batch and nothing more per update.
 */
export function inboxRepository(db: Db) {
  const sqlite = db.$client;
  const insert = sqlite.prepare("INSERT INTO inbox (update_id, payload, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
  const storeAll = sqlite.transaction((updates: Update[], now: number) =>
    updates.filter((u) => insert.run(u.update_id, JSON.stringify(u), now).changes > 0),
  );
  const remove = sqlite.prepare("DELETE FROM inbox WHERE update_id = ?");
  const forget = sqlite.transaction((ids: number[]) => {
    for (const id of ids) remove.run(id);
  });
  const toDisk = durableSync(db);
  return {
    /**
     * Stores a batch in one transaction and resolves once it is on the disk itself,
     * not merely handed to the OS (the connection otherwise runs `synchronous = NORMAL`):
     * what Telegram is told was received must survive a power cut too. The flush runs
     * off the event loop (durable-sync.ts), so the updates in flight go on meanwhile.
     * Resolves with the updates not seen before, in the order given; a redelivered one
     * is stored already and left out.
     */
    async store(updates: Update[], now: number): Promise<Update[]> {
      if (updates.length === 0) return [];
      const fresh = storeAll(updates, now);
      try {
        await toDisk();
      } catch (err) {
        // Not on the disk, so Telegram is not told (the caller fails): its next delivery of
        // these must find them new, not stored already and never handed out until a restart.
        forget(fresh.map((u) => u.update_id));
        throw err;
      }
      return fresh;
    },
    /**
     * Replaces a stored message's text (a secret the head typed) so the raw update
     * kept for replays no longer holds it.
     */
    redactText(updateId: number): void {
      sqlite
        .prepare(
          "UPDATE inbox SET payload = json_set(payload, '$.message.text', '[redacted]') WHERE update_id = ? AND json_type(payload, '$.message.text') IS NOT NULL",
        )
        .run(updateId);
    },
    /** Stored but not handled (a crash or a stop came first), oldest first. */
    pending(): PendingUpdate[] {
      return db
        .select({ payload: inbox.payload, replays: inbox.replays })
        .from(inbox)
        .leftJoin(processedUpdates, sql`${processedUpdates.updateId} = ${inbox.updateId}`)
        .where(isNull(processedUpdates.updateId))
        .orderBy(asc(inbox.updateId))
        .all()
        .map((r) => ({ update: JSON.parse(r.payload) as Update, replays: r.replays }));
    },
    /** Counts a replay of each pending update (see `replays`). */
    countReplays(updateIds: number[]): void {
      const bump = sqlite.prepare("UPDATE inbox SET replays = replays + 1 WHERE update_id = ?");
      sqlite.transaction(() => {
        for (const id of updateIds) bump.run(id);
      })();
    },
    /** Handled updates received before `olderThan`; unhandled ones stay until handled or given up. */
    prune(olderThan: number): number {
      return db
        .delete(inbox)
        .where(
          and(
            lt(inbox.receivedAt, olderThan),
            sql`exists (select 1 from ${processedUpdates} where ${processedUpdates.updateId} = ${inbox.updateId})`,
          ),
        )
        .run().changes;
    },
  };
}
