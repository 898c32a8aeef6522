// `npm run bench:ingest`: the real bot (src/main.ts as a child process, polling)
// against the suite's fake Bot API, 50 managers sending 2,000 /call at once, side
// by side in the same run with a bare grammY + runner + SQLite insert + reply bot
// (bare-bot.ts) on the same fake. Rounds alternate real and bare; medians are
// reported. The fake enforces no rate limits here: this measures intake and
// handling, not Telegram's 1-message-per-second-per-chat pacing.
//
// `--crash`: the real bot is killed with SIGKILL mid-burst and started again;
// reports `lost` (calls never stored), `duplicated` (entries or replies twice) and
// `followups_left` (after-reply jobs never run).
//
// Each round also reads the bot process's peak RSS (VmHWM) at the end of its burst.
//
// Flags: --managers N (50), --calls N (2000), --rounds N (3), --crash, --profile DIR (CPU
// profiles of both bots, in DIR/real and DIR/bare, for finding where their time goes).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import type { User } from "grammy/types";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/index.js";
import { BOT_MAIN, type BotProcess, ensureBuilt, startBotProcess } from "../support/bot-process.js";

const TOKEN = "123456:INGEST-bench-token-for-kpi-coach";
const BARE = fileURLToPath(new URL("./bare-bot.ts", import.meta.url));
const TSX = new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).href;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const MANAGERS = flag("managers", 50);
const CALLS = flag("calls", 2000);
const ROUNDS = flag("rounds", 3);
const CRASH = process.argv.includes("--crash");
const PROFILE = process.argv.includes("--profile") ? process.argv[process.argv.indexOf("--profile") + 1] : undefined;
const GROUP = -100_500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(
  check: () => boolean,
  timeoutMs: number,
  idleMs = Number.POSITIVE_INFINITY,
  progress?: () => number,
): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  let last = progress?.() ?? 0;
  let lastAt = Date.now();
  for (;;) {
    try {
      if (check()) return true;
    } catch {
      // the file may be busy or not there yet
    }
    const p = progress?.() ?? 0;
    if (p !== last) [last, lastAt] = [p, Date.now()];
    if (Date.now() > end || Date.now() - lastAt > idleMs) return false;
    await sleep(10);
  }
}

function managers(fake: FakeTelegram): User[] {
  return Array.from({ length: MANAGERS }, (_, i) => fake.user(1000 + i, { first_name: `Менеджер ${i + 1}`, language_code: "ru" }));
}

/** The real bot's database with one team and its managers (as if they had joined). */
function seed(path: string, people: User[], head: User): void {
  const db = openDatabase(path);
  const repos = createRepositories(db);
  const now = Date.now();
  repos.users.upsert(head, now);
  const team = repos.teams.create({ chatId: GROUP, name: "Отдел продаж", timezone: "Europe/Moscow", locale: "ru", headId: head.id });
  for (const m of people) {
    repos.users.upsert(m, now);
    repos.memberships.join(team.id, m.id, now);
  }
  closeDatabase(db);
}

function count(path: string, sql: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return Object.values(db.prepare(sql).get() as Record<string, number>)[0]!;
  } finally {
    db.close();
  }
}

const repliesTo = (fake: FakeTelegram, people: User[]) => people.reduce((n, u) => n + fake.messagesTo(u.id).length, 0);

interface Setup {
  fake: FakeTelegram;
  people: User[];
  dir: string;
  dbPath: string;
  start: () => BotProcess;
  stored: () => number;
}

async function prepare(kind: "real" | "bare"): Promise<Setup> {
  const fake = await startFakeTelegram({ token: TOKEN });
  const people = managers(fake);
  const head = fake.user(999, { first_name: "Ольга", language_code: "ru" });
  const dir = mkdtempSync(join(tmpdir(), `kpi-ingest-${kind}-`));
  const dbPath = join(dir, "bot.db");
  const env: Record<string, string> = {
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_PATH: dbPath,
    LOG_LEVEL: "warn",
    BACKUP_KEEP: "0",
  };
  if (kind === "real") seed(dbPath, people, head);
  const start = () => {
    // `--profile DIR`: each bot writes a CPU profile (.cpuprofile) there when it stops.
    const prof = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${join(PROFILE, kind)}`] : [];
    if (PROFILE && kind === "real") ensureBuilt();
    const bot = startBotProcess(env, dir, kind === "bare" ? [...prof, "--import", TSX, BARE] : PROFILE ? [...prof, BOT_MAIN] : undefined);
    bot.child.stderr?.on("data", (d) => process.stderr.write(d));
    return bot;
  };
  const stored = () =>
    kind === "real"
      ? count(dbPath, "select count(*) from activities where kind = 'call'")
      : count(dbPath, "select count(*) from calls where text like 'Клиент%'");
  return { fake, people, dir, dbPath, start, stored };
}

/** Resolves once the bot answers (it is polling). */
async function warmUp(fake: FakeTelegram, head: User): Promise<void> {
  const after = fake.mark();
  fake.sendText(head, fake.privateChat(head), "/help");
  await fake.waitForMessage(head.id, undefined, { after, timeoutMs: 30_000 });
}

function burst(fake: FakeTelegram, people: User[]): void {
  const each = Math.ceil(CALLS / people.length);
  let sent = 0;
  for (let i = 0; i < each; i++) for (const m of people) if (sent++ < CALLS) fake.sendText(m, fake.privateChat(m), `/call Клиент${i}`);
}

interface RoundResult {
  seconds: number;
  perSecond: number;
  lost: number;
  /** The bot process's CPU time per update (user + system), steadier than wall time on a busy machine. */
  cpuMsPerUpdate: number;
  /** The bot process's peak resident memory (MB) by the end of the burst. */
  peakRssMb: number;
}

/** A process's peak resident memory so far (MB), from /proc (Linux). */
function peakRssMb(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** CPU time (ms) a process has used so far, from /proc (Linux). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}

async function round(kind: "real" | "bare"): Promise<RoundResult> {
  const s = await prepare(kind);
  const bot = s.start();
  try {
    await warmUp(s.fake, s.fake.user(999));
    const cpu0 = cpuMs(bot.child.pid);
    const t0 = performance.now();
    burst(s.fake, s.people);
    await until(
      () => repliesTo(s.fake, s.people) >= CALLS,
      120_000,
      15_000,
      () => repliesTo(s.fake, s.people),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpuMsPerUpdate = (cpuMs(bot.child.pid) - cpu0) / CALLS;
    await until(() => s.stored() >= CALLS, 10_000);
    return { seconds, perSecond: CALLS / seconds, lost: CALLS - s.stored(), cpuMsPerUpdate, peakRssMb: peakRssMb(bot.child.pid) };
  } finally {
    bot.child.kill("SIGTERM");
    await bot.exited;
    await s.fake.close();
    rmSync(s.dir, { recursive: true, force: true });
  }
}

async function crashRun(): Promise<void> {
  const s = await prepare("real");
  let bot = s.start();
  await warmUp(s.fake, s.fake.user(999));
  const t0 = performance.now();
  burst(s.fake, s.people);
  const killAt = Math.floor(CALLS / 3);
  await until(() => repliesTo(s.fake, s.people) >= killAt, 60_000);
  await bot.crash();
  const repliedBeforeKill = repliesTo(s.fake, s.people);
  const storedBeforeKill = s.stored();
  bot = s.start();
  await until(
    () => s.stored() >= CALLS && s.fake.pendingUpdates() === 0,
    120_000,
    20_000,
    () => s.stored(),
  );
  await sleep(500); // replies of the last updates
  const seconds = (performance.now() - t0) / 1000;
  bot.child.kill("SIGTERM");
  await bot.exited;
  const rows = s.stored();
  const distinct = count(s.dbPath, "select count(distinct source_update_id) from activities where kind = 'call'");
  // The after-reply queue's jobs (one per entry) all ran: none left behind by the kill.
  const followupsLeft = count(s.dbPath, "select count(*) from followups");
  const replies = repliesTo(s.fake, s.people);
  const duplicateReplies = s.fake.stats().duplicates;
  await s.fake.close();
  rmSync(s.dir, { recursive: true, force: true });
  const result = {
    mode: "crash",
    updates: CALLS,
    replied_before_kill: repliedBeforeKill,
    stored_before_kill: storedBeforeKill,
    stored: distinct,
    lost: CALLS - distinct,
    duplicated: rows - distinct + duplicateReplies,
    unanswered: Math.max(0, CALLS - replies),
    followups_left: followupsLeft,
    seconds: Number(seconds.toFixed(2)),
  };
  console.log(`kill -9 after ${repliedBeforeKill} replies (${storedBeforeKill} stored), restarted:`);
  console.log(
    `  stored ${distinct}/${CALLS}, lost ${result.lost}, duplicated ${result.duplicated}, unanswered ${result.unanswered}, follow-ups left ${followupsLeft}`,
  );
  console.log(JSON.stringify(result));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  console.log(`bench:ingest — ${MANAGERS} managers, ${CALLS} /call at once; ${cpus().length} CPU(s), Node ${process.version}`);
  if (CRASH) return crashRun();
  const real: RoundResult[] = [];
  const bare: RoundResult[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    real.push(await round("real"));
    bare.push(await round("bare"));
    const [r, b] = [real[i]!, bare[i]!];
    console.log(
      `round ${i + 1}: real ${r.perSecond.toFixed(0)}/s (${r.seconds.toFixed(2)} s, ${r.cpuMsPerUpdate.toFixed(2)} ms CPU/update), ` +
        `bare ${b.perSecond.toFixed(0)}/s (${b.seconds.toFixed(2)} s, ${b.cpuMsPerUpdate.toFixed(2)} ms CPU/update)`,
    );
  }
  const perS = median(real.map((r) => r.perSecond));
  const bareS = median(bare.map((r) => r.perSecond));
  const lost = real.reduce((n, r) => n + r.lost, 0);
  const cpu = median(real.map((r) => r.cpuMsPerUpdate));
  const bareCpu = median(bare.map((r) => r.cpuMsPerUpdate));
  const rss = median(real.map((r) => r.peakRssMb));
  const bareRss = median(bare.map((r) => r.peakRssMb));
  console.log("");
  console.log("| bot | updates/s (median) | CPU ms per update (median) | peak RSS MB (median) | lost |");
  console.log("|---|---|---|---|---|");
  console.log(`| KPI Coach (inbox, teams, entries, replies) | ${perS.toFixed(0)} | ${cpu.toFixed(2)} | ${rss.toFixed(0)} | ${lost} |`);
  console.log(
    `| bare grammY + runner + insert + reply | ${bareS.toFixed(0)} | ${bareCpu.toFixed(2)} | ${bareRss.toFixed(0)} | ${bare.reduce((n, r) => n + r.lost, 0)} |`,
  );
  console.log(
    JSON.stringify({
      updates: CALLS,
      per_s: Math.round(perS),
      bare_per_s: Math.round(bareS),
      ratio: Number((perS / bareS).toFixed(3)),
      cpu_ms_per_update: Number(cpu.toFixed(2)),
      bare_cpu_ms_per_update: Number(bareCpu.toFixed(2)),
      peak_rss_mb: Math.round(rss),
      bare_peak_rss_mb: Math.round(bareRss),
      lost,
    }),
  );
}

await main();
process.exit(0);
