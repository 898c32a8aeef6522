import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { createLogger } from "../../src/logger.js";
import { KEEP_UPDATES_MS, Maintenance } from "../../src/scheduler/maintenance.js";

const update = (id: number): Update =>
  ({
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: 1, type: "private", first_name: "A" }, text: `/call ${id}` },
  }) as Update;

describe("inbox", () => {
  it("stores each update once and lists the unhandled ones in update order", async () => {
    const { inbox, updates } = createRepositories(openDatabase(":memory:"));
    expect((await inbox.store([update(3), update(1)], 1000)).map((u) => u.update_id)).toEqual([3, 1]);
    // Telegram sends 1 again (its offset was never confirmed) with a new one.
    expect((await inbox.store([update(1), update(2)], 2000)).map((u) => u.update_id)).toEqual([2]);
    updates.markProcessed(2, 3000);
    const pending = inbox.pending();
    expect(pending.map((p) => p.update.update_id)).toEqual([1, 3]);
    expect(pending[0]!.update).toEqual(update(1));
    inbox.countReplays([1]);
    expect(inbox.pending()[0]!.replays).toBe(1);
  });

  it("is pruned with the handled ids after a few days, keeping what was never handled", async () => {
    const db = openDatabase(":memory:");
    const repos = createRepositories(db);
    const now = Date.parse("2026-11-29T08:00:00Z");
    const old = now - KEEP_UPDATES_MS - 1;
    await repos.inbox.store([update(1), update(2)], old);
    await repos.inbox.store([update(3)], now);
    repos.updates.markProcessed(1, old);
    repos.updates.markProcessed(3, now);
    const config = loadConfig({ DATABASE_PATH: ":memory:", BACKUP_KEEP: "0" });
    await new Maintenance({ config, db, repos, logger: createLogger("silent"), now: () => now }).run(now);
    const rows = (sql: string) => db.$client.prepare(sql).pluck().all();
    expect(rows("select update_id from inbox order by update_id")).toEqual([2, 3]);
    expect(rows("select update_id from processed_updates order by update_id")).toEqual([3]);
  });
});
