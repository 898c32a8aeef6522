import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import type { NewEntry } from "../../src/db/repositories/entries.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import type { DetectedFlag } from "../../src/domain/gaming-flags.js";

function setUp() {
  const repos = createRepositories(openDatabase(":memory:"));
  repos.users.upsert({ id: 1, is_bot: false, first_name: "Olga" }, 0);
  repos.users.upsert({ id: 2, is_bot: false, first_name: "Ivan" }, 0);
  const team = repos.teams.create({ chatId: -1, name: "T", timezone: "Europe/Moscow", locale: "ru", headId: 1 });
  let at = Date.parse("2026-11-24T07:00:00Z");
  const log = (patch: Partial<NewEntry>) => {
    const r = repos.entries.log({
      teamId: team.id,
      userId: 2,
      kind: "call",
      outcome: null,
      amountMinor: null,
      clientName: "Acme",
      lostReason: null,
      occurredAt: (at += 60_000),
      sourceUpdateId: null,
      ...patch,
    });
    if (r.status !== "logged") throw new Error(r.status);
    return r.activity.id;
  };
  const flag = (entryIds: number[]): number => {
    const f: DetectedFlag = {
      kind: "burst",
      userId: 2,
      day: "2026-11-24",
      entryIds,
      detail: { count: entryIds.length, firstAt: 0, lastAt: 0 },
    };
    repos.gamingFlags.record(team.id, [f], 0);
    return repos.gamingFlags.open(team.id)[0]!.id;
  };
  const stage = () => repos.entries.openLeads(team.id)[0]?.stage ?? null;
  return { repos, team, log, flag, stage };
}

describe("gaming flags repository", () => {
  it("records a (kind, person, day) once; a resolved flag is not reopened by a later check", () => {
    const { repos, team, log } = setUp();
    const a = log({ kind: "lead" });
    const b = log({ kind: "meeting" });
    const f = (ids: number[]): DetectedFlag => ({
      kind: "night",
      userId: 2,
      day: "2026-11-24",
      entryIds: ids,
      detail: { count: ids.length, firstAt: 0, lastAt: 0 },
    });
    expect(repos.gamingFlags.record(team.id, [f([a])], 0)).toBe(1);
    expect(repos.gamingFlags.record(team.id, [f([a, b])], 0)).toBe(0);
    const [open] = repos.gamingFlags.open(team.id);
    expect(open!.entryIds).toEqual([a, b]);
    expect(repos.gamingFlags.markFine(team.id, open!.id, 1, 5).status).toBe("done");
    expect(repos.gamingFlags.markFine(team.id, open!.id, 1, 6).status).toBe("resolved");
    repos.gamingFlags.record(team.id, [f([a])], 0);
    expect(repos.gamingFlags.byId(team.id, open!.id)).toMatchObject({ status: "fine", entryIds: [a, b], resolvedBy: 1, resolvedAt: 5 });
    expect(repos.gamingFlags.byId(team.id + 1, open!.id)).toBeUndefined();
    expect(repos.gamingFlags.voidEntries(team.id + 1, open!.id, 1, 7).status).toBe("gone");
  });

  it("voiding the latest entries puts the lead back, as /undo does", () => {
    const { repos, team, log, flag, stage } = setUp();
    log({ kind: "lead" });
    const meeting = log({ kind: "meeting" });
    const proposal = log({ kind: "proposal" });
    expect(stage()).toBe("proposal");
    const id = flag([meeting, proposal]);
    const r = repos.gamingFlags.voidEntries(team.id, id, 1, 99);
    expect(r).toMatchObject({ status: "done", voided: 2 });
    expect(stage()).toBe("new");
    expect(repos.entries.activities(team.id, 0, Date.now() * 2).map((a) => a.kind)).toEqual(["lead"]);
  });

  it("voiding an earlier entry keeps a stage a later, unflagged entry reached", () => {
    const { repos, team, log, flag, stage } = setUp();
    log({ kind: "lead" });
    const meeting = log({ kind: "meeting" });
    log({ kind: "proposal" });
    const id = flag([meeting]);
    expect(repos.gamingFlags.voidEntries(team.id, id, 1, 99)).toMatchObject({ status: "done", voided: 1 });
    expect(stage()).toBe("proposal");
    expect(repos.entries.activities(team.id, 0, Date.now() * 2).map((a) => a.kind)).toEqual(["lead", "proposal"]);
    // The deal that created a lead, voided: the lead goes with it.
    const deal = log({ kind: "deal", clientName: "Beta", amountMinor: 100 });
    const second = repos.gamingFlags.record(
      team.id,
      [{ kind: "no_history", userId: 2, day: "2026-11-25", entryIds: [deal], detail: { count: 1, firstAt: 0, lastAt: 0 } }],
      0,
    );
    expect(second).toBe(1);
    const dealFlag = repos.gamingFlags.open(team.id)[0]!.id;
    repos.gamingFlags.voidEntries(team.id, dealFlag, 1, 100);
    expect(repos.entries.timelines(team.id, 0, Date.now() * 2).map((l) => l.clientName)).toEqual(["Acme"]);
  });
});
