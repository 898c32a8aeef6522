// `npm run bench`: builds (once, cached in .bench-cache/) a year of data for
// 1,000 managers in 100 teams and times what the bot runs for /me, the team
// leaderboard, /report and a chart, against the same team-month aggregation
// done by a naive full scan; then the largest requests the bot accepts (the
// longest period the shared bound lets through, on each heavy path), whose
// slowest is `largest_request_ms`. The last line printed is one JSON object.
//
// Flags: --small (10 teams × 10 managers × 90 days), --runs N (default 30),
// --rebuild (ignore the cache), --explain (print the SQLite plan of every
// query the measured paths run).

import { statSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { pino } from "pino";
import { loadConfig } from "../config.js";
import { closeDatabase, openDatabase } from "../db/client.js";
import { createRepositories } from "../db/repositories/index.js";
import { MAX_IMPROVED_DAYS } from "../domain/fair-ranking.js";
import { computeFunnel } from "../domain/funnel.js";
import { checkFileEntries, type FileFormat, MAX_PERIOD_DAYS, MAX_REQUEST_ENTRIES, MAX_SERIES_POINTS } from "../domain/period-bounds.js";
import { resolvePeriod } from "../domain/periods.js";
import { builtinDefinition, type ReportDefinition } from "../domain/report-definition.js";
import { addDays, zonedTime } from "../domain/time.js";
import { HEAD_PRIVATE, PUBLIC_PAGE } from "../domain/trust-policy.js";
import type { Period } from "../domain/types.js";
import { barChart } from "../presentation/charts/index.js";
import { periodLabel } from "../presentation/format/period-label.js";
import { renderLiveStandings } from "../presentation/views/contest-view.js";
import { activitiesCsv, summaryCsv } from "../presentation/views/csv-export.js";
import { renderReportTable } from "../presentation/views/custom-report-view.js";
import { headDashboardJson } from "../presentation/views/dashboard-view.js";
import { renderFunnel } from "../presentation/views/funnel-view.js";
import { standingLine } from "../presentation/views/plan-progress.js";
import { reportChart } from "../presentation/views/report-charts.js";
import { renderTeamReport } from "../presentation/views/report-view.js";
import { renderScorecard } from "../presentation/views/scorecard-view.js";
import { tvJson } from "../presentation/views/tv-view.js";
import { activitiesXlsx } from "../presentation/views/xlsx-export.js";
import { businessContext, forgetTeamHistory } from "../services/business.js";
import { computeStandings } from "../services/contests.js";
import { runReport } from "../services/custom-report.js";
import { headDashboard } from "../services/dashboard.js";
import type { AppDeps } from "../services/deps.js";
import { improvedLeaderboard, improvedReadsFrom } from "../services/fair-leaderboard.js";
import { leaderboard } from "../services/leaderboard.js";
import { entriesLimit } from "../services/request-bounds.js";
import { kpisFor, planStandings, replyKpis } from "../services/scorecard.js";
import { buildTeamReport } from "../services/team-report.js";
import { teamPeriod } from "../services/team-settings.js";
import { teamSnapshot } from "../services/team-snapshot.js";
import { tvBoard } from "../services/tv-board.js";
import { clientBundle } from "../web/bundle.js";
import { cachedBenchDatabase, projectPath } from "./bench-cache.js";
import { type BenchDataOptions, benchIds } from "./bench-data.js";
import { naiveTeamMonth } from "./bench-naive.js";

/** A fixed last day (a Friday) so the cache stays valid; "now" is that evening, so October is a full month. */
const END_DATE = "2026-10-30";
const FULL: BenchDataOptions = { teams: 100, managersPerTeam: 10, days: 365, seed: 20261030, endDate: END_DATE };
const SMALL: BenchDataOptions = { teams: 10, managersPerTeam: 10, days: 90, seed: 20261030, endDate: END_DATE };
const TARGETS = { me: 8, leaderboard: 10, report: 30, chart: 35, dashboard: 30, tv: 100, contest: 50, points: 50, largest: 500 } as const;
const WARMUP = 3;

interface Stat {
  p50: number;
  p95: number;
  /** Median CPU time of the process (all threads): steadier than wall time on a shared machine. */
  cpuP50: number;
  runs: number;
}

// ---------------------------------------------------------------- timing

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** `fresh` runs untimed before each run: whatever a real reply would not find kept. */
async function measure(runs: number, fn: () => unknown, fresh: () => void = () => {}): Promise<Stat> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    fresh();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = fn();
    if (r instanceof Promise) await r;
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: median(times), p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!, cpuP50: median(cpu), runs };
}

// ---------------------------------------------------------------- explain

/** Records every SQL text prepared on the connection (drizzle prepares per call). */
function captureSql(sqlite: AppDeps["db"]["$client"]): { stop: () => string[] } {
  const seen = new Set<string>();
  const original = sqlite.prepare;
  sqlite.prepare = function (this: typeof sqlite, source: string) {
    seen.add(source);
    return original.call(this, source);
  } as typeof sqlite.prepare;
  return {
    stop: () => {
      sqlite.prepare = original;
      return [...seen];
    },
  };
}

function explain(sqlite: AppDeps["db"]["$client"], sqlText: string): string[] {
  const n = (sqlText.match(/\?/g) ?? []).length;
  const rows = sqlite.prepare(`explain query plan ${sqlText}`).all(...Array.from({ length: n }, () => 0)) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.id, d);
    return `${"  ".repeat(d)}${r.detail}`;
  });
}

// ---------------------------------------------------------------- main

function flag(name: string): boolean {
  return process.argv.includes(name);
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

async function runBench(): Promise<void> {
  const params = flag("--small") ? SMALL : FULL;
  const runs = Number(option("--runs") ?? 30);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs expects a positive whole number");
  const { path, built } = await cachedBenchDatabase(params, { prefix: "bench", rebuild: flag("--rebuild") });

  const db = openDatabase(path);
  const sqlite = db.$client;
  const repos = createRepositories(db);
  const team = repos.teams.byId(benchIds.team(0))!;
  const now = zonedTime(END_DATE, 19, 0, team.timezone);
  const deps: AppDeps = { config: loadConfig({}), db, repos, logger: pino({ level: "silent" }), now: () => now };
  const manager = repos.users.byId(benchIds.manager(0, 0))!;
  const month = resolvePeriod({ kind: "month" }, now, team.timezone);
  const counts = sqlite
    .prepare(
      "select (select count(*) from activities) as activities, (select count(*) from leads) as leads, (select count(*) from lead_stages) as stages, (select count(*) from memberships where role = 'manager') as managers, (select count(*) from teams) as teams",
    )
    .get() as { activities: number; leads: number; stages: number; managers: number; teams: number };

  // The measured operations, exactly as the handlers run them. Every update writes (the
  // inbox, often an entry): the team's history (won deals, inputs, members) is kept until
  // it changes (services/business.ts), so a reply usually finds it; `cold` runs each
  // reply as if the team had just logged a deal, reading its history again.
  const fresh = () => {};
  const cold = () => forgetTeamHistory(deps);
  const me = () => {
    const kpis = replyKpis(deps, team);
    const values = kpis(month, manager.id);
    const plans = planStandings(deps, team, manager.id, now, kpis).map((s) => standingLine(s, "ru"));
    return renderScorecard(manager.firstName, periodLabel(month, "ru"), values, plans, "ru", HEAD_PRIVATE);
  };
  const board = () => leaderboard(deps, team, "deals", month);
  // A manager's points for the month with the team's weights, as /me and /top points read them.
  const points = () => kpisFor(deps, team, month, [manager.id]).points;
  const report = () => renderTeamReport(buildTeamReport(deps, team, month, now), "ru", HEAD_PRIVATE);
  const snapshot = () => teamSnapshot(deps, team, month);
  // The Mini App's head view of the month: what GET /app/api/team answers (minus the socket).
  const dashboard = () => JSON.stringify(headDashboardJson(headDashboard(deps, team, month, now, "deals"), "ru", HEAD_PRIVATE));
  // The TV board: what GET /tv/api/<token> answers on every poll (plans per manager, today's deals, leaderboards).
  const tv = () => JSON.stringify(tvJson(tvBoard(deps, team, now, PUBLIC_PAGE), PUBLIC_PAGE));
  // One contest's live standings over the month, as the scheduler's edit computes and renders them
  // (the contest row is built here, not stored: the cached database stays as built).
  const monthContest = {
    ...{ id: 0, teamId: team.id, name: "Спринт", nameKey: "спринт", metric: "deals", kind: "individual" as const, prize: "" },
    ...{ startDate: month.startDate, endDate: month.endDate, startAt: month.from, endAt: month.to, status: "active" as const },
    ...{ chatId: null, messageId: null, pinned: false, lastEditAt: null, dirtyAt: null, shownHash: null, result: null },
    ...{ createdBy: 0, createdAt: 0, finishedAt: null },
  };
  const contest = () => renderLiveStandings(computeStandings(deps, team, monthContest), now, "ru");
  const managerIds = repos.memberships
    .listTeam(team.id)
    .filter((m) => m.membership.role === "manager")
    .map((m) => m.user.id);

  // Same numbers both ways, or the comparison (and the indexes) mean nothing.
  const snap = snapshot();
  const people = snap.people.map((p) => p.user.id);
  const naive = () => naiveTeamMonth(sqlite, team.id, month, people, businessContext(deps, team, null));
  const slow = naiveTeamMonth(sqlite, team.id, month, people, businessContext(deps, team, null));
  if (
    !isDeepStrictEqual(slow.byUser, snap.byUser) ||
    !isDeepStrictEqual(slow.total, snap.total) ||
    slow.activities !== snap.activities.length ||
    slow.timelines !== snap.timelines.length
  ) {
    console.error("indexed:", snap.total, "\nnaive:", slow.total);
    throw new Error("The naive full scan and the indexed queries disagree on the team's month KPIs");
  }
  if (!isDeepStrictEqual(kpisFor(deps, team, month, [manager.id]), slow.byUser.get(manager.id))) {
    throw new Error("/me KPIs differ from the naive full scan for the same manager");
  }

  const ranked = board();
  const dealsPlan = repos.plans.list(team.id).find((p) => p.metric === "deals" && p.scope === "each" && p.period === "month");
  const chart = () =>
    barChart({
      title: "Сделки за месяц",
      subtitle: `${team.name} · ${periodLabel(month, "ru")}`,
      labels: ranked.map((r) => `${r.item.user.firstName} ${r.item.user.lastName ?? ""}`.trim()),
      series: [{ label: "Сделки", values: ranked.map((r) => r.value) }],
      target: dealsPlan ? { value: dealsPlan.value, label: "План" } : null,
      locale: "ru",
    });

  if (flag("--explain")) {
    const capture = captureSql(sqlite);
    me();
    report();
    for (const text of capture.stop()) {
      console.log(`\n${text}`);
      for (const line of explain(sqlite, text)) console.log(line);
    }
    console.log("");
  }

  // The largest requests the bot accepts: each heavy path over the longest period (ending
  // today, typed as a person types it) that the handlers' own checks let through — the
  // period's length (teamPeriod), then the entries it reads, counted on the index
  // (entriesLimit; /top improved counts its four earlier periods too, an export its file).
  const typed = (days: number) => `${addDays(END_DATE, -(days - 1))}..${END_DATE}`;
  const accepts = (days: number, readsFrom: (p: Period) => number, fits: (entries: number) => boolean): Period | null => {
    const asked = teamPeriod(team, typed(days), now);
    if (!asked.ok) return null;
    const p = asked.period;
    return entriesLimit(deps, team, readsFrom(p), p.to) === null && fits(repos.entries.countInRange(team.id, p.from, p.to)) ? p : null;
  };
  /** The longest accepted period of at most `maxDays` days (every check only gets stricter as a period grows). */
  const longestAccepted = (maxDays: number, readsFrom = (p: Period) => p.from, fits = (_: number) => true) => {
    let lo = 1;
    let hi = maxDays;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (accepts(mid, readsFrom, fits)) lo = mid;
      else hi = mid - 1;
    }
    const period = accepts(lo, readsFrom, fits);
    if (!period) throw new Error("not even one day is accepted");
    if (lo < maxDays && accepts(lo + 1, readsFrom, fits)) throw new Error("a longer period is accepted too");
    const days = lo;
    return { period, days, entries: repos.entries.countInRange(team.id, period.from, period.to) };
  };
  if (teamPeriod(team, typed(MAX_PERIOD_DAYS + 1), now).ok) throw new Error("a period a day longer than the bound is accepted");
  const longest = longestAccepted(MAX_PERIOD_DAYS);
  const daily = longestAccepted(MAX_SERIES_POINTS);
  const improved = longestAccepted(MAX_IMPROVED_DAYS, (p) => improvedReadsFrom(team, p, now));
  const fileSpan = (format: FileFormat) => longestAccepted(MAX_PERIOD_DAYS, undefined, (n) => checkFileEntries(n, format) === null);
  const files = { csv: fileSpan("csv"), xlsx: fileSpan("xlsx") };
  const span = (s: { days: number; entries: number }) => `${s.days} days, ${s.entries.toLocaleString("en-US")} entries`;
  const names = new Map(repos.memberships.listTeam(team.id).map((m) => [m.user.id, m.user.firstName]));
  // As the handler does: counted on the index first, then read.
  const exportRead = (period: Period, format: FileFormat) => {
    if (checkFileEntries(repos.entries.countInRange(team.id, period.from, period.to), format)) throw new Error("refused");
    return repos.entries.activities(team.id, period.from, period.to);
  };
  const plans = repos.plans.list(team.id);
  const definitionReply = (def: ReportDefinition, period: Period) => {
    const table = runReport(deps, team, def, period);
    for (let i = 0; i === 0 || i < table.rows.length; i += 25)
      renderReportTable("Отчёт", { ...table, rows: table.rows.slice(i, i + 25) }, "ru");
    return reportChart("Отчёт", team.name, table, "ru", plans);
  };
  const L = longest.period;
  const largest: [string, () => unknown][] = [
    [`/report dynamics (${span(longest)}; table + chart)`, () => definitionReply(builtinDefinition("dynamics", "month"), L)],
    [
      `saved report by day, 4 metrics (${span(daily)}; table + chart)`,
      () =>
        definitionReply(
          { metrics: ["deals", "revenue", "calls", "avg_check"], grouping: "day", period: "month", sort: null },
          daily.period,
        ),
    ],
    [
      `/report (${span(longest)}; team report + chart)`,
      () => {
        const r = buildTeamReport(deps, team, L, now);
        renderTeamReport(r, "ru", HEAD_PRIVATE);
        const s = r.snapshot;
        return barChart({
          title: "Сделки",
          subtitle: team.name,
          labels: s.people.map((p) => p.user.firstName),
          series: [{ label: "Сделки", values: s.people.map((p) => s.byUser.get(p.user.id)!.deals) }],
          locale: "ru",
        });
      },
    ],
    [
      `/funnel (${span(longest)})`,
      () => renderFunnel("Воронка", computeFunnel(repos.entries.timelines(team.id, L.from, Number.MAX_SAFE_INTEGER), L), L, "ru"),
    ],
    [
      `/top improved deals (${span(improved)} and the four periods before)`,
      () => improvedLeaderboard(deps, team, "deals", improved.period, now),
    ],
    [
      `Mini App head view (${span(longest)})`,
      () => JSON.stringify(headDashboardJson(headDashboard(deps, team, L, now, "deals"), "ru", HEAD_PRIVATE)),
    ],
    [`/export CSV (${span(files.csv)})`, () => activitiesCsv(exportRead(files.csv.period, "csv"), names, team.timezone, "ru")],
    [`/export xlsx (${span(files.xlsx)})`, () => activitiesXlsx(exportRead(files.xlsx.period, "xlsx"), names, team.timezone, "ru")],
    [
      `/export summary CSV (${span(longest)})`,
      () => {
        const s = teamSnapshot(deps, team, L);
        return summaryCsv(s.people, s.byUser, s.total, "ru", HEAD_PRIVATE);
      },
    ],
  ];

  const naiveRuns = Math.min(runs, 10);
  const stats = {
    me: await measure(runs, me, fresh),
    meCold: await measure(runs, me, cold),
    leaderboard: await measure(runs, board, fresh),
    report: await measure(runs, report, fresh),
    reportCold: await measure(runs, report, cold),
    chart: await measure(runs, chart, fresh),
    snapshot: await measure(runs, snapshot, fresh),
    dashboard: await measure(runs, dashboard, fresh),
    tv: await measure(runs, tv, fresh),
    dashboardCold: await measure(runs, dashboard, cold),
    contest: await measure(runs, contest, fresh),
    points: await measure(runs, points, fresh),
    naive: await measure(naiveRuns, naive),
  };
  const largeRuns = Math.min(runs, 5);
  const large: [string, Stat][] = [];
  for (const [name, fn] of largest) large.push([name, await measure(largeRuns, fn, fresh)]);
  const [largestName, largestStat] = large.reduce((a, b) => (b[1].p50 > a[1].p50 ? b : a));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const dbMb = statSync(path).size / 1024 / 1024;
  closeDatabase(db);

  const rows: [string, Stat, number | null][] = [
    ["/me month (kpisFor + planStandings + renderScorecard)", stats.me, TARGETS.me],
    ["/me month, right after the team logged a deal", stats.meCold, null],
    ["leaderboard month (deals)", stats.leaderboard, TARGETS.leaderboard],
    ["/report month (buildTeamReport + renderTeamReport)", stats.report, TARGETS.report],
    ["/report month, right after the team logged a deal", stats.reportCold, null],
    ["chart (barChart: deals per manager + plan line)", stats.chart, TARGETS.chart],
    ["Mini App head month view (GET /app/api/team JSON)", stats.dashboard, TARGETS.dashboard],
    ["TV board poll (GET /tv/api/<token> JSON)", stats.tv, TARGETS.tv],
    ["Mini App head month view, right after a deal", stats.dashboardCold, null],
    ["contest standings, a month (computeStandings + render)", stats.contest, TARGETS.contest],
    ["points month, one manager (kpisFor with team weights)", stats.points, TARGETS.points],
    ["team-month aggregation, indexed (teamSnapshot)", stats.snapshot, null],
    ["team-month aggregation, naive full scan", stats.naive, null],
  ];
  const width = Math.max(...rows.map((r) => r[0].length), ...large.map((r) => r[0].length));
  console.log(
    `\nKPI Coach bench · ${counts.teams} teams, ${counts.managers} managers, ${counts.activities.toLocaleString("en-US")} activities, ${counts.leads.toLocaleString("en-US")} leads, ${counts.stages.toLocaleString("en-US")} stage rows · ${dbMb.toFixed(0)} MB`,
  );
  console.log(
    `team #${team.id} (${team.timezone}, ${managerIds.length} managers, ${snap.activities.length} entries and ${snap.timelines.length} lead timelines in ${periodLabel(month, "ru")}) · /me for ${manager.firstName} (${manager.id})`,
  );
  console.log(
    `database ${built ? `built in ${built.seconds.toFixed(1)} s (builder peak RSS ${built.peakRssMb.toFixed(0)} MB)` : "from cache"}: ${projectPath(path)}\n`,
  );
  console.log(
    `${"metric".padEnd(width)}  ${"p50 ms".padStart(8)}  ${"p95 ms".padStart(8)}  ${"cpu p50".padStart(8)}  ${"runs".padStart(4)}  ${"target".padStart(7)}  ok?`,
  );
  for (const [name, s, target] of rows) {
    const ok = target === null ? "" : s.p50 <= target ? "yes" : "NO";
    console.log(
      `${name.padEnd(width)}  ${fmt(s.p50).padStart(8)}  ${fmt(s.p95).padStart(8)}  ${fmt(s.cpuP50).padStart(8)}  ${String(s.runs).padStart(4)}  ${(target === null ? "—" : `≤ ${target}`).padStart(7)}  ${ok}`,
    );
  }
  console.log(
    `\nThe largest requests the bot accepts (the longest period ending ${END_DATE} each path's checks let through: at most ${MAX_PERIOD_DAYS} days, ${MAX_SERIES_POINTS} points a series, ${MAX_REQUEST_ENTRIES.toLocaleString("en-US")} entries read):`,
  );
  for (const [name, s] of large) {
    const ok = s.p50 <= TARGETS.largest ? "yes" : "NO";
    console.log(
      `${name.padEnd(width)}  ${fmt(s.p50).padStart(8)}  ${fmt(s.p95).padStart(8)}  ${String(s.runs).padStart(4)}  ${`≤ ${TARGETS.largest}`.padStart(7)}  ${ok}`,
    );
  }
  console.log(
    `\nnaive ÷ indexed aggregation: ×${(stats.naive.p50 / stats.snapshot.p50).toFixed(0)} · KPIs identical both ways · peak RSS ${peakRssMb.toFixed(0)} MB`,
  );

  const round = (x: number) => Math.round(x * 100) / 100;
  const bundleKb = Buffer.byteLength((await clientBundle()).code) / 1024;
  console.log(`Mini App client bundle: ${bundleKb.toFixed(1)} KB (minified, chart.js included)`);
  console.log(
    JSON.stringify({
      activities: counts.activities,
      teams: counts.teams,
      managers: counts.managers,
      me_p50_ms: round(stats.me.p50),
      leaderboard_month_p50_ms: round(stats.leaderboard.p50),
      report_month_p50_ms: round(stats.report.p50),
      chart_p50_ms: round(stats.chart.p50),
      naive_report_month_p50_ms: round(stats.naive.p50),
      peak_rss_mb: Math.round(peakRssMb),
      build_seconds: built ? round(built.seconds) : null,
      me_p95_ms: round(stats.me.p95),
      leaderboard_month_p95_ms: round(stats.leaderboard.p95),
      report_month_p95_ms: round(stats.report.p95),
      chart_p95_ms: round(stats.chart.p95),
      indexed_aggregation_month_p50_ms: round(stats.snapshot.p50),
      dashboard_api_p50_ms: round(stats.dashboard.p50),
      tv_board_p50_ms: round(stats.tv.p50),
      contest_standings_p50_ms: round(stats.contest.p50),
      points_month_p50_ms: round(stats.points.p50),
      miniapp_bundle_kb: round(bundleKb),
      me_cold_p50_ms: round(stats.meCold.p50),
      report_month_cold_p50_ms: round(stats.reportCold.p50),
      dashboard_api_cold_p50_ms: round(stats.dashboardCold.p50),
      me_cpu_p50_ms: round(stats.me.cpuP50),
      me_cold_cpu_p50_ms: round(stats.meCold.cpuP50),
      leaderboard_month_cpu_p50_ms: round(stats.leaderboard.cpuP50),
      report_month_cpu_p50_ms: round(stats.report.cpuP50),
      report_month_cold_cpu_p50_ms: round(stats.reportCold.cpuP50),
      dashboard_api_cpu_p50_ms: round(stats.dashboard.cpuP50),
      dashboard_api_cold_cpu_p50_ms: round(stats.dashboardCold.cpuP50),
      chart_cpu_p50_ms: round(stats.chart.cpuP50),
      runs,
      report_impl: "buildTeamReport+renderTeamReport",
      largest_request: largestName,
      largest_request_ms: round(largestStat.p50),
    }),
  );
}

await runBench();
