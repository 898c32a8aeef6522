// A team in an in-memory database for service-level tests: head Ольга, manager Иван,
// the app's dependencies on a fixed clock. No bot, no fake Bot API.
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import type { AppDeps, Member } from "../../src/services/deps.js";

export function memoryTeam(now: number) {
  const db = openDatabase(":memory:");
  const repos = createRepositories(db);
  const deps: AppDeps = { config: loadConfig({}), db, repos, logger: pino({ level: "silent" }), now: () => now };
  const head = repos.users.upsert({ id: 1, is_bot: false, first_name: "Ольга" }, now);
  const team = repos.teams.create({ chatId: -100, name: "Отдел", timezone: "Europe/Moscow", locale: "ru", headId: head.id });
  const ivan = repos.users.upsert({ id: 2, is_bot: false, first_name: "Иван" }, now);
  repos.memberships.join(team.id, ivan.id, now);
  const member: Member = { user: ivan, team, membership: repos.memberships.get(team.id, ivan.id)! };
  return { db, repos, deps, team, ivan, member };
}
