import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { ensurePrivateFile, makePrivateDir, tightenIfPresent } from "./private-files.js";
import { schema } from "./schema.js";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = fileURLToPath(new URL("../../drizzle", import.meta.url));

/** Distinct SQL texts kept compiled; queries with variable IN lists make new texts, so the cache is bounded. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle compiles (prepares) every query again each time it runs; for the few
 * dozen queries behind an update that was the largest single cost of handling it.
 * The same SQL text gets the same compiled statement back instead. Statements are
 * used synchronously, one at a time, so sharing them is safe; drizzle switches a
 * statement to array rows (`raw()`) where it wants them, so that is reset on reuse.
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit) {
      if (hit.reader) hit.raw(false);
      return hit;
    }
    const statement = prepare(source);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

/** Opens (creating its folder if needed) and migrates the database. */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") {
    makePrivateDir(dirname(path));
    // SQLite creates the -wal and -shm with the database file's mode: 0600 for the file covers all three.
    ensurePrivateFile(path);
    tightenIfPresent(`${path}-wal`);
    tightenIfPresent(`${path}-shm`);
  }
  const sqlite = new Database(path);
  // WAL lets the scheduler read while a handler writes; the busy timeout covers
  // the short moments two connections (bot + CLI) contend for the write lock.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db as Db;
}

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}

/**
 * SQLite's quick_check on an existing file: null when sound, else the problem in
 * one line. Run before anything writes, so a damaged file is never written to.
 */
export function checkDatabaseFile(path: string): string | null {
  if (path === ":memory:" || !existsSync(path)) return null;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(path, { fileMustExist: true });
    const rows = sqlite.pragma("quick_check") as { quick_check: string }[];
    const first = rows[0]?.quick_check ?? "no answer";
    return first === "ok" ? null : `${first}${rows.length > 1 ? ` (and ${rows.length - 1} more problems)` : ""}`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    sqlite?.close();
  }
}
