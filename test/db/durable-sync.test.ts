// The power-cut flush of the inbox: an fsync of the file the commits are in (the
// write-ahead log), done off the event loop, before the store resolves.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { durableSync } from "../../src/db/durable-sync.js";
import { createRepositories } from "../../src/db/repositories/index.js";

const synced: string[] = [];
/** Files Node opened (the test's view of what the flush touched). */
const opened: string[] = [];
/** The next fsync fails as a failing disk's would. */
let failNextSync = false;
vi.mock("node:fs/promises", async (original) =>
  (await import("../support/fsync-hook.js")).withFsyncHook(await original(), (path) => {
    opened.push(path);
    return async (sync) => {
      if (failNextSync) {
        failNextSync = false;
        throw Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" });
      }
      await sync();
      synced.push(path);
    };
  }),
);

const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), "durable-sync-"));
  dirs.push(dir);
  return join(dir, "bot.db");
};
afterEach(() => {
  synced.length = 0;
  opened.length = 0;
  failNextSync = false;
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

  it("leaves a batch it could not flush unstored, so Telegram's next delivery of it is handed out", async () => {
    const db = openDatabase(tempDb());
    const { inbox } = createRepositories(db);
    failNextSync = true;
    await expect(inbox.store([update(1), update(2)], 0)).rejects.toThrow("EIO");
    // Not on the disk, and Telegram not told: the same updates again are new, not "seen before".
    expect(inbox.pending()).toEqual([]);
    expect((await inbox.store([update(1), update(2)], 0)).map((u) => u.update_id)).toEqual([1, 2]);
    closeDatabase(db);
  });

  it("never opens (and closes) the database file itself, which would drop SQLite's locks on it", async () => {
    // Not in WAL mode (a file system without shared memory keeps the rollback journal): no log.
    const path = tempDb();
    const db = openDatabase(path);
    db.$client.pragma("journal_mode = DELETE");
    // A write transaction of the bot is open (on the loop) while the flush runs on the pool.
    db.$client.exec("BEGIN IMMEDIATE");
    try {
      await durableSync(db)();
      // Another process (the CLI) must still find the database locked for writing.
      const other = spawnSync(
        process.execPath,
        [
          "-e",
          `const D = require("better-sqlite3"); const d = new D(${JSON.stringify(path)}, { timeout: 0 });
           try { d.exec("BEGIN IMMEDIATE"); d.exec("ROLLBACK"); console.log("got the write lock"); } catch (e) { console.log(e.code); }`,
        ],
        { encoding: "utf8" },
      );
      expect(other.stdout.trim()).toBe("SQLITE_BUSY");
    } finally {
      db.$client.exec("ROLLBACK");
      closeDatabase(db);
    }
    expect(opened).not.toContain(path);
  });

  it("has nothing to flush for a database in memory", async () => {
    await durableSync(openDatabase(":memory:"))();
    expect(synced).toEqual([]);
  });
});
