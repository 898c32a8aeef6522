// The database, its -wal/-shm and every backup hold pay and customers: only the bot's own user may read them.
import { chmodSync, existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backupInto, backupTo } from "../../src/db/backup.js";
import { closeDatabase, openDatabase } from "../../src/db/client.js";

const mode = (path: string) => statSync(path).mode & 0o777;
const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe("data files are private (0600)", () => {
  it("creates the database and its -wal/-shm readable by the owner only", () => {
    const path = join(tempDir("kpi-files-"), "data", "bot.db");
    const db = openDatabase(path);
    // A write makes sure the -wal and -shm exist.
    db.$client.exec("create table t (x); insert into t values (1)");
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(existsSync(file), file).toBe(true);
      expect(mode(file).toString(8), file).toBe("600");
    }
    closeDatabase(db);
  });

  it("tightens a database an older version left world-readable", () => {
    const dir = tempDir("kpi-files-");
    const path = join(dir, "bot.db");
    closeDatabase(openDatabase(path));
    chmodSync(path, 0o644);
    const db = openDatabase(path);
    db.$client.exec("create table t (x); insert into t values (1)");
    expect(mode(path).toString(8)).toBe("600");
    expect(mode(`${path}-wal`).toString(8)).toBe("600");
    closeDatabase(db);
  });

  it("writes backups 0600 and leaves no .partial files behind", async () => {
    const db = openDatabase(join(tempDir("kpi-files-"), "bot.db"));
    db.$client.exec("create table t (x); insert into t values (1)");
    const dir = tempDir("kpi-backups-");
    // Leftovers of a backup taken by an older version (or killed half-way): pruned with the old backups.
    writeFileSync(join(dir, "kpi-coach-20261101-031500.db.partial"), "x");
    writeFileSync(join(dir, "kpi-coach-20261101-031500.db.partial-wal"), "x");
    writeFileSync(join(dir, "kpi-coach-20261101-031500.db.partial-shm"), "x");
    const day = 24 * 3600_000;
    const start = Date.parse("2026-11-20T03:00:00Z");
    for (let i = 0; i < 3; i++) await backupInto(db.$client, dir, 2, start + i * day);
    expect(readdirSync(dir).sort()).toEqual(["kpi-coach-20261121-030000.db", "kpi-coach-20261122-030000.db"]);
    for (const name of readdirSync(dir)) expect(mode(join(dir, name)).toString(8), name).toBe("600");

    // `npm run backup -- <file>` writes exactly there, private too and without leftovers.
    const own = tempDir("kpi-backup-file-");
    await backupTo(db.$client, join(own, "copy.db"), { oneStep: true });
    expect(readdirSync(own)).toEqual(["copy.db"]);
    expect(mode(join(own, "copy.db")).toString(8)).toBe("600");
    closeDatabase(db);
  });
});
