// npm run backup [-- <file>]: a consistent copy of the database, safe while the bot runs.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { ConfigError, loadConfig } from "../config.js";
import { backupInto, backupTo } from "../db/backup.js";

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  if (!existsSync(config.databasePath)) {
    console.error(`No database at ${config.databasePath} (DATABASE_PATH): nothing to back up.`);
    process.exit(1);
  }
  // A connection of its own: SQLite's online backup reads a consistent snapshot
  // while the running bot keeps writing through its connection (WAL).
  const sqlite = new Database(config.databasePath, { fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  try {
    const target = process.argv[2];
    // An explicit file is kept as given; the backup folder keeps the newest BACKUP_KEEP (at least this one).
    const file = target
      ? await backupTo(sqlite, target, { oneStep: true })
      : await backupInto(sqlite, config.backupDir, config.backupKeep, Date.now(), { oneStep: true });
    console.log(`Backup written: ${file.path} (${(file.bytes / 1024 / 1024).toFixed(1)} MB, checked)`);
  } finally {
    sqlite.close();
  }
}

await main();
