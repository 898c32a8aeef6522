// A scheduled job that rejects is logged and the process lives on: the next tick runs as usual.
import { Writable } from "node:stream";
import cron from "node-cron";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { createDelivery } from "../../src/delivery/index.js";
import { PostScheduler } from "../../src/scheduler/scheduler.js";
import type { AppDeps } from "../../src/services/deps.js";
import { FakeClock } from "../delivery/fake-clock.js";
import { stubApi } from "../delivery/stub-api.js";

function setUp() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const db = openDatabase(":memory:");
  const deps: AppDeps = { config: loadConfig({}), db, repos: createRepositories(db), logger: pino({ level: "info" }, sink), now: Date.now };
  const clock = new FakeClock();
  const scheduler = new PostScheduler(deps, createDelivery(stubApi(clock).api, { now: clock.now, sleep: clock.sleep }));
  return { deps, scheduler, lines };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on("unhandledRejection", onUnhandled);
let stopping: PostScheduler | undefined;
afterEach(async () => {
  await stopping?.stop();
  stopping = undefined;
  unhandled.length = 0;
  vi.restoreAllMocks();
});

/** Lets rejected promises that nobody handles reach the `unhandledRejection` event. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("a rejected scheduled job", () => {
  it("is logged and survived when a timer fires it", async () => {
    const { scheduler, lines } = setUp();
    stopping = scheduler;
    await scheduler.start();
    const boom = vi.spyOn(scheduler.celebrations, "run").mockRejectedValue(new Error("disk I/O error"));
    const task = [...cron.getTasks().values()].find((t) => t.name === "kpi-celebrations")!;
    await task.execute();
    await settle();
    expect(boom).toHaveBeenCalledTimes(1);
    expect(unhandled).toEqual([]);
    const logged = lines.find((l) => l["msg"] === "scheduled job failed");
    expect(logged).toMatchObject({ level: 50, job: "celebrations", err: { message: "disk I/O error" } });
    // The next tick runs the job again.
    boom.mockResolvedValue(0);
    await task.execute();
    await settle();
    expect(boom).toHaveBeenCalledTimes(2);
  });

  it("is logged and survived at start-up (the catch-up run)", async () => {
    const { scheduler, lines } = setUp();
    stopping = scheduler;
    vi.spyOn(scheduler, "runDue").mockRejectedValue(new Error("database is locked"));
    await expect(scheduler.start()).resolves.toBe(0);
    await settle();
    expect(unhandled).toEqual([]);
    expect(lines.filter((l) => l["msg"] === "scheduled job failed").map((l) => l["job"])).toEqual(["due posts"]);
  });
});
