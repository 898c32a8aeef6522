// `npm run bench:ci` (run by `npm test`, before vitest, so `npm test -- <vitest flags>` still
// reaches vitest): a small-scale bench, seconds long, that runs
// each hot path beside its naive path (full scans, KPIs in JS) in the same process and
// fails when the hot path gives other numbers, or loses most of its advantage. Ratios of
// CPU medians, not absolute times: a shared or slow CI machine slows both sides alike,
// but a query that stops using its index, or a reply that reads its period three times,
// shows up here at the landing, not a wave later.
//
// Flags: --runs N (15 alternating pairs per path).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { pino } from "pino";
import { benchIds, buildBenchDatabase } from "../../src/cli/bench-data.js";
import { naiveTeamMonth } from "../../src/cli/bench-naive.js";
import { loadConfig } from "../../src/config.js";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { timeSeries } from "../../src/domain/kpi.js";
import { resolvePeriod } from "../../src/domain/periods.js";
import { planPeriodSpecs } from "../../src/domain/plans.js";
import { zonedTime } from "../../src/domain/time.js";
import { businessContext, forgetTeamHistory } from "../../src/services/business.js";
import { headDashboard } from "../../src/services/dashboard.js";
import type { AppDeps } from "../../src/services/deps.js";
import { leaderboard } from "../../src/services/leaderboard.js";
import { planStandings, replyKpis } from "../../src/services/scorecard.js";
import { buildTeamReport } from "../../src/services/team-report.js";
import { teamWeekStart } from "../../src/services/team-settings.js";

/**
 * The least a hot path must keep of its advantage over the naive path: a ratio (naive
 * CPU ÷ hot CPU) under this fails. At this scale the hot paths run 4–15× faster; a
 * lost index or a doubled read brings a path near 1×.
 */
const MIN_RATIO = 2;
const END_DATE = "2026-10-30";
const i = process.argv.indexOf("--runs");
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 15;

const dir = mkdtempSync(join(tmpdir(), "kpi-ratios-"));
const path = join(dir, "ratios.db");
const started = performance.now();
// Many small teams: the naive path scans them all, the hot paths read one team's month.
const TEAMS = 80;
const built = buildBenchDatabase(path, { teams: TEAMS, managersPerTeam: 3, days: 25, seed: 7, endDate: END_DATE });
const db = openDatabase(path);
const repos = createRepositories(db);
const team = repos.teams.byId(benchIds.team(0))!;
const now = zonedTime(END_DATE, 19, 0, team.timezone);
const deps: AppDeps = { config: loadConfig({}), db, repos, logger: pino({ level: "silent" }), now: () => now };
const month = resolvePeriod({ kind: "month" }, now, team.timezone);
const manager = repos.users.byId(benchIds.manager(0, 0))!;
const people = repos.memberships
  .listTeam(team.id)
  .filter((m) => m.membership.role === "manager")
  .map((m) => m.user.id);
const naive = (ids: number[], period = month) => naiveTeamMonth(db.$client, team.id, period, ids, businessContext(deps, team, null));
/** The periods of the team's plans (a report reads each of them, the naive way by a full scan each). */
const planPeriods = [...new Set(repos.plans.list(team.id).map((p) => p.period))].map((p) =>
  resolvePeriod(planPeriodSpecs(p).current, now, team.timezone, { weekStart: teamWeekStart(team) }),
);

interface Path {
  name: string;
  hot: () => unknown;
  naive: () => unknown;
  /** The hot path's numbers and the naive path's, which must be equal. */
  same: () => [unknown, unknown];
}

// Each hot path runs as a reply would after the team logged a deal (its history read
// again), the naive path as the whole month read by full scans.
const PATHS: Path[] = [
  {
    name: "/me month (one person)",
    hot: () => {
      const kpis = replyKpis(deps, team);
      return [kpis(month, manager.id), planStandings(deps, team, manager.id, now, kpis)];
    },
    naive: () => naive([manager.id]).byUser.get(manager.id),
    same: () => [replyKpis(deps, team)(month, manager.id), naive([manager.id]).byUser.get(manager.id)],
  },
  {
    name: "leaderboard month (deals)",
    hot: () => leaderboard(deps, team, "deals", month),
    naive: () => naive(people).byUser,
    same: () => {
      const ranked = new Map(leaderboard(deps, team, "deals", month).map((r) => [r.item.user.id, r.value]));
      const slow = naive(people).byUser;
      return [people.map((id) => ranked.get(id)), people.map((id) => slow.get(id)?.deals)];
    },
  },
  {
    name: "/report month (team, plans)",
    hot: () => buildTeamReport(deps, team, month, now),
    naive: () => [naive(people), ...planPeriods.map((p) => naive(people, p))],
    same: () => [buildTeamReport(deps, team, month, now).snapshot.total, naive(people).total],
  },
  {
    name: "Mini App head view (team, trend)",
    hot: () => headDashboard(deps, team, month, now, "deals"),
    naive: () => {
      const all = db.$client
        .prepare(
          `select id, user_id as userId, kind, outcome, amount_minor as amountMinor, occurred_at as occurredAt, lead_id as leadId,
                  client_name as clientName, lost_reason as lostReason
             from activities not indexed where team_id = ? and occurred_at >= ? and occurred_at < ? and deleted_at is null`,
        )
        .all(team.id, month.from, month.to) as Parameters<typeof timeSeries>[0];
      return [naive(people), ...planPeriods.map((p) => naive(people, p)), timeSeries(all, month, team.timezone, "day", "deals")];
    },
    same: () => [
      headDashboard(deps, team, month, now, "deals").trend,
      timeSeries(
        db.$client
          .prepare(
            "select id, user_id as userId, kind, outcome, amount_minor as amountMinor, occurred_at as occurredAt from activities not indexed where team_id = ? and occurred_at >= ? and occurred_at < ? and deleted_at is null",
          )
          .all(team.id, month.from, month.to) as Parameters<typeof timeSeries>[0],
        month,
        team.timezone,
        "day",
        "deals",
      ).map((p) => ({ key: p.key, value: p.value })),
    ],
  },
];

function cpuMs(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const results: { name: string; hot: number; naive: number; ratio: number; same: boolean }[] = [];
for (const p of PATHS) {
  const [a, b] = p.same();
  const same = isDeepStrictEqual(a, b);
  for (let w = 0; w < 3; w++) {
    p.hot();
    p.naive();
  }
  const hot: number[] = [];
  const slow: number[] = [];
  // Alternating, so a burst of load elsewhere falls on both sides.
  for (let r = 0; r < RUNS; r++) {
    forgetTeamHistory(deps);
    hot.push(cpuMs(p.hot));
    slow.push(cpuMs(p.naive));
  }
  const h = median(hot);
  const n = median(slow);
  results.push({ name: p.name, hot: h, naive: n, ratio: n / Math.max(h, 0.001), same });
}
closeDatabase(db);
rmSync(dir, { recursive: true, force: true });

const width = Math.max(...results.map((r) => r.name.length));
console.log(
  `hot paths vs naive full scans · ${built.activities.toLocaleString("en-US")} entries, ${TEAMS} teams · CPU medians of ${RUNS} alternating runs · ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`${"path".padEnd(width)}  ${"hot ms".padStart(7)}  ${"naive ms".padStart(8)}  ${"ratio".padStart(6)}  same numbers`);
for (const r of results) {
  console.log(
    `${r.name.padEnd(width)}  ${r.hot.toFixed(2).padStart(7)}  ${r.naive.toFixed(2).padStart(8)}  ${`×${r.ratio.toFixed(1)}`.padStart(6)}  ${r.same ? "yes" : "NO"}`,
  );
}
const failed = results.filter((r) => !r.same || r.ratio < MIN_RATIO);
for (const r of failed) {
  console.error(
    r.same
      ? `FAIL ${r.name}: ×${r.ratio.toFixed(1)} the naive path, under ×${MIN_RATIO}: it lost most of its advantage`
      : `FAIL ${r.name}: its numbers differ from the naive path's`,
  );
}
console.log(JSON.stringify(Object.fromEntries(results.map((r) => [r.name, Math.round(r.ratio * 10) / 10]))));
process.exitCode = failed.length > 0 ? 1 : 0;
