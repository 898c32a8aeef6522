// `npm run bench:start`: `npm start` as a user runs it (npm → prestart's staleness
// check → node dist/main.js) against the suite's fake Bot API. Prints the time from
// the spawn to the first getUpdates, and the RSS of the whole process tree (npm, the
// shell, node and its threads) after a head's /report, which draws a chart.
// Rounds: --rounds N (3); medians are reported. dist/ is built first (a warm start:
// prestart then only checks it is fresh). BENCH_CMD=/help measures a reply without a
// chart instead; BENCH_VERBOSE=1 prints each process, BENCH_SMAPS=1 the bot's mappings.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/index.js";
import { startCommand } from "../support/bot-process.js";
import { seedTeamFile } from "../support/seed-file.js";

const TOKEN = "123456:START-bench-token-for-kpi-coach";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const GROUP = -100_700;
const i = process.argv.indexOf("--rounds");
const ROUNDS = i > 0 ? Number(process.argv[i + 1]) : 3;

/**
 * RSS (MB) of `pid` and every process below it, from /proc (Linux); and PSS, which
 * shares a page mapped by several processes (node's own code, in npm's process and the
 * bot's) among them instead of counting it in each.
 */
function treeMemoryMb(pid: number): { rss: number; pss: number } {
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
  let pssKb = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(m?.[1] ?? 0);
      pssKb += Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${p}/smaps_rollup`, "utf8"))?.[1] ?? 0);
      if (process.env["BENCH_VERBOSE"])
        console.log(
          `  pid ${p} ${readFileSync(`/proc/${p}/cmdline`, "utf8").replaceAll("\0", " ").slice(0, 60)}: ${(Number(m?.[1] ?? 0) / 1024).toFixed(1)} MB`,
        );
    } catch {
      // gone meanwhile
    }
    stack.push(...(children.get(p) ?? []));
  }
  return { rss: kb / 1024, pss: pssKb / 1024 };
}

/** Where a process tree's memory is (BENCH_SMAPS=1): RSS by mapping, largest first. */
function smaps(pid: number): void {
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let cmd = "";
    try {
      cmd = readFileSync(`/proc/${name}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (!cmd.includes("dist/main.js") || cmd.startsWith("sh")) continue;
    const by = new Map<string, number>();
    let current = "";
    for (const line of readFileSync(`/proc/${name}/smaps`, "utf8").split("\n")) {
      const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) current = head[1] || "[anon]";
      const rss = /^Rss:\s+(\d+)/.exec(line);
      if (rss) by.set(current, (by.get(current) ?? 0) + Number(rss[1]));
    }
    for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(v / 1024).toFixed(1)} MB ${k}`);
  }
  void pid;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The floor under `rss_mb`: what the same tree weighs with no bot code in it. npm's own
 * process as `npm start` leaves it, plus one idle node for the bot and one for the chart
 * process, each started with the start script's flags and environment. Summed RSS counts
 * node's executable and runtime in every process, so this is paid before any line of ours.
 */
async function floorMb(npmMb: number): Promise<{ nodeMb: number; floorMb: number }> {
  const { env, nodeArgs } = startCommand();
  const idle = spawn(process.execPath, [...nodeArgs, "-e", "setInterval(() => {}, 1e6)"], {
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  await new Promise((r) => setTimeout(r, 500));
  const nodeMb = treeMemoryMb(idle.pid!).rss;
  const exited = new Promise((resolve) => idle.on("exit", resolve));
  idle.kill("SIGKILL");
  await exited;
  return { nodeMb, floorMb: npmMb + 2 * nodeMb };
}

/** The RSS (MB) of `pid` alone. */
function ownRssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

async function round(): Promise<{ readyMs: number; rssMb: number; pssMb: number; reportMs: number; npmMb: number }> {
  const fake: FakeTelegram = await startFakeTelegram({ token: TOKEN });
  const head = fake.user(900, { first_name: "Ольга", language_code: "ru" });
  const people = Array.from({ length: 8 }, (_, n) => fake.user(1000 + n, { first_name: `Менеджер ${n + 1}`, language_code: "ru" }));
  const dir = mkdtempSync(join(tmpdir(), "kpi-start-"));
  const dbPath = join(dir, "bot.db");
  seedTeamFile(dbPath, head, people, { chatId: GROUP, entries: 20, stepMs: 86_400_000, dealEvery: 4, dealMinor: 50_000_00 });
  // Queued before the start: the first getUpdates is answered (and logged) at once,
  // not after its long-poll timeout, and it carries the /report.
  const after = fake.mark();
  fake.sendText(head, fake.privateChat(head), process.env["BENCH_CMD"] ?? "/report month");
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
    await fake.waitForCall((c) => (process.env["BENCH_CMD"] ? c.method === "sendMessage" : c.method === "sendPhoto") && c.response.ok, {
      after,
      timeoutMs: 60_000,
    });
    const reportMs = performance.now() - asked;
    // Let the allocator settle as it would between requests.
    await new Promise((r) => setTimeout(r, 500));
    if (process.env["BENCH_SMAPS"]) smaps(child.pid!);
    const memory = treeMemoryMb(child.pid!);
    return { readyMs, rssMb: memory.rss, pssMb: memory.pss, reportMs, npmMb: ownRssMb(child.pid!) };
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
    `round ${r + 1}: ready ${res.readyMs.toFixed(0)} ms, /report with chart ${res.reportMs.toFixed(0)} ms after that, process tree RSS ${res.rssMb.toFixed(1)} MB (PSS ${res.pssMb.toFixed(1)} MB)`,
  );
}
const ready = median(results.map((r) => r.readyMs));
const rss = median(results.map((r) => r.rssMb));
const pss = median(results.map((r) => r.pssMb));
const floor = await floorMb(median(results.map((r) => r.npmMb)));
console.log(
  `median of ${ROUNDS}: ready ${ready.toFixed(0)} ms (target ≤ 2000), RSS ${rss.toFixed(1)} MB (target ≤ 150), PSS ${pss.toFixed(1)} MB`,
);
console.log(
  `floor with no bot code: npm ${median(results.map((r) => r.npmMb)).toFixed(1)} MB + 2 idle node processes × ${floor.nodeMb.toFixed(1)} MB = ${floor.floorMb.toFixed(1)} MB; ours on top: ${(rss - floor.floorMb).toFixed(1)} MB`,
);
console.log(
  JSON.stringify({
    ready_ms: Math.round(ready),
    rss_mb: Math.round(rss * 10) / 10,
    pss_mb: Math.round(pss * 10) / 10,
    floor_rss_mb: Math.round(floor.floorMb * 10) / 10,
  }),
);
