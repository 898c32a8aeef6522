import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import type { CallOutcome } from "../../src/domain/types.js";
import { computeStandings, createContest } from "../../src/services/contests.js";
import type { AppDeps } from "../../src/services/deps.js";

const NOW = Date.parse("2026-12-01T07:00:00Z"); // 10:00 in Moscow

function setUp() {
  const db = openDatabase(":memory:");
  const repos = createRepositories(db);
  const deps: AppDeps = { config: loadConfig({}), db, repos, logger: pino({ level: "silent" }), now: () => NOW };
  const person = (id: number, name: string) => repos.users.upsert({ id, is_bot: false, first_name: name }, NOW);
  const head = person(1, "Ольга");
  const team = repos.teams.create({ chatId: -100, name: "Отдел", timezone: "Europe/Moscow", locale: "ru", headId: head.id });
  const [anna, boris, vera] = [person(2, "Анна"), person(3, "Борис"), person(4, "Вера")];
  for (const u of [anna, boris, vera]) repos.memberships.join(team.id, u.id, NOW);
  const membership = repos.memberships.get(team.id, head.id)!;
  let n = 0;
  const calls = (userId: number, total: number, meetings: number, at = NOW + 60_000) => {
    for (let i = 0; i < total; i++) {
      const outcome: CallOutcome = i < meetings ? "meeting" : "reached";
      repos.entries.log({
        teamId: team.id,
        userId,
        kind: "call",
        outcome,
        amountMinor: null,
        clientName: null,
        lostReason: null,
        occurredAt: at,
        sourceUpdateId: ++n,
      });
    }
  };
  return { deps, repos, team, head: { user: head, team, membership }, anna, boris, vera, calls };
}

describe("contest standings", () => {
  it("values a squad from its members' entries together, not as an average of their rates", () => {
    const { deps, repos, team, head, anna, boris, vera, calls } = setUp();
    const created = createContest(deps, head, {
      ...{ name: "Конверсия", metric: "call_conversion", startDate: "01.12", endDate: "07.12", kind: "squads", prize: "" },
      squads: [
        { name: "Север", userIds: [anna.id, boris.id] },
        { name: "Юг", userIds: [vera.id] },
      ],
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    calls(anna.id, 10, 4); // 40 %
    calls(boris.id, 1, 1); // 100 %: the average of the two would be 70 %
    calls(vera.id, 20, 13); // 65 %
    calls(vera.id, 5, 5, Date.parse("2026-11-30T20:59:00Z")); // before 00:00 of 01.12: outside
    const s = computeStandings(deps, team, repos.contests.byId(created.contest.id)!);
    expect(s.squads.map((q) => [q.name, q.place, q.value])).toEqual([
      ["Юг", 1, 65],
      ["Север", 2, (5 / 11) * 100],
    ]);
    expect(s.squads[1]!.gap).toBeCloseTo(65 - (5 / 11) * 100, 6);
    expect(s.squads[1]!.members.map((m) => [m.name, m.place])).toEqual([
      ["Борис", 1],
      ["Анна", 2],
    ]);
  });

  it("values a squad's points with the team's own weights, like its members' points", () => {
    const { deps, repos, head, anna, boris, vera, calls } = setUp();
    // The head made a call worth 2 points and a call that books a meeting 7.
    const team = { ...head.team, settings: { ...(head.team.settings as object), points: { call: 2, meeting_call: 7 } } };
    const created = createContest(deps, head, {
      ...{ name: "Очки", metric: "points", startDate: "01.12", endDate: "07.12", kind: "squads", prize: "" },
      squads: [
        { name: "Север", userIds: [anna.id, boris.id] },
        { name: "Юг", userIds: [vera.id] },
      ],
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    calls(anna.id, 3, 1); // 7 + 2 + 2 = 11
    calls(boris.id, 1, 0); // 2
    calls(vera.id, 2, 2); // 14
    const s = computeStandings(deps, team, repos.contests.byId(created.contest.id)!);
    expect(s.squads.map((q) => [q.name, q.value])).toEqual([
      ["Юг", 14],
      ["Север", 13],
    ]);
    expect(s.squads[1]!.members.map((m) => [m.name, m.value])).toEqual([
      ["Анна", 11],
      ["Борис", 2],
    ]);
  });

  it("marks only the contests an entry can move: running over its instant, and its squad's members", () => {
    const { deps, repos, head, anna, vera } = setUp();
    const base = { metric: "calls" as const, prize: "", squads: [] };
    const a = createContest(deps, head, { ...base, name: "Все", startDate: "01.12", endDate: "07.12", kind: "individual" });
    const b = createContest(deps, head, {
      ...base,
      name: "Команды",
      startDate: "01.12",
      endDate: "07.12",
      kind: "squads",
      squads: [
        { name: "A", userIds: [anna.id] },
        { name: "B", userIds: [head.user.id] },
      ],
    });
    const later = createContest(deps, head, { ...base, name: "Потом", startDate: "10.12", endDate: "20.12", kind: "individual" });
    if (!a.ok || !b.ok || !later.ok) throw new Error("not created");
    const dirty = () => [a, b, later].map((c) => (c.ok ? repos.contests.byId(c.contest.id)!.dirtyAt !== null : null));
    repos.contests.markDirty(head.team.id, vera.id, NOW + 1000, NOW);
    expect(dirty()).toEqual([true, false, false]);
    repos.contests.markDirty(head.team.id, anna.id, NOW + 1000, NOW);
    expect(dirty()).toEqual([true, true, false]);
  });

  it("is due for an update when never posted, dirty after a minute, an hour old, or just started", () => {
    const { deps, repos, head } = setUp();
    const c = createContest(deps, head, {
      metric: "calls",
      prize: "",
      squads: [],
      name: "Завтра",
      startDate: "02.12",
      endDate: "03.12",
      kind: "individual",
    });
    if (!c.ok) throw new Error("not created");
    const due = (now: number) => repos.contests.dueForUpdate(now, 60_000, 3_600_000).map((x) => x.id);
    expect(due(NOW)).toEqual([c.contest.id]);
    repos.contests.recordMessage(c.contest.id, { chatId: -100, messageId: 5, pinned: false, at: NOW, hash: "h" });
    expect(due(NOW + 1000)).toEqual([]);
    const start = c.contest.startAt; // 02.12 00:00, 14 h later: refreshed hourly until then
    repos.contests.recordShown(c.contest.id, start - 10 * 60_000, null);
    expect(due(start - 60_000)).toEqual([]);
    expect(due(start)).toEqual([c.contest.id]);
    repos.contests.recordShown(c.contest.id, start + 1000, null);
    expect(due(start + 2000)).toEqual([]);
    repos.contests.markDirty(head.team.id, head.user.id, start + 1500, start + 1500);
    expect(due(start + 30_000)).toEqual([]);
    expect(due(start + 61_000)).toEqual([c.contest.id]);
  });

  it("refuses a second contest with the same name in any case, and keeps squads and people apart", () => {
    const { deps, repos, head, anna } = setUp();
    const base = { metric: "deals" as const, startDate: "01.12", endDate: "02.12", prize: "", squads: [] };
    expect(createContest(deps, head, { ...base, name: "Ёлка", kind: "individual" }).ok).toBe(true);
    expect(createContest(deps, head, { ...base, name: "елка", kind: "individual" })).toEqual({
      ok: false,
      error: { code: "taken", name: "елка" },
    });
    const empty = createContest(deps, head, {
      ...base,
      name: "Пусто",
      kind: "squads",
      squads: [
        { name: "A", userIds: [anna.id] },
        { name: "B", userIds: [] },
      ],
    });
    expect(empty).toEqual({ ok: false, error: { code: "empty_squad", squad: "B" } });
    expect(repos.contests.listTeam(head.team.id)).toHaveLength(1);
  });
});
