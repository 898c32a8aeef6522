// A team's history version moves with its won deals, inputs and members, and with
// writes by another connection; not with its calls, another team's deals or the inbox.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";

const person = (id: number) => ({ id, is_bot: false, first_name: `P${id}` });

describe("team history version", () => {
  it("changes exactly when what the business metrics read may have changed", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "kpi-history-")), "bot.db");
    const db = openDatabase(path);
    const repos = createRepositories(db);
    for (const id of [1, 2, 3, 4]) repos.users.upsert(person(id), 0);
    const a = repos.teams.create({ chatId: -1, name: "A", timezone: "Europe/Moscow", locale: "ru", headId: 1 });
    const b = repos.teams.create({ chatId: -2, name: "B", timezone: "Europe/Moscow", locale: "ru", headId: 2 });
    repos.memberships.join(a.id, 3, 0);
    const v = () => repos.business.historyVersion(a.id);
    const insert = db.$client.prepare(
      "insert into activities (team_id, user_id, kind, amount_minor, client_name, occurred_at, created_at) values (?, ?, ?, ?, ?, 1, 1)",
    );

    let before = v();
    insert.run(a.id, 3, "call", null, null);
    insert.run(b.id, 2, "deal", 100, "Вектор");
    await repos.inbox.store(
      [{ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 3, type: "private", first_name: "P" } } } as Update],
      0,
    );
    expect(v()).toBe(before);

    const deal = insert.run(a.id, 3, "deal", 100, "Ромашка").lastInsertRowid;
    expect(v()).not.toBe(before);
    before = v();
    db.$client.prepare("update activities set deleted_at = 5 where id = ?").run(deal);
    expect(v()).not.toBe(before);
    before = v();
    repos.business.setInput({ teamId: a.id, kind: "costs", month: "2026-11", userId: null, value: 1, setBy: 1, setAt: 0 });
    expect(v()).not.toBe(before);
    before = v();
    repos.memberships.join(a.id, 4, 0);
    expect(v()).not.toBe(before);

    // A deal written by another process (its own connection) moves every team's version.
    before = v();
    const other = new Database(path);
    other.prepare("insert into activities (team_id, user_id, kind, occurred_at, created_at) values (?, 2, 'call', 1, 1)").run(b.id);
    other.close();
    expect(v()).not.toBe(before);
  });
});
