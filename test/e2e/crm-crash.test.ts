// kill -9 in the middle of a CRM sync, then a sync again: every CRM record is an
// entry exactly once (the ledger row and the entry commit together).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { syncConnection } from "../../src/crm/sync.js";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { createLogger } from "../../src/logger.js";
import { type FakeAmo, startFakeAmo } from "../fake-crm/amocrm.js";
import { fillAmo, seedCrmTeam } from "../fake-crm/seed.js";
import { type BotProcess, startBotProcess } from "../support/bot-process.js";

const CHILD = fileURLToPath(new URL("./crm-sync-child.ts", import.meta.url));
const TSX = new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).href;
const NOW = Date.parse("2026-12-15T15:00:00Z");
let amo: FakeAmo | undefined;
let child: BotProcess | undefined;

afterEach(async () => {
  child?.child.kill("SIGKILL");
  await amo?.close();
});

describe("CRM sync and kill -9", () => {
  it("a sync killed mid-way and run again stores every record once", async () => {
    amo = await startFakeAmo({ rateLimit: 0 });
    const dir = mkdtempSync(join(tmpdir(), "kpi-crm-crash-"));
    const env = {
      DATABASE_PATH: join(dir, "bot.db"),
      CRM_SECRET_KEY: "crash-test-key-0123456789",
      CRM_ALLOW_INSECURE: "1",
      LOG_LEVEL: "silent",
    };
    const config = loadConfig(env);
    const open = () => {
      const db = openDatabase(config.databasePath);
      return { config, db, repos: createRepositories(db), logger: createLogger("silent"), now: () => NOW };
    };
    let deps = open();
    const conn = seedCrmTeam(deps, amo, 5, NOW);
    fillAmo(amo, 5, 3000, 200, NOW);
    closeDatabase(deps.db);

    amo.delayMs = 40;
    child = startBotProcess({ ...env, CONNECTION_ID: String(conn), CRASH_NOW: String(NOW) }, dir, ["--import", TSX, CHILD]);
    // Killed once some pages of calls are in, long before the end.
    const start = Date.now();
    while (amo.log.filter((l) => l.path.endsWith("/notes")).length < 5) {
      if (Date.now() - start > 30_000) throw new Error(`the child never got going: ${child.err()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await child.crash();
    expect(child.out()).not.toContain("done");

    deps = open();
    const partial = deps.db.$client.prepare("select count(*) n from activities").get() as { n: number };
    expect(partial.n).toBeGreaterThan(0);
    expect(partial.n).toBeLessThan(3000 + 400);
    amo.delayMs = 0;
    const r = await syncConnection(deps, conn, { perSecond: 0 });
    expect(r.ok).toBe(true);
    const q = (sql: string) => (deps.db.$client.prepare(sql).get() as { n: number }).n;
    expect(q("select count(*) n from activities where deleted_at is null")).toBe(3000 + 400);
    expect(q("select count(*) n from crm_records where state = 'recorded'")).toBe(3000 + 400);
    // No record became two entries, no entry lacks its record.
    expect(
      q(
        "select count(*) n from (select activity_id from crm_records where activity_id is not null group by activity_id having count(*) > 1)",
      ),
    ).toBe(0);
    expect(q("select count(*) n from activities a where not exists (select 1 from crm_records r where r.activity_id = a.id)")).toBe(0);
    closeDatabase(deps.db);
  }, 90_000);
});
