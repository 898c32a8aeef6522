// The power-cut flush of the inbox: an fsync of the file the commits are in (the
// write-ahead log), done off the event loop, before the store resolves.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { durableSync } from "../../src/db/durable-sync.js";
import { createRepositories } from "../../src/db/repositories/index.js";

const synced: string[] = [];
vi.mock("node:fs/promises", async (original) => {
  const real = await original<typeof import("node:fs/promises")>();
  return {
    ...real,
    open: async (path: string, flags: string) => {
      const file = await real.open(path, flags);
      const sync = file.sync.bind(file);
      file.sync = async () => {
        await sync();
        synced.push(path);
      };
      return file;
    },
  };
});

const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), "durable-sync-"));
  dirs.push(dir);
  return join(dir, "bot.db");
};
afterEach(() => {
  synced.length = 0;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const update = (id: number) =>
  ({ update_id: id, message: { message_id: id, date: 0, chat: { id: 1, type: "private", first_name: "A" }, text: "/call" } }) as Update;

describe("durableSync", () => {
  it("flushes the write-ahead log, and the inbox resolves only after it", async () => {
    const path = tempDb();
    const db = openDatabase(path);
    const { inbox } = createRepositories(db);
    const stored = inbox.store([update(1)], 0);
    // Stored in the transaction at once, not yet on the disk: the flush is still running.
    expect(db.$client.prepare("select count(*) from inbox").pluck().get()).toBe(1);
    expect(synced).toEqual([]);
    expect((await stored).map((u) => u.update_id)).toEqual([1]);
    expect(synced).toEqual([`${path}-wal`]);
    // Nothing new: no flush.
    expect(await inbox.store([], 0)).toEqual([]);
    expect(synced).toHaveLength(1);
    closeDatabase(db);
  });

  it("flushes the database file itself when there is no log", async () => {
    const path = tempDb();
    const db = openDatabase(path);
    db.$client.pragma("journal_mode = DELETE");
    await durableSync(db)();
    expect(synced).toEqual([path]);
    closeDatabase(db);
  });

  it("has nothing to flush for a database in memory", async () => {
    await durableSync(openDatabase(":memory:"))();
    expect(synced).toEqual([]);
  });
});
