// `npm run bench:crm`: one reconcile of 100,000 CRM events (80,000 call notes and
// 10,000 won leads, each a new lead and a deal) from the fake amoCRM over HTTP, its
// rate limit off, into a real SQLite file through the ledger and the entry pipeline.
// The fake runs in its own process, as a CRM would. Prints events/s, the bot side's
// peak RSS, and how many events were lost or stored twice; the last line is JSON.
//
// Flags: --calls N (80000), --leads N (10000), --managers N (20).

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../src/config.js";
import { syncConnection } from "../../src/crm/sync.js";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { createLogger } from "../../src/logger.js";
import type { FakeAmo } from "../fake-crm/amocrm.js";
import { seedCrmTeam } from "../fake-crm/seed.js";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const CALLS = flag("calls", 80_000);
const LEADS = flag("leads", 10_000);
const MANAGERS = flag("managers", 20);
const NOW = Date.now();

const dir = mkdtempSync(join(tmpdir(), "kpi-bench-crm-"));
const config = loadConfig({ DATABASE_PATH: join(dir, "bench.db"), CRM_SECRET_KEY: "bench-key-0123456789abcdef", CRM_ALLOW_INSECURE: "1" });
const db = openDatabase(config.databasePath);
const deps = { config, db, repos: createRepositories(db), logger: createLogger("silent"), now: () => NOW };
const TSX = new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).href;
const FAKE = fileURLToPath(new URL("./crm-fake-server.ts", import.meta.url));
const fake = spawn(process.execPath, ["--import", TSX, FAKE, String(MANAGERS), String(CALLS), String(LEADS), String(NOW)], {
  stdio: ["ignore", "pipe", "inherit"],
});
const first = await new Promise<string>((resolve) => createInterface({ input: fake.stdout! }).once("line", resolve));
const { origin, account } = JSON.parse(first) as Pick<FakeAmo, "origin" | "account">;
const conn = seedCrmTeam(deps, { origin, account, longLived: new Set<string>() } as unknown as FakeAmo, MANAGERS, NOW);
const expected = CALLS + 2 * LEADS;

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const started = performance.now();
const result = await syncConnection(deps, conn, { perSecond: 0 });
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
if (!result.ok) throw new Error(result.error);

// A second pass over everything (cursors forgotten) must store nothing more.
deps.repos.crm.dropCursors(conn, ["notes:leads", "notes:contacts", "leads", "moves", "tasks", "deleted"]);
await syncConnection(deps, conn, { perSecond: 0 });

const q = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
const recorded = q("select count(distinct key) n from crm_records where state = 'recorded'");
const entries = q("select count(*) n from activities where deleted_at is null");
const lost = Math.max(0, expected - recorded);
const duplicated = Math.max(0, entries - recorded);
const perS = Math.round(expected / seconds);
const rssMb = Math.round(peak / 1024 / 1024);
console.log(
  `CRM sync: ${expected} events in ${seconds.toFixed(1)} s = ${perS}/s; peak RSS ${rssMb} MB; lost ${lost}, duplicated ${duplicated}`,
);
console.log(
  `targets: ≥ 2000/s ${perS >= 2000 ? "ok" : "MISSED"}, ≤ 250 MB ${rssMb <= 250 ? "ok" : "MISSED"}, lost 0 and duplicated 0 ${lost + duplicated === 0 ? "ok" : "MISSED"}`,
);
fake.kill();
closeDatabase(db);
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ events: expected, per_s: perS, rss_mb: rssMb, lost, duplicated }));
