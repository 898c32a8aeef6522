// `npm run bench:start`: `npm start` as a user runs it (npm → prestart's staleness
// check → node dist/main.js) against the suite's fake Bot API. Prints the time from
// the spawn to the first getUpdates, and the RSS of the whole process tree (npm, the
// shell, node and its threads) after a head's /report, which draws a chart.
// Rounds: --rounds N (3); medians are reported. dist/ is built first (a warm start:
// prestart then only checks it is fresh).
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { User } from "grammy/types";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/index.js";

const TOKEN = "123456:START-bench-token-for-kpi-coach";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const GROUP = -100_700;
const i = process.argv.indexOf("--rounds");
const ROUNDS = i > 0 ? Number(process.argv[i + 1]) : 3;

/** A team (head + 8 managers) with a month of calls and deals, so /report draws bars. */
function seed(path: string, head: User, people: User[]): void {
  const db = openDatabase(path);
  const repos = createRepositories(db);
  const now = Date.now();
  repos.users.upsert(head, now);
  const team = repos.teams.create({ chatId: GROUP, name: "Отдел продаж", timezone: "Europe/Moscow", locale: "ru", headId: head.id });
  const insert = db.$client.prepare(
    "insert into activities (team_id, user_id, kind, amount_minor, occurred_at, created_at) values (?, ?, ?, ?, ?, ?)",
  );
  for (const [n, m] of people.entries()) {
    repos.users.upsert(m, now);
    repos.memberships.join(team.id, m.id, now);
    for (let d = 0; d < 20; d++) {
      const at = now - d * 86_400_000;
      insert.run(team.id, m.id, "call", null, at, at);
      if ((d + n) % 4 === 0) insert.run(team.id, m.id, "deal", 50_000_00, at, at);
    }
  }
  closeDatabase(db);
}

/** RSS (MB) of `pid` and every process below it, from /proc (Linux). */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(m?.[1] ?? 0);
      if (process.env["BENCH_VERBOSE"])
        console.log(
          `  pid ${p} ${readFileSync(`/proc/${p}/cmdline`, "utf8").replaceAll("\0", " ").slice(0, 60)}: ${(Number(m?.[1] ?? 0) / 1024).toFixed(1)} MB`,
        );
    } catch {
      // gone meanwhile
    }
    stack.push(...(children.get(p) ?? []));
  }
  return kb / 1024;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function round(): Promise<{ readyMs: number; rssMb: number; reportMs: number }> {
  const fake: FakeTelegram = await startFakeTelegram({ token: TOKEN });
  const head = fake.user(900, { first_name: "Ольга", language_code: "ru" });
  const people = Array.from({ length: 8 }, (_, n) => fake.user(1000 + n, { first_name: `Менеджер ${n + 1}`, language_code: "ru" }));
  const dir = mkdtempSync(join(tmpdir(), "kpi-start-"));
  const dbPath = join(dir, "bot.db");
  seed(dbPath, head, people);
  // Queued before the start: the first getUpdates is answered (and logged) at once,
  // not after its long-poll timeout, and it carries the /report.
  const after = fake.mark();
  fake.sendText(head, fake.privateChat(head), "/report month");
  const started = performance.now();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: ROOT,
    env: { ...process.env, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: dbPath, LOG_LEVEL: "warn", BACKUP_KEEP: "0" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  try {
    await fake.waitForCall((c) => c.method === "getUpdates", { timeoutMs: 60_000 });
    const readyMs = performance.now() - started;
    const asked = performance.now();
    await fake.waitForCall((c) => c.method === "sendPhoto" && c.response.ok, { after, timeoutMs: 60_000 });
    const reportMs = performance.now() - asked;
    // Let the allocator settle as it would between requests.
    await new Promise((r) => setTimeout(r, 500));
    return { readyMs, rssMb: treeRssMb(child.pid!), reportMs };
  } finally {
    // The whole group: npm, its shell and node.
    process.kill(-child.pid!, "SIGKILL");
    await exited;
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs"), "--if-stale"], { stdio: "inherit" });
const results = [];
for (let r = 0; r < ROUNDS; r++) {
  const res = await round();
  results.push(res);
  console.log(
    `round ${r + 1}: ready ${res.readyMs.toFixed(0)} ms, /report with chart ${res.reportMs.toFixed(0)} ms after that, process tree RSS ${res.rssMb.toFixed(1)} MB`,
  );
}
const ready = median(results.map((r) => r.readyMs));
const rss = median(results.map((r) => r.rssMb));
console.log(`median of ${ROUNDS}: ready ${ready.toFixed(0)} ms (target ≤ 2000), RSS ${rss.toFixed(1)} MB (target ≤ 150)`);
console.log(JSON.stringify({ ready_ms: Math.round(ready), rss_mb: Math.round(rss * 10) / 10 }));
