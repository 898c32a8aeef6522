import { readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { ensurePrivateFile, makePrivateDir } from "./private-files.js";

/** kpi-coach-20261129-031500.db: sorts by time as text. */
const NAME = /^kpi-coach-(\d{8})-(\d{6})\.db$/;
/** What a backup killed half-way (or an older version) left next to it. */
const LEFTOVER = /^kpi-coach-(\d{8})-(\d{6})\.db\.partial(?:-wal|-shm|-journal)?$/;
/** A leftover younger than this may be another process's backup still being written. */
const LEFTOVER_AGE_MS = 3600_000;
/** SQLite's companion files of a database at `path`. */
const COMPANIONS = ["-wal", "-shm", "-journal"];

export interface BackupFile {
  path: string;
  /** When it was taken (ms), from its name. */
  takenAt: number;
  bytes: number;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

function fromStamp(date: string, time: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8), +time.slice(0, 2), +time.slice(2, 4), +time.slice(4, 6));
}

/** Backups in `dir`, newest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      const path = join(dir, name);
      return [{ path, takenAt: fromStamp(m[1]!, m[2]!), bytes: statSync(path).size }];
    })
    .sort((a, b) => b.takenAt - a.takenAt);
}

/** "ok", or SQLite's first complaint about the file. */
export function quickCheck(sqlite: Database.Database): string {
  const rows = sqlite.pragma("quick_check") as { quick_check: string }[];
  return rows[0]?.quick_check ?? "no answer";
}

export interface BackupOptions {
  /**
   * Copy all pages in one step. A backup through its own connection starts over
   * whenever another connection (the running bot) writes between two steps; one
   * step reads a single snapshot instead (WAL: the bot's writes are not blocked).
   * The bot's own daily backup goes through the bot's connection, which SQLite
   * follows without starting over, so it uses small steps and stays responsive.
   */
  oneStep?: boolean;
}

/**
 * Copies the live database with SQLite's online backup: page by page, consistent
 * as of one moment, while the bot keeps reading and writing. The copy is checked
 * (quick_check) under a temporary name and only then takes its final name, so a
 * file with the backup name is always a whole, readable database.
 */
export async function backupTo(sqlite: Database.Database, destination: string, opts: BackupOptions = {}): Promise<BackupFile> {
  const temporary = `${destination}.partial`;
  removeWithCompanions(temporary);
  // Created owner-only before SQLite writes to it: a backup holds the same pay and customers as the database.
  ensurePrivateFile(temporary);
  try {
    // One step: as many pages as remain; otherwise SQLite's default of 100 pages a step.
    await sqlite.backup(temporary, { progress: ({ remainingPages }) => (opts.oneStep ? Math.max(remainingPages, 100) : 100) });
    const copy = new Database(temporary);
    try {
      // The copy carries the live database's WAL mode; one self-contained file is what a backup should be,
      // and closing it then leaves no -wal/-shm behind (a read-only open used to leave both).
      copy.pragma("journal_mode = DELETE");
      const check = quickCheck(copy);
      if (check !== "ok") throw new Error(`backup failed its check: ${check}`);
    } finally {
      copy.close();
    }
    renameSync(temporary, destination);
  } finally {
    removeWithCompanions(temporary);
  }
  return { path: destination, takenAt: Date.now(), bytes: statSync(destination).size };
}

/** A new backup in `dir`, then all but the newest `keep` removed. */
export async function backupInto(
  sqlite: Database.Database,
  dir: string,
  keep: number,
  now = Date.now(),
  opts: BackupOptions = {},
): Promise<BackupFile> {
  makePrivateDir(dir);
  const file = await backupTo(sqlite, join(dir, `kpi-coach-${stamp(now)}.db`), opts);
  for (const old of listBackups(dir).slice(Math.max(keep, 1))) rmSync(old.path, { force: true });
  removeLeftovers(dir, now - LEFTOVER_AGE_MS);
  return { ...file, takenAt: now };
}

function removeWithCompanions(path: string): void {
  for (const suffix of ["", ...COMPANIONS]) rmSync(`${path}${suffix}`, { force: true });
}

/** `.partial` files (and their -wal/-shm) of backups started before `before`: never finished, never pruned otherwise. */
function removeLeftovers(dir: string, before: number): void {
  for (const name of readdirSync(dir)) {
    const m = LEFTOVER.exec(name);
    if (m && fromStamp(m[1]!, m[2]!) < before) rmSync(join(dir, name), { force: true });
  }
}
