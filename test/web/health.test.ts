import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { createLogger } from "../../src/logger.js";
import type { AppDeps } from "../../src/services/deps.js";
import { checkHealth } from "../../src/web/health.js";

function deps(): AppDeps {
  const db = openDatabase(":memory:");
  const config = loadConfig({ DATABASE_PATH: ":memory:", LOG_LEVEL: "silent" });
  return { config, db, repos: createRepositories(db), logger: createLogger("silent"), now: Date.now };
}

const NOW = Date.parse("2026-11-29T08:00:00Z");
const alive = () => ({ alive: true, lastRunAt: NOW - 60_000 });

describe("checkHealth", () => {
  it("is healthy when the database answers, the scheduler runs and nothing is stuck (quiet is fine)", () => {
    const d = deps();
    const report = checkHealth(
      { deps: d, intake: () => ({ received: 0, handled: 0, backlog: 0, lastHandledAt: null }), scheduler: alive },
      NOW,
    );
    expect(report).toMatchObject({ ok: true, database: true, scheduler: true, backlog: 0, last_update_handled_at: null });
    closeDatabase(d.db);
  });

  it("is unhealthy when updates wait and none was handled for a minute", () => {
    const d = deps();
    const stuck = { received: 5, handled: 1, backlog: 4, lastHandledAt: NOW - 61_000 };
    expect(checkHealth({ deps: d, intake: () => stuck, scheduler: alive }, NOW).ok).toBe(false);
    const busy = { ...stuck, lastHandledAt: NOW - 1_000 };
    expect(checkHealth({ deps: d, intake: () => busy, scheduler: alive }, NOW).ok).toBe(true);
    closeDatabase(d.db);
  });

  it("is unhealthy when the scheduler stopped or the database is closed", () => {
    const d = deps();
    const intake = () => undefined;
    expect(checkHealth({ deps: d, intake, scheduler: () => ({ alive: false, lastRunAt: null }) }, NOW)).toMatchObject({
      ok: false,
      scheduler: false,
    });
    closeDatabase(d.db);
    expect(checkHealth({ deps: d, intake, scheduler: alive }, NOW)).toMatchObject({ ok: false, database: false });
  });
});
