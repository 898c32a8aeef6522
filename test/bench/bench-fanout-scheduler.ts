// `npm run bench:fanout -- --via scheduler`: the same morning fan-out, but on the
// bot's real path. A copy of the bench database is set up so that every team's
// morning summary (and nothing else) is due at one instant, then
// `PostScheduler.runDue(now)` from createPostScheduler does everything: claims
// each post, builds the summary, sends the text, renders the chart ON THE MAIN
// THREAD, sends the chart, follows migrations and marks blocked groups through
// its delivery hooks. Only timing probes are added from outside (an inner grammY
// transformer, a wrapper around the delivery's `send`, around `posts.claim`, and
// around chartjs-node-canvas's renderToBuffer); none of them changes behaviour.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EventLoopUtilization, monitorEventLoopDelay, performance } from "node:perf_hooks";
import { autoRetry } from "@grammyjs/auto-retry";
import Database from "better-sqlite3";
import { ChartJSNodeCanvas } from "chartjs-node-canvas";
import { Bot } from "grammy";
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import type { DeliveryOutcome, Outgoing } from "../../src/delivery/index.js";
import { readTeamSettings } from "../../src/domain/team-settings.js";
import { localClock, zonedTime } from "../../src/domain/time.js";
import { TEAM_GROUP } from "../../src/domain/trust-policy.js";
import { renderMorningSummary } from "../../src/presentation/views/morning-summary-view.js";
import { createPostScheduler } from "../../src/scheduler/create-post-scheduler.js";
import { dueSlots } from "../../src/scheduler/due-posts.js";
import type { AppDeps } from "../../src/services/deps.js";
import { buildMorningSummary } from "../../src/services/morning-summary.js";

export interface SchedulerBenchInput {
  /** The cached fan-out database (never written: a copy is used). */
  dbPath: string;
  dbNote: string;
  token: string;
  globalPerSecond: number;
  targetRatio: number;
  /** Same mix as the default mode, by a team's position in teams.all(). */
  isMigrated: (index: number) => boolean;
  isBlocked: (index: number) => boolean;
  /** Print the per-5-second timeline. */
  timeline: boolean;
}

/** Every team is put in this zone; the instant is the default mode's "now". */
const ZONE = "Europe/Moscow";
const DATE = "2026-10-30"; // a Friday
const POSTS_ON = { summary: true, evening: false, weekly: false, alerts: false, nudge: false };

// ---------------------------------------------------------------- probes

interface ApiAttempt {
  method: string;
  chatId: number;
  t0: number;
  t1: number;
  ok: boolean;
  code: number | null;
}
interface Render {
  t0: number;
  syncMs: number;
  encodeMs: number | null;
}
interface TeamTrace {
  claimAt?: number;
  /** When the scheduler handed the text to delivery (= end of buildMorningSummary). */
  textQueuedAt?: number;
  textDoneAt?: number;
  textStatus?: DeliveryOutcome["status"];
  chartQueuedAt?: number;
  chartDoneAt?: number;
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

function dist(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return `n ${s.length}, total ${(sum / 1000).toFixed(1)} s, mean ${(sum / Math.max(1, s.length)).toFixed(1)} ms, p50 ${pct(s, 0.5).toFixed(1)}, p95 ${pct(s, 0.95).toFixed(1)}, max ${pct(s, 1).toFixed(1)} ms`;
}

/** Counts log lines by level (the bot logs at info; this bench keeps them off the terminal). */
function countingLogger() {
  const byLevel = new Map<number, number>();
  const errors: string[] = [];
  const logger = pino(
    { level: "info" },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { level: number; msg?: string; err?: { message?: string } };
        byLevel.set(entry.level, (byLevel.get(entry.level) ?? 0) + 1);
        if (entry.level >= 50 && errors.length < 5) errors.push(`${entry.msg ?? ""}${entry.err?.message ? `: ${entry.err.message}` : ""}`);
      },
    },
  );
  const summary = () => ({
    info: byLevel.get(30) ?? 0,
    warn: byLevel.get(40) ?? 0,
    error: (byLevel.get(50) ?? 0) + (byLevel.get(60) ?? 0),
  });
  return { logger, summary, errors };
}

// ---------------------------------------------------------------- the run

export async function runSchedulerBench(input: SchedulerBenchInput): Promise<boolean> {
  const now = zonedTime(DATE, 9, 0, ZONE);

  // A private copy: runDue writes posts, chat ids and unreachable marks.
  const dir = mkdtempSync(join(tmpdir(), "bench-fanout-"));
  const copyPath = join(dir, "fanout.db");
  try {
    const src = new Database(input.dbPath, { readonly: true, fileMustExist: true });
    await src.backup(copyPath);
    src.close();
    return await runOnCopy(input, copyPath, now);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runOnCopy(input: SchedulerBenchInput, dbPath: string, now: number): Promise<boolean> {
  const db = openDatabase(dbPath);
  const repos = createRepositories(db);

  // -------- every team: one zone, summary at 09:00 on weekdays, to the group only, nothing else
  const zonesBefore = new Map<string, number>();
  db.$client.transaction(() => {
    for (const team of repos.teams.all()) {
      zonesBefore.set(team.timezone, (zonesBefore.get(team.timezone) ?? 0) + 1);
      const settings = {
        ...team.settings,
        workdays: [1, 2, 3, 4, 5],
        summaryTime: "09:00",
        quietFrom: null,
        quietTo: null,
        summaryTo: ["group"],
        enabled: POSTS_ON,
      };
      repos.teams.update(team.id, { timezone: ZONE, settings, chatUnreachableAt: null });
    }
    db.$client.prepare("DELETE FROM posts").run();
    db.$client.prepare("DELETE FROM alerts").run();
  })();

  const teams = repos.teams.all();
  const clock = localClock(now, ZONE);
  for (const team of teams) {
    const due = dueSlots(readTeamSettings(team.settings), team.timezone, now)
      .map((s) => s.key)
      .join(",");
    if (due !== "summary")
      throw new Error(`team ${team.id}: due at ${clock.date} ${clock.hour}:${clock.minute} is "${due}", expected "summary"`);
  }

  const { logger, summary: logSummary, errors: logErrors } = countingLogger();
  const deps: AppDeps = { config: loadConfig({}), db, repos, logger, now: () => now };

  // -------- the fake Bot API and a grammY Api as src/bot/create-bot.ts sets it up
  const { startFakeTelegram } = await import("../fake-telegram/index.js");
  const fake = await startFakeTelegram({ token: input.token, rateLimits: true });
  const bot = new Bot(input.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });

  // Probe 1 (installed first = innermost): every HTTP attempt, 429s included.
  const attempts: ApiAttempt[] = [];
  bot.api.config.use(async (prev, method, payload, signal) => {
    const t0 = performance.now();
    const res = await prev(method, payload, signal);
    const chatId = Number((payload as { chat_id?: unknown }).chat_id ?? 0);
    attempts.push({ method, chatId, t0, t1: performance.now(), ok: res.ok, code: res.ok ? null : res.error_code });
    return res;
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: true }));

  const originalChat = new Map<number, number>(); // team id → chat id before the run
  teams.forEach((team, index) => {
    originalChat.set(team.id, team.chatId);
    if (input.isMigrated(index)) fake.migrateChat(team.chatId, -2_000_000_000_000 - index);
    if (input.isBlocked(index)) fake.blockChat(team.chatId);
  });

  const { scheduler, delivery } = createPostScheduler(bot.api, deps);

  // Warm-up, like a bot that has been up since the evening: modules, chart.js and fonts loaded.
  const warm = renderMorningSummary(buildMorningSummary(deps, teams[0]!, now), teams[0]!.locale, TEAM_GROUP);
  await warm.chart?.();

  // Probe 2: per-team timestamps. claim → build → delivery.send(text) run in one synchronous stretch.
  const trace = new Map<number, TeamTrace>();
  const traceOf = (teamId: number) => {
    let t = trace.get(teamId);
    if (!t) trace.set(teamId, (t = {}));
    return t;
  };
  const claim = repos.posts.claim.bind(repos.posts);
  repos.posts.claim = (teamId, ...rest) => {
    const id = claim(teamId, ...rest);
    traceOf(teamId).claimAt = performance.now();
    return id;
  };
  let headNotices = 0;
  const send = delivery.send.bind(delivery);
  delivery.send = (msg: Outgoing) => {
    const at = performance.now();
    const m = /^summary:(\d+):group$/.exec(msg.label ?? "");
    if (!m) {
      headNotices++;
      return send(msg);
    }
    const t = traceOf(Number(m[1]));
    if (msg.photo) t.chartQueuedAt = at;
    else t.textQueuedAt = at;
    return send(msg).then((outcome) => {
      if (msg.photo) t.chartDoneAt = performance.now();
      else {
        t.textDoneAt = performance.now();
        t.textStatus = outcome.status;
      }
      return outcome;
    });
  };

  // Probe 3: chart draws. chartjs-node-canvas draws synchronously, then encodes the PNG on the libuv pool.
  const renders: Render[] = [];
  const proto = ChartJSNodeCanvas.prototype as unknown as { renderToBuffer: (this: ChartJSNodeCanvas, ...a: unknown[]) => Promise<Buffer> };
  const renderToBuffer = proto.renderToBuffer;
  proto.renderToBuffer = function (this: ChartJSNodeCanvas, ...a: unknown[]) {
    const t0 = performance.now();
    const p = renderToBuffer.apply(this, a);
    const t1 = performance.now();
    const r: Render = { t0, syncMs: t1 - t0, encodeMs: null };
    renders.push(r);
    void p.then(
      () => void (r.encodeMs = performance.now() - t1),
      () => undefined,
    );
    return p;
  };

  // Probe 4: the main thread. Event-loop utilisation and delay, and the delivery backlog, every 100 ms.
  const samples: { t: number; busy: number; queued: number }[] = [];
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let lastElu: EventLoopUtilization = performance.eventLoopUtilization();
  const sampler = setInterval(() => {
    const elu = performance.eventLoopUtilization(lastElu);
    lastElu = performance.eventLoopUtilization();
    samples.push({ t: performance.now(), busy: elu.active, queued: delivery.stats().queued });
  }, 100);

  // -------- the clock
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  delay.enable();
  const started = performance.now();
  const returned = await scheduler.runDue(now);
  const runDueDoneAt = performance.now();
  await delivery.idle();
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  const elu = performance.eventLoopUtilization(elu0);
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  proto.renderToBuffer = renderToBuffer;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  // ---------------------------------------------------------------- what arrived
  const after = new Map(repos.teams.all().map((t) => [t.id, t]));
  const stats = fake.stats();
  let groupDelivered = 0;
  let privateDelivered = 0;
  for (const [chat, n] of stats.deliveredByChat) {
    if (chat < 0) groupDelivered += n;
    else privateDelivered += n;
  }
  const blockedTeams = teams.filter((_, i) => input.isBlocked(i));
  const migratedTeams = teams.filter((_, i) => input.isMigrated(i));
  const messagesTotal = teams.length * 2;
  const expected = (teams.length - blockedTeams.length) * 2;
  let wrongChats = 0;
  let followed = 0;
  let markedUnreachable = 0;
  teams.forEach((team, i) => {
    const now2 = after.get(team.id)!;
    if (now2.chatId !== originalChat.get(team.id)) followed++;
    if (now2.chatUnreachableAt !== null) markedUnreachable++;
    if (input.isBlocked(i)) return;
    const got = fake
      .messagesTo(now2.chatId)
      .map((c) => c.method)
      .join(",");
    if (got !== "sendMessage,sendPhoto") wrongChats++;
  });
  const postRows = db.$client.prepare("SELECT status, count(*) AS n FROM posts GROUP BY status").all() as { status: string; n: number }[];
  const postCounts = Object.fromEntries(postRows.map((r) => [r.status, r.n]));
  const outcomes = { sent: 0, blocked: 0, failed: 0 };
  for (const t of trace.values()) if (t.textStatus) outcomes[t.textStatus]++;
  const requests = fake.calls.filter((c) => c.method === "sendMessage" || c.method === "sendPhoto").length;
  const idealSeconds = expected / input.globalPerSecond;
  const ratio = seconds / idealSeconds;
  const ok =
    groupDelivered === expected && stats.duplicates === 0 && wrongChats === 0 && outcomes.failed === 0 && ratio <= input.targetRatio;

  // ---------------------------------------------------------------- where the time went
  const rel = (t: number) => (t - started) / 1000;
  const traces = [...trace.values()];
  const buildMs = traces.flatMap((t) => (t.claimAt !== undefined && t.textQueuedAt !== undefined ? [t.textQueuedAt - t.claimAt] : []));
  const textWait = traces.flatMap((t) =>
    t.textQueuedAt !== undefined && t.textDoneAt !== undefined ? [t.textDoneAt - t.textQueuedAt] : [],
  );
  const textToChart = traces.flatMap((t) =>
    t.textDoneAt !== undefined && t.chartQueuedAt !== undefined ? [t.chartQueuedAt - t.textDoneAt] : [],
  );
  const chartWait = traces.flatMap((t) =>
    t.chartQueuedAt !== undefined && t.chartDoneAt !== undefined ? [t.chartDoneAt - t.chartQueuedAt] : [],
  );
  const drawMs = renders.map((r) => r.syncMs);
  const encodeMs = renders.flatMap((r) => (r.encodeMs === null ? [] : [r.encodeMs]));
  const sends = attempts.filter((a) => a.method === "sendMessage" || a.method === "sendPhoto");
  const rtt = sends.map((a) => a.t1 - a.t0);
  const busySeconds = elu.active / 1000;
  const drawSeconds = drawMs.reduce((a, b) => a + b, 0) / 1000;
  const buildSeconds = buildMs.reduce((a, b) => a + b, 0) / 1000;
  const firstSend = Math.min(...sends.map((a) => a.t0));
  const lastTextQueued = Math.max(...traces.map((t) => t.textQueuedAt ?? 0));
  const lastChartQueued = Math.max(...traces.map((t) => t.chartQueuedAt ?? 0));

  const diag: [string, string][] = [
    ["wall clock", `${seconds.toFixed(2)} s (runDue returned at ${rel(runDueDoneAt).toFixed(2)} s, ${returned} messages)`],
    [
      "process CPU",
      `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)} + sys ${(cpu.system / 1e6).toFixed(1)}; includes the libuv pool's PNG encoding) on 2 cores`,
    ],
    ["main thread busy (ELU)", `${busySeconds.toFixed(1)} s = ${(elu.utilization * 100).toFixed(0)}% of the wall clock`],
    ["  chart draws (sync, main thread)", `${drawSeconds.toFixed(1)} s: ${dist(drawMs)}`],
    ["  summaries built (sync, main thread)", `${buildSeconds.toFixed(1)} s: ${dist(buildMs)}`],
    [
      "  everything else on the main thread",
      `${(busySeconds - drawSeconds - buildSeconds).toFixed(1)} s (grammY + fake Bot API HTTP both ends, delivery, sqlite, logging, GC)`,
    ],
    ["PNG encode (libuv pool, off-thread)", dist(encodeMs)],
    [
      "event-loop delay",
      `p50 ${(delay.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms, max ${(delay.max / 1e6).toFixed(0)} ms`,
    ],
    ["first send at", `${rel(firstSend).toFixed(2)} s`],
    ["per team: text queued → answered", dist(textWait)],
    ["per team: text answered → chart queued", `${dist(textToChart)} (chart() = draw + encode + waiting for the loop)`],
    ["per team: chart queued → answered", dist(chartWait)],
    ["send round trips (HTTP attempt)", dist(rtt)],
    ["last text queued / last chart queued", `${rel(lastTextQueued).toFixed(1)} s / ${rel(lastChartQueued).toFixed(1)} s`],
    [
      "log lines (info/warn/error)",
      `${logSummary().info} / ${logSummary().warn} / ${logSummary().error}${logErrors.length ? `: ${logErrors.join(" | ")}` : ""}`,
    ],
  ];

  // Per-5-second buckets: sends started, main-thread busy, chart draw, summary build, backlog.
  const bucketMs = 5000;
  const nBuckets = Math.ceil((seconds * 1000) / bucketMs);
  const buckets = Array.from({ length: nBuckets }, () => ({
    sends: 0,
    r429: 0,
    busy: 0,
    draw: 0,
    build: 0,
    queuedSum: 0,
    queuedN: 0,
    texts: 0,
    charts: 0,
  }));
  const bucketOf = (t: number) => buckets[Math.min(nBuckets - 1, Math.max(0, Math.floor((t - started) / bucketMs)))]!;
  for (const a of sends) {
    const b = bucketOf(a.t0);
    b.sends++;
    if (a.code === 429) b.r429++;
    if (a.ok) a.method === "sendMessage" ? b.texts++ : b.charts++;
  }
  for (const r of renders) if (r.t0 >= started) bucketOf(r.t0).draw += r.syncMs;
  for (const t of traces)
    if (t.claimAt !== undefined && t.textQueuedAt !== undefined) bucketOf(t.claimAt).build += t.textQueuedAt - t.claimAt;
  for (const s of samples) {
    if (s.t < started) continue;
    const b = bucketOf(s.t - 50);
    b.busy += s.busy;
    b.queuedSum += s.queued;
    b.queuedN++;
  }
  const timeline = [
    "   t (s)  sends/s  ok text/chart  429  main busy  draw  build  backlog",
    ...buckets.map(
      (b, i) =>
        `${`${i * 5}–${i * 5 + 5}`.padStart(8)}  ${(b.sends / 5).toFixed(1).padStart(7)}  ${`${b.texts}/${b.charts}`.padStart(13)}  ${String(b.r429).padStart(3)}  ${`${((b.busy / bucketMs) * 100).toFixed(0)}%`.padStart(9)}  ${`${((b.draw / bucketMs) * 100).toFixed(0)}%`.padStart(4)}  ${`${((b.build / bucketMs) * 100).toFixed(0)}%`.padStart(5)}  ${(b.queuedN ? b.queuedSum / b.queuedN : 0).toFixed(1).padStart(7)}`,
    ),
  ];

  const zones = [...zonesBefore].map(([z, n]) => `${z} ${n}`).join(", ");
  const rows: [string, string][] = [
    ["mode", "scheduler: createPostScheduler(api, deps).runDue(now), charts drawn on the main thread"],
    ["summaries", "buildMorningSummary via PostScheduler (summary → group only; evening/weekly/alerts/nudge off)"],
    ["database", `${input.dbNote}, copied; all teams moved to ${ZONE} (were: ${zones})`],
    ["now", `${new Date(now).toISOString()} = ${clock.date} 09:00 ${ZONE} (ISO weekday ${clock.weekday})`],
    ["teams", String(teams.length)],
    ["messages (text + chart per team)", String(messagesTotal)],
    [
      "blocked teams (403, not expected)",
      `${blockedTeams.length} teams, ${blockedTeams.length * 2} messages; marked unreachable ${markedUnreachable}, heads told in private ${headNotices} (delivered ${privateDelivered})`,
    ],
    ["migrated groups (400 → supergroup)", `${migratedTeams.length}; followed ${followed} (teams.chat_id updated)`],
    ["expected to arrive (group chats)", String(expected)],
    ["delivered to group chats (fake Bot API)", `${groupDelivered} (+ ${privateDelivered} private notices = ${stats.delivered})`],
    ["duplicates", String(stats.duplicates)],
    ["chats not holding exactly text+chart", String(wrongChats)],
    ["text outcomes sent / blocked / failed", `${outcomes.sent} / ${outcomes.blocked} / ${outcomes.failed}`],
    ["posts rows by status", JSON.stringify(postCounts)],
    ["send requests (incl. 403/400)", String(requests)],
    ["429 answers", String(stats.rejected429)],
    ["summaries built (main thread)", `${buildSeconds.toFixed(1)} s CPU, last text queued at ${rel(lastTextQueued).toFixed(1)} s`],
    [
      "charts rendered (main thread draw)",
      `${drawSeconds.toFixed(1)} s draw + ${(encodeMs.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s encode (pool), last chart queued at ${rel(lastChartQueued).toFixed(1)} s`,
    ],
    ["seconds (runDue … last outcome)", seconds.toFixed(2)],
    [`ideal seconds (expected ÷ ${input.globalPerSecond}/s)`, idealSeconds.toFixed(2)],
    ["ratio to limit", `${ratio.toFixed(3)} (target ≤ ${input.targetRatio})`],
    ["throughput", `${(requests / seconds).toFixed(2)} requests/s, ${(stats.delivered / seconds).toFixed(2)} delivered/s`],
    ["peak RSS", `${peakRssMb.toFixed(0)} MB (one process: bot, scheduler, charts, fake API)`],
    ["verdict", ok ? "OK" : "NOT OK"],
  ];

  console.log();
  if (input.timeline) {
    for (const line of timeline) console.log(line);
    console.log();
  }
  const dw = Math.max(...diag.map(([k]) => k.length));
  for (const [k, v] of diag) console.log(`${k.padEnd(dw)}  ${v}`);
  console.log();
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log(
    JSON.stringify({
      mode: "scheduler",
      teams: teams.length,
      source: "summary",
      messages_total: messagesTotal,
      expected,
      delivered: groupDelivered,
      delivered_total: stats.delivered,
      head_notices: privateDelivered,
      duplicates: stats.duplicates,
      blocked_teams: blockedTeams.length,
      blocked_messages: blockedTeams.length * 2,
      migrated_groups: followed,
      failed: outcomes.failed,
      rejected_429: stats.rejected429,
      requests,
      seconds: Number(seconds.toFixed(2)),
      ideal_seconds: Number(idealSeconds.toFixed(2)),
      ratio_to_limit: Number(ratio.toFixed(3)),
      peak_rss_mb: Math.round(peakRssMb),
      main_thread_busy_s: Number(busySeconds.toFixed(1)),
      chart_draw_s: Number(drawSeconds.toFixed(1)),
      summary_build_s: Number(buildSeconds.toFixed(1)),
      ok,
    }),
  );
  await fake.close();
  closeDatabase(db);
  return ok;
}
