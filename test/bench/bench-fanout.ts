// `npm run bench:fanout`: the morning summaries of 1,000 teams (text and
// chart each) sent through the delivery layer (src/delivery) to the suite's
// fake Bot API (test/fake-telegram: this bench lives under test/ for it), which enforces Telegram's limits (30/s overall, 20/min per
// group, ~1/s per private chat) by answering 429 + retry_after. Some groups
// were upgraded to supergroups (400 migrate_to_chat_id) and a few removed the
// bot (403). Prints a table; the last line is one JSON object.
//
// Summaries come from buildMorningSummary (src/services/morning-summary.ts) on
// a database from buildBenchDatabase (1000 teams × 3 managers × 10 days,
// cached in .bench-cache/), or — with --source synthetic — from realistic
// synthetic text plus a barChart per team.
// Summaries and charts are produced in a child process while this one sends
// (chart.js draws synchronously: ~40 ms of CPU per chart that must not sit
// between the bot and its sockets). Not a worker thread: node-canvas crashes
// the whole process (SIGSEGV) when a thread that used it exits.
//
// Flags: --teams N (1000), --small (200 teams, for a quick run), --managers N (3),
// --days N (10), --source summary|synthetic, --renderers N (1 child process),
// --rebuild (ignore the cached database),
// --via renderer|scheduler (renderer). With --via scheduler the bot's real path is
// measured instead: PostScheduler.runDue(now) on a copy of the bench database, with
// summaries and charts built on the main thread (see bench-fanout-scheduler.ts).

import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot } from "grammy";
import { pino } from "pino";
import { cachedBenchDatabase, projectPath } from "../../src/cli/bench-cache.js";
import type { BenchDataOptions } from "../../src/cli/bench-data.js";
import { createDelivery, type DeliveryOutcome } from "../../src/delivery/index.js";
import { TEAM_GROUP } from "../../src/domain/trust-policy.js";
import { barChart } from "../../src/presentation/charts/index.js";
import { escapeHtml } from "../../src/presentation/html.js";

const TOKEN = "123456:FANOUT";
/** Thursday's data; "now" is Friday 09:00 Moscow, when the morning summaries go out. */
const END_DATE = "2026-10-29";
const GLOBAL_PER_SECOND = 30;
const TARGET_RATIO = 1.25;
/** Every 100th team's group became a supergroup (1%); every 200th removed the bot (0.5%). */
const isMigrated = (t: number) => t % 100 === 50;
const isBlocked = (t: number) => t % 200 === 123;

type Source = "summary" | "synthetic";

interface TeamRef {
  index: number;
  teamId: number;
  chatId: number;
  name: string;
}

/** Renderer → sender, over IPC with "advanced" serialization (PNG bytes as a Uint8Array). */
type FromRenderer =
  | { type: "ready" }
  | { type: "text"; index: number; html: string; caption: string; buildMs: number }
  | { type: "chart"; index: number; png: Uint8Array; renderMs: number }
  | { type: "done"; peakRssMb: number }
  | { type: "error"; message: string };

interface RendererInput {
  source: Source;
  dbPath: string | null;
  now: number;
  teams: TeamRef[];
  managers: number;
}

// ---------------------------------------------------------------- args

function parseArgs(argv: string[]) {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive integer`);
    return n;
  };
  const i = argv.indexOf("--source");
  const source = i >= 0 ? argv[i + 1] : "summary";
  if (source !== "summary" && source !== "synthetic") throw new Error("--source summary|synthetic");
  const v = argv.indexOf("--via");
  const via = v >= 0 ? argv[v + 1] : "renderer";
  if (via !== "renderer" && via !== "scheduler") throw new Error("--via renderer|scheduler");
  if (via === "scheduler" && source === "synthetic") throw new Error("--via scheduler measures the real path: it needs --source summary");
  return {
    via,
    teams: value("--teams", argv.includes("--small") ? 200 : 1000),
    managers: value("--managers", 3),
    days: value("--days", 10),
    renderers: value("--renderers", 1),
    source: source as Source,
    rebuild: argv.includes("--rebuild"),
  };
}

// ---------------------------------------------------------------- teams

async function teamsFromDatabase(path: string): Promise<TeamRef[]> {
  const { openDatabase, closeDatabase } = await import("../../src/db/client.js");
  const { createRepositories } = await import("../../src/db/repositories/index.js");
  const db = openDatabase(path);
  try {
    return createRepositories(db)
      .teams.all()
      .flatMap((team, index) => (team.chatId === null ? [] : [{ index, teamId: team.id, chatId: team.chatId, name: team.name }]));
  } finally {
    closeDatabase(db);
  }
}

function syntheticTeams(n: number): TeamRef[] {
  return Array.from({ length: n }, (_, t) => ({ index: t, teamId: t + 1, chatId: -1_000_000_000_000 - t, name: `Отдел продаж №${t + 1}` }));
}

// ---------------------------------------------------------------- renderer: summaries and charts

/**
 * Runs in the renderer child: first every team's text (cheap: the pipe fills
 * at once), then the charts in team order. The sender only sends.
 */
async function produce(input: RendererInput, post: (m: FromRenderer) => void, go: Promise<void>): Promise<void> {
  const charts: { index: number; render: () => Promise<Buffer> }[] = [];
  let build: (team: TeamRef) => { html: string; caption: string; chart: (() => Promise<Buffer>) | null };
  if (input.source === "summary") {
    const { openDatabase } = await import("../../src/db/client.js");
    const { createRepositories } = await import("../../src/db/repositories/index.js");
    const { loadConfig } = await import("../../src/config.js");
    const { buildMorningSummary } = await import("../../src/services/morning-summary.js");
    const { renderMorningSummary } = await import("../../src/presentation/views/morning-summary-view.js");
    const db = openDatabase(input.dbPath!);
    const repos = createRepositories(db);
    const deps = { config: loadConfig({}), db, repos, logger: pino({ level: "silent" }), now: () => input.now };
    build = (ref) => renderMorningSummary(buildMorningSummary(deps, repos.teams.byId(ref.teamId)!, input.now), "ru", TEAM_GROUP);
    build(input.teams[0]!); // warm-up, like a bot that has been up since the evening
  } else {
    build = (ref) => syntheticSummary(ref, input.managers);
  }
  await barChart({ title: "warm-up", labels: ["a"], series: [{ label: "a", values: [1] }] });
  post({ type: "ready" });
  await go;

  for (const team of input.teams) {
    const t0 = performance.now();
    const content = build(team);
    post({ type: "text", index: team.index, html: content.html, caption: content.caption, buildMs: performance.now() - t0 });
    if (content.chart) charts.push({ index: team.index, render: content.chart });
  }
  for (const { index, render } of charts) {
    const t0 = performance.now();
    const png = await render();
    post({ type: "chart", index, png, renderMs: performance.now() - t0 });
  }
  post({ type: "done", peakRssMb: process.resourceUsage().maxRSS / 1024 });
}

/** A deterministic stand-in shaped like the real summary: a per-manager table, best, month line, and a chart. */
function syntheticSummary(team: TeamRef, managers: number) {
  let seed = team.teamId * 2654435761;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
  const names = ["Иван", "Мария", "Пётр", "Анна", "Дмитрий", "Елена", "Сергей", "Ольга"];
  const rows = Array.from({ length: managers }, (_, m) => ({
    name: names[(team.teamId + m) % names.length]!,
    calls: 10 + rnd(20),
    meetings: rnd(4),
    deals: rnd(3),
    revenue: rnd(3) * 60_000,
  }));
  const line = (r: (typeof rows)[number]) =>
    `${r.name.padEnd(8)}${`${r.calls}/20`.padStart(6)}${String(r.meetings).padStart(6)}${String(r.deals).padStart(7)}${String(Math.round(r.revenue / 1000)).padStart(5)}т`;
  const best = [...rows].sort((a, b) => b.deals - a.deals || b.revenue - a.revenue)[0]!;
  const html = [
    `☀️ <b>Доброе утро, ${escapeHtml(team.name)}!</b> Итоги за 29.10:`,
    `<pre>Кто      Звонки Встр. Сделки Выр.\n${rows.map(line).join("\n")}</pre>`,
    `🏆 Лучший вчера: <b>${best.name}</b> — сделки: ${best.deals}`,
    `<b>Месяц на сегодня</b> · октябрь 2026`,
    ...rows.map((r) => `${r.name}: сделки ${r.deals * 4}/8 (${r.deals * 50}%) · темп ${r.deals * 48}%`),
  ].join("\n");
  const month = rows.map((r) => r.deals * 4 + rnd(3));
  const chart = () =>
    barChart({
      title: "Сделки · октябрь 2026",
      subtitle: team.name,
      labels: rows.map((r) => r.name),
      series: [{ label: "Сделки", values: month }],
      target: { value: 8, label: "План" },
    });
  return { html, caption: `сделки · ${team.name} · октябрь 2026`, chart };
}

/** Starts a renderer child on this file (fork keeps tsx's loader via execArgv). */
function startRenderer(input: RendererInput): ChildProcess {
  const child = fork(fileURLToPath(import.meta.url), ["--render-child"], { stdio: "inherit", serialization: "advanced" });
  child.send(input);
  return child;
}

// ---------------------------------------------------------------- main: the fan-out

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const source = args.source;
  const { zonedTime } = await import("../../src/domain/time.js");
  const now = zonedTime("2026-10-30", 9, 0, "Europe/Moscow");

  let dbPath: string | null = null;
  let dbNote = "—";
  let teams: TeamRef[];
  if (source === "summary") {
    const params: BenchDataOptions = {
      teams: args.teams,
      managersPerTeam: args.managers,
      days: args.days,
      seed: 20261029,
      endDate: END_DATE,
    };
    const db = await cachedBenchDatabase(params, { prefix: "fanout", rebuild: args.rebuild });
    dbPath = db.path;
    dbNote = `${projectPath(db.path)} (${db.built === null ? "cached" : `built in ${db.built.seconds.toFixed(1)} s`})`;
    if (args.via === "scheduler") {
      const { runSchedulerBench } = await import("./bench-fanout-scheduler.js");
      const ok = await runSchedulerBench({
        dbPath: db.path,
        dbNote,
        token: TOKEN,
        globalPerSecond: GLOBAL_PER_SECOND,
        targetRatio: TARGET_RATIO,
        isMigrated,
        isBlocked,
        timeline: true,
      });
      process.exitCode = ok ? 0 : 1;
      return;
    }
    teams = await teamsFromDatabase(db.path);
  } else {
    teams = syntheticTeams(args.teams);
  }

  const { startFakeTelegram } = await import("../fake-telegram/index.js");
  const fake = await startFakeTelegram({ token: TOKEN, rateLimits: true });
  const bot = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
  // As src/bot/create-bot.ts does: 429s that do happen are waited out and retried.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: false }));

  const migratedTo = new Map<number, number>();
  const blockedChats = new Set<number>();
  for (const team of teams) {
    if (isMigrated(team.index)) fake.migrateChat(team.chatId, -2_000_000_000_000 - team.index);
    if (isBlocked(team.index)) fake.blockChat(team.chatId);
  }
  const delivery = createDelivery(bot.api, {
    hooks: {
      onMigrated: (from, to) => void migratedTo.set(from, to), // the bot would update teams.chat_id here
      onBlocked: (chatId) => void blockedChats.add(chatId),
    },
  });

  // Renderers: each builds a share of the teams, pre-warmed (modules loaded, DB open) before the clock starts,
  // like a bot process that has been up since the evening.
  const shares = Array.from({ length: args.renderers }, (_, w) => teams.filter((_, i) => i % args.renderers === w));
  const renderers = shares.map((share) => startRenderer({ source, dbPath, now, teams: share, managers: args.managers }));
  const byIndex = new Map(teams.map((t) => [t.index, t]));
  const textOutcomes = new Map<number, Promise<DeliveryOutcome>>();
  const captions = new Map<number, string>();
  const outcomes: Promise<DeliveryOutcome | null>[] = [];
  let buildMs = 0;
  let renderMs = 0;
  let lastTextReadyAt = 0;
  let lastChartReadyAt = 0;
  let chartsSkipped = 0;
  let started = 0;
  let rendererPeakRssMb = 0;

  const finished = renderers.map(
    (child) =>
      new Promise<void>((resolve, reject) => {
        child.on("error", reject);
        child.on("exit", (code) => reject(new Error(`renderer exited early (code ${code})`)));
        child.on("message", (raw) => {
          const m = raw as FromRenderer;
          if (m.type === "error") reject(new Error(m.message));
          else if (m.type === "done") {
            rendererPeakRssMb += m.peakRssMb;
            resolve();
          } else if (m.type === "text") {
            const team = byIndex.get(m.index)!;
            buildMs += m.buildMs;
            lastTextReadyAt = performance.now();
            const sent = delivery.send({ chatId: team.chatId, html: m.html, label: `summary:team ${team.teamId}` });
            textOutcomes.set(m.index, sent);
            outcomes.push(sent);
            captions.set(m.index, m.caption);
          } else if (m.type === "chart") {
            renderMs += m.renderMs;
            lastChartReadyAt = performance.now();
            const team = byIndex.get(m.index)!;
            const png = Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength);
            // As the scheduler does: the chart follows only a delivered text, to the chat it reached.
            const chart = textOutcomes.get(m.index)!.then((text) => {
              if (text.status !== "sent") {
                chartsSkipped++;
                return null;
              }
              return delivery.send({
                chatId: text.chatId,
                html: escapeHtml(captions.get(m.index) ?? ""),
                photo: { data: png, filename: "summary.png" },
                label: `chart:team ${team.teamId}`,
              });
            });
            outcomes.push(chart);
          }
        });
      }),
  );
  await Promise.all(renderers.map((c) => new Promise<void>((resolve) => c.once("message", () => resolve()))));

  started = performance.now();
  for (const c of renderers) c.send("go");
  await Promise.all(finished);
  const results = await Promise.all(outcomes);
  await delivery.idle();
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  for (const c of renderers) {
    c.removeAllListeners("exit");
    c.disconnect(); // the renderer exits once its IPC channel closes
  }

  // ---------------------------------------------------------------- what arrived
  const stats = fake.stats();
  const blockedTeams = teams.filter((t) => isBlocked(t.index));
  const migratedTeams = teams.filter((t) => isMigrated(t.index));
  const messagesTotal = teams.length * 2;
  const expected = (teams.length - blockedTeams.length) * 2;
  // Every reachable team's final chat must hold exactly its text and its chart.
  let wrongChats = 0;
  for (const team of teams) {
    if (isBlocked(team.index)) continue;
    const chat = migratedTo.get(team.chatId) ?? team.chatId;
    const got = fake
      .messagesTo(chat)
      .map((c) => c.method)
      .join(",");
    if (got !== "sendMessage,sendPhoto") wrongChats++;
  }
  const counts = { sent: 0, blocked: 0, failed: 0 };
  for (const r of results) if (r) counts[r.status]++;
  const requests = fake.calls.filter((c) => c.method === "sendMessage" || c.method === "sendPhoto").length;
  const idealSeconds = expected / GLOBAL_PER_SECOND;
  const ratio = seconds / idealSeconds;
  const ok = stats.delivered === expected && stats.duplicates === 0 && wrongChats === 0 && counts.failed === 0 && ratio <= TARGET_RATIO;

  const rows: [string, string][] = [
    ["summaries", source === "summary" ? "buildMorningSummary on a bench database" : "synthetic text + barChart"],
    ["database", dbNote],
    ["teams", String(teams.length)],
    ["messages (text + chart per team)", String(messagesTotal)],
    [
      "blocked teams (403, not expected)",
      `${blockedTeams.length} teams, ${blockedTeams.length * 2} messages; onBlocked ${blockedChats.size}×, charts skipped ${chartsSkipped}`,
    ],
    ["migrated groups (400 → supergroup)", `${migratedTeams.length}; followed ${migratedTo.size}`],
    ["expected to arrive", String(expected)],
    ["delivered (fake Bot API)", String(stats.delivered)],
    ["duplicates", String(stats.duplicates)],
    ["chats not holding exactly text+chart", String(wrongChats)],
    ["outcomes sent / blocked / failed", `${counts.sent} / ${counts.blocked} / ${counts.failed}`],
    ["send requests (incl. 403/400)", String(requests)],
    ["429 answers", String(stats.rejected429)],
    [
      "summaries built (renderer)",
      `${(buildMs / 1000).toFixed(1)} s CPU, last ready at ${((lastTextReadyAt - started) / 1000).toFixed(1)} s`,
    ],
    [
      "charts rendered (renderer)",
      `${(renderMs / 1000).toFixed(1)} s, last ready at ${((lastChartReadyAt - started) / 1000).toFixed(1)} s`,
    ],
    ["seconds (first send … last outcome)", seconds.toFixed(2)],
    [`ideal seconds (expected ÷ ${GLOBAL_PER_SECOND}/s)`, idealSeconds.toFixed(2)],
    ["ratio to limit", `${ratio.toFixed(3)} (target ≤ ${TARGET_RATIO})`],
    ["throughput", `${(requests / seconds).toFixed(2)} requests/s, ${(stats.delivered / seconds).toFixed(2)} delivered/s`],
    [
      "peak RSS",
      `${(peakRssMb + rendererPeakRssMb).toFixed(0)} MB = sender (bot, delivery, fake API) ${peakRssMb.toFixed(0)} + renderer ${rendererPeakRssMb.toFixed(0)}`,
    ],
    ["verdict", ok ? "OK" : "NOT OK"],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log();
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log(
    JSON.stringify({
      teams: teams.length,
      source,
      messages_total: messagesTotal,
      expected,
      delivered: stats.delivered,
      duplicates: stats.duplicates,
      blocked_teams: blockedTeams.length,
      blocked_messages: blockedTeams.length * 2,
      migrated_groups: migratedTo.size,
      failed: counts.failed,
      rejected_429: stats.rejected429,
      requests,
      seconds: Number(seconds.toFixed(2)),
      ideal_seconds: Number(idealSeconds.toFixed(2)),
      ratio_to_limit: Number(ratio.toFixed(3)),
      peak_rss_mb: Math.round(peakRssMb + rendererPeakRssMb),
      peak_rss_sender_mb: Math.round(peakRssMb),
      peak_rss_renderer_mb: Math.round(rendererPeakRssMb),
      ok,
    }),
  );
  await fake.close();
  process.exitCode = ok ? 0 : 1;
}

// ---------------------------------------------------------------- entry points

if (process.argv[2] === "--render-child") {
  const input = await new Promise<RendererInput>((resolve) => process.once("message", (m) => resolve(m as RendererInput)));
  const go = new Promise<void>((resolve) => process.once("message", () => resolve()));
  const post = (m: FromRenderer) => void process.send!(m);
  await produce(input, post, go).catch((err: unknown) =>
    post({ type: "error", message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
  process.once("disconnect", () => process.exit(0));
} else {
  await main();
}
