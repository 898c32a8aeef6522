// Group commit against a real SQLite file, read back through a second connection:
// what a promise resolved for is on disk; a failing job takes back only its own writes.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { GroupCommit } from "../../src/db/group-commit.js";

function setUp() {
  const path = join(mkdtempSync(join(tmpdir(), "kpi-group-")), "g.db");
  const db = openDatabase(path);
  db.$client.exec("create table t (id integer primary key, v text not null)");
  const other = new Database(path, { readonly: true });
  const rows = () => other.prepare("select v from t order by id").pluck().all() as string[];
  // SQLite's count of commits by other connections, as the reader sees them.
  const commits = () => other.pragma("data_version", { simple: true }) as number;
  const insert = db.$client.prepare("insert into t (v) values (?)");
  const close = () => {
    other.close();
    closeDatabase(db);
  };
  return { db, rows, commits, insert, close };
}

describe("group commit", () => {
  it("commits the jobs of one turn together, and each promise settles after the commit", async () => {
    const { db, rows, commits, insert, close } = setUp();
    const group = new GroupCommit(db.$client);
    const before = commits();
    const done = ["a", "b", "c"].map((v) => group.run(() => Number(insert.run(v).lastInsertRowid)));
    // Nothing is written before the turn ends.
    expect(rows()).toEqual([]);
    const ids = await Promise.all(done);
    expect(ids).toEqual([1, 2, 3]);
    expect(rows()).toEqual(["a", "b", "c"]);
    expect(commits() - before).toBe(1);
    // A later turn is another commit.
    await group.run(() => insert.run("d"));
    expect(rows()).toEqual(["a", "b", "c", "d"]);
    expect(commits() - before).toBe(2);
    close();
  });

  it("a job that throws rejects alone and takes back only its own writes", async () => {
    const { db, rows, insert, close } = setUp();
    const group = new GroupCommit(db.$client);
    const ok1 = group.run(() => insert.run("kept 1"));
    const bad = group.run(() => {
      insert.run("taken back");
      throw new Error("refused");
    });
    const ok2 = group.run(() => insert.run("kept 2"));
    await expect(bad).rejects.toThrow("refused");
    await Promise.all([ok1, ok2]);
    expect(rows()).toEqual(["kept 1", "kept 2"]);
    close();
  });

  it("an error that ends the whole transaction fails every job and stores none (no job commits on its own)", async () => {
    const { db, rows, insert, close } = setUp();
    // SQLite rolls the whole transaction back on some errors (a full disk, an I/O error):
    // RAISE(ROLLBACK) does the same.
    db.$client.exec("create trigger gone before insert on t when new.v = 'disk full' begin select raise(rollback, 'disk full'); end");
    const group = new GroupCommit(db.$client);
    const jobs = ["before", "disk full", "after"].map((v) => group.run(() => insert.run(v)));
    const settled = await Promise.allSettled(jobs);
    const resolved = settled.flatMap((s, i) => (s.status === "fulfilled" ? [["before", "disk full", "after"][i]] : []));
    // What was answered as stored is what is on disk, and nothing else.
    expect(rows()).toEqual(resolved);
    // The group is over: the next turn works.
    await group.run(() => insert.run("next"));
    expect(rows()).toEqual([...resolved, "next"]);
    close();
  });
});
