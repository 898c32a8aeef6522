import { type FileHandle, open } from "node:fs/promises";
import type { Db } from "./client.js";

/**
 * Makes everything the connection has committed so far survive a power cut, without
 * holding the event loop while the disk works: an fsync of the write-ahead log on
 * libuv's thread pool. The connection runs `synchronous = NORMAL`, so a commit is
 * written to the WAL (safe from a crash of the process) but not flushed from the OS
 * to the disk; `synchronous = FULL` would flush it on the calling thread, and the
 * inbox's flush once per fetched batch stalled every update in flight behind it
 * (3-5 ms each, up to 45 ms on a busy disk; bench:ingest).
 *
 * Why this is the same flush: fsync works on the file, whichever descriptor names
 * it, and SQLite's FULL sync is an fsync of the WAL after the commit's frames were
 * written, which is what this does after `commit` returned. A checkpoint meanwhile
 * (on this thread, inside a later commit) first syncs the WAL and the database file
 * itself, so frames it moves out of the log are on disk before the log is reused.
 *
 * Only the log is ever opened here, never the database file: closing any descriptor of
 * a file drops every POSIX lock the process holds on it, so a close of the database
 * file on the pool, while this thread is in a write transaction, would let another
 * process (the CLI) write at the same time and corrupt it. SQLite keeps no such lock
 * on the log (WAL locks live in the -shm file).
 */
export function durableSync(db: Db): () => Promise<void> {
  const sqlite = db.$client;
  if (sqlite.memory) return async () => undefined;
  return async () => {
    // Opened each time (off the thread too): always the log the connection writes now.
    let file: FileHandle;
    try {
      file = await open(`${sqlite.name}-wal`, "r+");
    } catch (err) {
      // No log: not in WAL mode (the rollback journal), where `synchronous = NORMAL` syncs
      // the database file at every commit already, so the commits are on the disk.
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw err;
    }
    try {
      await file.sync();
    } finally {
      await file.close();
    }
  };
}
