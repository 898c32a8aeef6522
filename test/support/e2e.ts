// The e2e suites' one set-up, as vitest fixtures: `e2e("…", async ({ h, t }) => …)` gets a
// started harness (`h`) with the team of setUpTeam (`t`), and stops both after the test.
// Only what a test names is set up: a test without `t` gets a harness and no team.
//
// Options are fixtures too: a file (or one test) that needs them makes its own test API,
// `const test = e2e.extend({ startAt: "2026-11-20T09:00:00Z" })`, then `test("…", async ({ h, t, clock, at }) => …)`.
// - `startAt`: the fake clock's start (ISO), read through `clock` and moved with `at`;
//   the default (null) runs the bot on the real clock.
// - `env`: more config for the bot, as startHarness's `env`.
//
// The harness stops after the file's afterEach hooks; a server it talks to that must outlive
// it (a fake CRM) closes in onTestFinished instead. Hooks that need the bot take it as a
// fixture: `test.beforeEach(async ({ h }) => …)`.

import { test } from "vitest";
import { type Clock, type Harness, startHarness } from "./harness.js";
import { setUpTeam, type TeamFixture } from "./team.js";

export interface E2eFixtures {
  /** Where the fake clock starts (an ISO instant); null runs the bot on the real clock. */
  startAt: string | null;
  /** Config the bot gets on top of the harness's (startHarness's `env`). */
  env: Record<string, string>;
  /** The running bot against its own fake Bot API; stopped, with the fake, after the test. */
  h: Harness;
  /** The fake clock the bot reads (only with `startAt`). */
  clock: Clock;
  /** Moves the fake clock to an ISO instant; returns it in ms. */
  at: (iso: string) => number;
  /** A group set up by its head, Ivan and John joined (setUpTeam). */
  t: TeamFixture;
}

export const e2e = test.extend<E2eFixtures>({
  startAt: null,
  env: {},
  h: async ({ startAt, env }, use) => {
    const h = await startHarness({
      ...(startAt === null ? {} : { clock: { now: Date.parse(startAt) } }),
      // DEBUG_LOG=debug shows the bot's log while a test is being debugged; silent otherwise.
      env: { LOG_LEVEL: process.env["DEBUG_LOG"] ?? "silent", ...env },
    });
    await use(h);
    // The fake closes even when the bot's stop fails, so one broken test does not hold the port for the next.
    try {
      await h.stop();
    } finally {
      await h.fake.close();
    }
  },
  clock: async ({ h }, use) => {
    if (!h.clock) throw new Error("`clock` needs a start: e2e.extend({ startAt: '…' })");
    await use(h.clock);
  },
  at: async ({ clock }, use) => {
    await use((iso) => (clock.now = Date.parse(iso)));
  },
  t: async ({ h }, use) => {
    await use(await setUpTeam(h));
  },
});
