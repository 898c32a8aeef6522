import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { teamConnection } from "../../src/services/crm-connections.js";
import type { AppDeps } from "../../src/services/deps.js";
import { joinLeague } from "../../src/services/league.js";
import { leaveGroup, teamManagers, teamMembers } from "../../src/services/members.js";

const NOW = Date.parse("2026-12-01T07:00:00Z");

function setUp() {
  const db = openDatabase(":memory:");
  const repos = createRepositories(db);
  const deps: AppDeps = { config: loadConfig({}), db, repos, logger: pino({ level: "silent" }), now: () => NOW };
  const person = (id: number, name: string) => repos.users.upsert({ id, is_bot: false, first_name: name }, NOW);
  const olga = person(1, "Ольга");
  const team = repos.teams.create({ chatId: -100, name: "Отдел", timezone: "Europe/Moscow", locale: "ru", headId: olga.id });
  const other = repos.teams.create({ chatId: -200, name: "Другой", timezone: "Europe/Moscow", locale: "ru", headId: olga.id });
  const anna = person(2, "Анна");
  const boris = person(3, "Борис");
  repos.memberships.join(team.id, anna.id, NOW);
  repos.memberships.join(team.id, boris.id, NOW);
  return { deps, repos, team, other, olga, anna, boris };
}

describe("members", () => {
  it("someone who leaves the group stops being a member; the last head stays", () => {
    const { deps, repos, team, olga, anna, boris } = setUp();
    expect(leaveGroup(deps, team.id, anna.id)).toBe("left");
    expect(leaveGroup(deps, team.id, anna.id)).toBe("not_member");
    expect(leaveGroup(deps, team.id, olga.id)).toBe("last_head");
    expect(teamMembers(deps, team.id).map((m) => m.user.firstName)).toEqual(["Ольга", "Борис"]);
    // With a second head, the first may go.
    repos.memberships.setRole(team.id, boris.id, "head");
    expect(leaveGroup(deps, team.id, olga.id)).toBe("left");
    expect(teamManagers(deps, team.id)).toEqual([]);
  });
});

describe("a team's own records only", () => {
  it("a CRM connection of another team, or a disconnected one where a live one is asked, is not found", () => {
    const { deps, repos, team, other } = setUp();
    const row = {
      kind: "bitrix24" as const,
      authMode: "webhook" as const,
      baseUrl: "https://b24.example",
      accountId: "1",
      accountName: "B24",
      credentials: "sealed",
      hookSecret: "s".repeat(32),
      createdBy: 1,
      createdAt: NOW,
      historyFrom: NOW,
    };
    const mine = repos.crm.createConnection({ ...row, teamId: team.id });
    const theirs = repos.crm.createConnection({ ...row, teamId: other.id, hookSecret: "t".repeat(32) });
    expect(teamConnection(deps, team.id, mine.id)?.id).toBe(mine.id);
    expect(teamConnection(deps, team.id, theirs.id)).toBeUndefined();
    repos.crm.update(mine.id, { disconnectedAt: NOW });
    expect(teamConnection(deps, team.id, mine.id)?.id).toBe(mine.id);
    expect(teamConnection(deps, team.id, mine.id, { live: true })).toBeUndefined();
  });

  it("a league code is read as typed (spaces, dashes, case) and a wrong one joins nothing", () => {
    const { deps, repos, team, other } = setUp();
    const league = repos.leagues.create(other.id, "Лига", NOW);
    if (league === "already") throw new Error("setup");
    expect(joinLeague(deps, team.id, "nope", NOW)).toEqual({ status: "bad_code" });
    const typed = `${league.code.slice(0, 3)}-${league.code.slice(3).toLowerCase()}`;
    const joined = joinLeague(deps, team.id, typed, NOW);
    expect(joined.status).toBe("joined");
    expect(joined.status === "joined" && joined.members.map((m) => m.team.id).sort()).toEqual([team.id, other.id].sort());
    expect(joinLeague(deps, team.id, league.code, NOW)).toMatchObject({ status: "already" });
  });
});
