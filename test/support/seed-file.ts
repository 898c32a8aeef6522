// A team written straight into a database file before the bot process starts on it:
// a head and managers, each with one call every `stepMs` back from now and a deal on
// every `dealEvery`-th of them (offset per manager, so the bars differ).
import type { User } from "grammy/types";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";

export interface SeedHistory {
  chatId: number;
  entries: number;
  stepMs: number;
  dealEvery: number;
  dealMinor: number;
}

export function seedTeamFile(path: string, head: User, managers: User[], history: SeedHistory): void {
  const db = openDatabase(path);
  const repos = createRepositories(db);
  const now = Date.now();
  repos.users.upsert(head, now);
  const team = repos.teams.create({
    chatId: history.chatId,
    name: "Отдел продаж",
    timezone: "Europe/Moscow",
    locale: "ru",
    headId: head.id,
  });
  const insert = db.$client.prepare(
    "insert into activities (team_id, user_id, kind, amount_minor, occurred_at, created_at) values (?, ?, ?, ?, ?, ?)",
  );
  for (const [n, m] of managers.entries()) {
    repos.users.upsert(m, now);
    repos.memberships.join(team.id, m.id, now);
    for (let d = 0; d < history.entries; d++) {
      const at = now - d * history.stepMs;
      insert.run(team.id, m.id, "call", null, at, at);
      if ((d + n) % history.dealEvery === 0) insert.run(team.id, m.id, "deal", history.dealMinor, at, at);
    }
  }
  closeDatabase(db);
}
