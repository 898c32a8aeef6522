import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BenchDataOptions, type BenchDataResult, benchEntries, benchIds, buildBenchDatabase } from "../../src/cli/bench-data.js";
import { loadConfig } from "../../src/config.js";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { resolvePeriod } from "../../src/domain/periods.js";
import { zonedTime } from "../../src/domain/time.js";
import type { Period } from "../../src/domain/types.js";
import type { AppDeps } from "../../src/services/deps.js";
import { kpisFor } from "../../src/services/scorecard.js";

const OPTS: BenchDataOptions & { endDate: string } = { teams: 2, managersPerTeam: 3, days: 20, seed: 7, endDate: "2026-10-30" };
const FORWARD = ["new", "qualified", "meeting", "proposal", "won"];

let dir: string;
let path: string;
let result: BenchDataResult;
let db: Database.Database;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kpi-bench-"));
  path = join(dir, "bench.db");
  result = buildBenchDatabase(path, OPTS);
  db = new Database(path, { readonly: true });
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

describe("buildBenchDatabase", () => {
  it("reports what it wrote and leaves the file in WAL mode", () => {
    expect(result.activities).toBe(one<{ n: number }>("select count(*) as n from activities").n);
    expect(result.leads).toBe(one<{ n: number }>("select count(*) as n from leads").n);
    expect(result.activities).toBeGreaterThan(1_000);
    expect(result.seconds).toBeGreaterThan(0);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("creates the teams in several zones, each with one head and its managers, and plans", () => {
    const teams = all<{ id: number; timezone: string }>("select id, timezone from teams order by id");
    expect(teams).toEqual([
      { id: 1, timezone: "Europe/Moscow" },
      { id: 2, timezone: "Asia/Yekaterinburg" },
    ]);
    const roles = all<{ team_id: number; role: string; n: number }>(
      "select team_id, role, count(*) as n from memberships where active = 1 group by team_id, role order by team_id, role",
    );
    expect(roles).toEqual([
      { team_id: 1, role: "head", n: 1 },
      { team_id: 1, role: "manager", n: 3 },
      { team_id: 2, role: "head", n: 1 },
      { team_id: 2, role: "manager", n: 3 },
    ]);
    expect(one<{ n: number }>("select count(*) as n from memberships m left join users u on u.id = m.user_id where u.id is null").n).toBe(
      0,
    );
    expect(one<{ n: number }>("select count(distinct team_id) as n from plans").n).toBe(2);
  });

  it("has a realistic mix: every kind present, calls dominating", () => {
    const kinds = Object.fromEntries(
      all<{ kind: string; n: number }>("select kind, count(*) as n from activities group by kind").map((r) => [r.kind, r.n]),
    );
    for (const kind of ["call", "lead", "meeting", "proposal", "presentation", "deal", "lost"])
      expect(kinds[kind] ?? 0, kind).toBeGreaterThan(0);
    expect(kinds["call"]!).toBeGreaterThan(result.activities / 2);
    expect(kinds["lead"]!).toBeGreaterThan(kinds["deal"]!);
  });

  it("logs every activity by a member of its team, and links leads of the same team and owner", () => {
    expect(
      one<{ n: number }>(
        "select count(*) as n from activities a left join memberships m on m.team_id = a.team_id and m.user_id = a.user_id where m.id is null",
      ).n,
    ).toBe(0);
    expect(
      one<{ n: number }>(
        "select count(*) as n from leads l left join memberships m on m.team_id = l.team_id and m.user_id = l.owner_id where m.id is null",
      ).n,
    ).toBe(0);
    expect(
      one<{ n: number }>(
        "select count(*) as n from activities a join leads l on l.id = a.lead_id where l.team_id <> a.team_id or l.owner_id <> a.user_id",
      ).n,
    ).toBe(0);
    expect(
      one<{ n: number }>(
        "select count(*) as n from activities a left join leads l on l.id = a.lead_id where a.lead_id is not null and l.id is null",
      ).n,
    ).toBe(0);
    // Each lead was created by a /lead or /deal entry pointing at it.
    expect(
      one<{ n: number }>(
        "select count(*) as n from leads l left join activities a on a.id = l.created_by_activity_id where a.id is null or a.lead_id <> l.id or a.kind not in ('lead', 'deal')",
      ).n,
    ).toBe(0);
  });

  it("keeps outcomes, amounts and lost reasons on the right kinds; deals have positive whole amounts", () => {
    expect(
      one<{ n: number }>(
        "select count(*) as n from activities where kind = 'deal' and (amount_minor is null or amount_minor <= 0 or amount_minor <> cast(amount_minor as integer))",
      ).n,
    ).toBe(0);
    expect(one<{ n: number }>("select count(*) as n from activities where kind <> 'deal' and amount_minor is not null").n).toBe(0);
    expect(one<{ n: number }>("select count(*) as n from activities where (kind = 'call') <> (outcome is not null)").n).toBe(0);
    expect(
      one<{ n: number }>("select count(*) as n from activities where kind = 'lost' and (lost_reason is null or lead_id is null)").n,
    ).toBe(0);
  });

  it("gives every lead the stage of its furthest history entry, with no stage skipped", () => {
    const leads = all<{ id: number; team_id: number; owner_id: number; stage: string; lost_at_stage: string | null; created_at: number }>(
      "select id, team_id, owner_id, stage, lost_at_stage, created_at from leads",
    );
    const history = new Map<number, { stage: string; entered_at: number; team_id: number; owner_id: number }[]>();
    for (const h of all<{ lead_id: number; stage: string; entered_at: number; team_id: number; owner_id: number }>(
      "select lead_id, stage, entered_at, team_id, owner_id from lead_stages order by id",
    )) {
      history.set(h.lead_id, [...(history.get(h.lead_id) ?? []), h]);
    }
    const stages = new Set(leads.map((l) => l.stage));
    expect([...stages].sort()).toEqual(["lost", "meeting", "new", "proposal", "qualified", "won"]);
    for (const lead of leads) {
      const rows = history.get(lead.id) ?? [];
      const names = rows.map((r) => r.stage);
      const forward = names.filter((s) => s !== "lost");
      // A prefix of the forward path, in order: skipped stages were entered too.
      expect(forward, `lead ${lead.id}`).toEqual(FORWARD.slice(0, forward.length));
      expect(forward.length).toBeGreaterThan(0);
      expect(rows[0]!.entered_at).toBe(lead.created_at);
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.entered_at).toBeGreaterThanOrEqual(rows[i - 1]!.entered_at);
      for (const r of rows) expect([r.team_id, r.owner_id]).toEqual([lead.team_id, lead.owner_id]);
      if (lead.stage === "lost") {
        expect(names.at(-1)).toBe("lost");
        expect(names.filter((s) => s === "lost")).toHaveLength(1);
        expect(lead.lost_at_stage).toBe(forward.at(-1));
      } else {
        expect(names).not.toContain("lost");
        expect(lead.stage).toBe(forward.at(-1));
        expect(lead.lost_at_stage).toBeNull();
      }
    }
    expect(history.size).toBe(leads.length);
  });

  it("writes exactly the rows entriesRepository.log writes for the same entries", () => {
    const replayPath = join(dir, "replay.db");
    const replay = openDatabase(replayPath);
    try {
      const sqlite = replay.$client;
      sqlite.prepare("attach database ? as bench").run(path);
      sqlite.exec(
        "insert into main.teams select * from bench.teams; insert into main.users select * from bench.users; insert into main.memberships select * from bench.memberships;",
      );
      const repos = createRepositories(replay);
      replay.transaction(() => {
        for (const batch of benchEntries(OPTS)) for (const e of batch) repos.entries.log({ ...e, sourceUpdateId: null });
      });
      const diff = (cols: string, table: string) =>
        (
          sqlite
            .prepare(`select count(*) as n from (select ${cols} from main.${table} except select ${cols} from bench.${table})`)
            .get() as { n: number }
        ).n +
        (
          sqlite
            .prepare(`select count(*) as n from (select ${cols} from bench.${table} except select ${cols} from main.${table})`)
            .get() as { n: number }
        ).n;
      expect(
        diff(
          "id, team_id, user_id, kind, outcome, amount_minor, client_name, lead_id, lead_stage_before, lost_reason, occurred_at",
          "activities",
        ),
      ).toBe(0);
      expect(diff("*", "leads")).toBe(0);
      expect(diff("lead_id, team_id, owner_id, stage, entered_at, activity_id", "lead_stages")).toBe(0);
      expect((sqlite.prepare("select count(*) as n from main.activities").get() as { n: number }).n).toBe(result.activities);
    } finally {
      closeDatabase(replay);
    }
  });

  it("gives /me KPIs equal to direct SQL counts over the same period", () => {
    const app = openDatabase(path);
    try {
      const repos = createRepositories(app);
      for (const t of [0, 1]) {
        const team = repos.teams.byId(benchIds.team(t))!;
        const now = zonedTime(OPTS.endDate, 19, 0, team.timezone);
        const deps: AppDeps = { config: loadConfig({}), db: app, repos, logger: pino({ level: "silent" }), now: () => now };
        for (const period of [
          resolvePeriod({ kind: "month" }, now, team.timezone),
          resolvePeriod({ kind: "week" }, now, team.timezone),
        ] as Period[]) {
          const userId = benchIds.manager(t, 0);
          const values = kpisFor(deps, team, period, [userId]);
          const direct = one<{ calls: number; deals: number; revenue: number; meetings: number }>(
            `select count(case when kind = 'call' then 1 end) as calls, count(case when kind = 'deal' then 1 end) as deals,
                    coalesce(sum(case when kind = 'deal' then amount_minor end), 0) as revenue, count(case when kind = 'meeting' then 1 end) as meetings
               from activities where team_id = ? and user_id = ? and deleted_at is null and occurred_at >= ? and occurred_at < ?`,
            team.id,
            userId,
            period.from,
            period.to,
          );
          expect(direct.calls).toBeGreaterThan(0);
          expect({ calls: values.calls, deals: values.deals, revenue: values.revenue, meetings: values.meetings }).toEqual(direct);
        }
      }
      // Undone (soft-deleted) calls are in the data and left out of /me.
      const team = repos.teams.byId(benchIds.team(0))!;
      const now = zonedTime(OPTS.endDate, 19, 0, team.timezone);
      const deps: AppDeps = { config: loadConfig({}), db: app, repos, logger: pino({ level: "silent" }), now: () => now };
      const month = resolvePeriod({ kind: "month" }, now, team.timezone);
      const userId = benchIds.manager(0, 0);
      const withDeleted = one<{ n: number; del: number }>(
        "select count(*) as n, count(deleted_at) as del from activities where team_id = ? and user_id = ? and kind = 'call' and occurred_at >= ? and occurred_at < ?",
        team.id,
        userId,
        month.from,
        month.to,
      );
      expect(withDeleted.del).toBeGreaterThan(0);
      expect(kpisFor(deps, team, month, [userId]).calls).toBe(withDeleted.n - withDeleted.del);
    } finally {
      closeDatabase(app);
    }
  });

  it("is deterministic for a seed", () => {
    const again = join(dir, "again.db");
    buildBenchDatabase(again, OPTS);
    const other = new Database(again, { readonly: true });
    const sum = (d: Database.Database) =>
      d
        .prepare(
          "select count(*) as n, sum(occurred_at % 1000003) as t, sum(coalesce(amount_minor, 0)) as a, sum(deleted_at is not null) as del from activities",
        )
        .get();
    expect(sum(other)).toEqual(sum(db));
    other.close();
  });
});
