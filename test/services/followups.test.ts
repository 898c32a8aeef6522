// The after-reply queue's drain against a real SQLite database: jobs stored with their
// entries, run once, in order, each one's effects and its removal in one transaction.
import { describe, expect, it, vi } from "vitest";
import type { FollowupTarget } from "../../src/db/repositories/followups.js";
import type { AppDeps } from "../../src/services/deps.js";
import { runFollowups } from "../../src/services/followups.js";
import { recordEntry } from "../../src/services/record-entry.js";
import { memoryTeam } from "../support/memory-team.js";

const NOW = Date.parse("2026-11-25T10:00:00Z"); // Wednesday, 13:00 in Moscow

function setUp() {
  const { db, repos, deps, team, ivan, member } = memoryTeam(NOW);
  const chat: FollowupTarget = { chatId: ivan.id, messageId: 7, receiverId: null, locale: "ru" };
  let update = 0;
  const deal = (client: string, notify: FollowupTarget | null = chat) =>
    recordEntry(
      deps,
      member,
      { kind: "deal", outcome: null, amountMinor: 5_000_000, clientName: client, lostReason: null },
      { occurredAt: NOW, sourceUpdateId: ++update, notify },
    );
  const count = (sql: string) => db.$client.prepare(sql).pluck().get() as number;
  return { deps, repos, team, member, deal, count };
}

describe("the after-reply queue", () => {
  it("stores a job with the entry and runs nothing until drained; the drain awards once and says so", () => {
    const { deps, repos, deal, count } = setUp();
    expect(deal("Acme").status).toBe("logged");
    expect(count("select count(*) from followups")).toBe(1);
    expect(count("select count(*) from awards")).toBe(0);

    const round = runFollowups(deps);
    expect(round.done).toBe(1);
    expect(round.notices).toHaveLength(1);
    expect(round.notices[0]!.kind).toBe("deal");
    expect(round.notices[0]!.celebrations.badges.map((b) => b.code)).toEqual(["first_deal"]);
    expect(round.notices[0]!.target).toEqual({ chatId: 2, messageId: 7, receiverId: null, locale: "ru" });
    expect(repos.followups.pendingCount()).toBe(0);
    // Nothing left: a second drain runs nothing and awards nothing again.
    expect(runFollowups(deps)).toEqual({ done: 0, notices: [] });
    expect(count("select count(*) from awards where code = 'first_deal'")).toBe(1);
  });

  it("an error that ends the whole transaction leaves every job of the batch queued, none run on its own", () => {
    const { deps, deal, count } = setUp();
    deal("Acme");
    deal("Beta");
    // SQLite rolls the whole transaction back on some errors (a full disk, an I/O error):
    // RAISE(ROLLBACK) does the same. The drain runs inside the group commit's transaction.
    deps.db.$client.exec("create trigger gone before insert on awards begin select raise(rollback, 'disk full'); end");
    expect(() => deps.db.$client.transaction(() => runFollowups(deps))()).toThrow();
    expect(count("select count(*) from followups")).toBe(2);
    deps.db.$client.exec("drop trigger gone");
    expect(runFollowups(deps).done).toBe(2);
    expect(count("select count(*) from awards where code = 'first_deal'")).toBe(1);
  });

  it("runs a burst in batches, oldest first, and a refused entry queues nothing", () => {
    const { deps, member, deal, count } = setUp();
    for (let i = 0; i < 5; i++) deal(`Client ${i}`);
    // The same update again is a duplicate: no second entry, no second job.
    const again = recordEntry(
      deps,
      member,
      { kind: "deal", outcome: null, amountMinor: 5_000_000, clientName: "Client 0", lostReason: null },
      { occurredAt: NOW, sourceUpdateId: 1, notify: null },
    );
    expect(again.status).toBe("duplicate");
    expect(count("select count(*) from followups")).toBe(5);
    const first = runFollowups(deps, 3);
    expect(first.done).toBe(3);
    // Only the first deal earned the badge; the others only their reaction (🔥).
    expect(first.notices.map((n) => n.celebrations.badges.length)).toEqual([1, 0, 0]);
    expect(runFollowups(deps, 3).done).toBe(2);
    expect(count("select count(*) from followups")).toBe(0);
  });

  it("marks running contests dirty from the job, not when the entry is stored", () => {
    const { deps, repos, team, deal, count } = setUp();
    repos.contests.create(
      {
        teamId: team.id,
        name: "Ноябрь",
        nameKey: "ноябрь",
        metric: "deals",
        kind: "individual",
        startDate: "2026-11-24",
        endDate: "2026-11-26",
        startAt: NOW - 86_400_000,
        endAt: NOW + 86_400_000,
        createdBy: 1,
      },
      [],
    );
    deal("Acme", null);
    expect(count("select count(*) from contests where dirty_at is not null")).toBe(0);
    expect(runFollowups(deps).notices).toEqual([]); // no chat to tell
    expect(count("select count(*) from contests where dirty_at is not null")).toBe(1);
    expect(repos.followups.pendingCount()).toBe(0);
  });

  it("an entry undone before its job ran earns nothing", () => {
    const { deps, repos, team, member, deal, count } = setUp();
    deal("Acme");
    repos.entries.undoLast(team.id, member.user.id, 0, NOW);
    expect(runFollowups(deps)).toEqual({ done: 1, notices: [] });
    expect(count("select count(*) from awards")).toBe(0);
  });

  it("a failing check is logged and costs that job's badge only: the jobs behind it still run", () => {
    const { deps, deal, count } = setUp();
    const errors: unknown[] = [];
    deps.logger = { ...deps.logger, error: (obj: unknown) => errors.push(obj) } as unknown as AppDeps["logger"];
    deal("Acme");
    deal("Beta");
    const award = vi.spyOn(deps.repos.awards, "award").mockImplementationOnce(() => {
      throw new Error("disk I/O error");
    });
    const round = runFollowups(deps);
    award.mockRestore();
    expect(round.done).toBe(2);
    expect(errors).toHaveLength(1);
    // The first job's savepoint was rolled back; the second deal then earned the first-deal badge.
    expect(round.notices.map((n) => n.celebrations.badges.map((b) => b.code))).toEqual([[], ["first_deal"]]);
    expect(count("select count(*) from awards where code = 'first_deal'")).toBe(1);
    expect(count("select count(*) from followups")).toBe(0);
  });
});
