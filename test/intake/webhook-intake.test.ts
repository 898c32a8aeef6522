// Webhook mode answers Telegram once the update is stored, before it is handled: a slow
// handler never keeps Telegram waiting, and a redelivery is not handled again.
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it, vi } from "vitest";
import { stopRunner } from "../../src/bot/stop-runner.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { startWebhookIntake } from "../../src/intake/durable-intake.js";
import { createLogger } from "../../src/logger.js";
import type { AppDeps } from "../../src/services/deps.js";
import type { HealthReport } from "../../src/web/health.js";
import { createHttpServer } from "../../src/web/http-server.js";

/** While set, an fsync of the inbox waits for it (a busy disk, one flush slower than the next). */
let slowSync: Promise<void> | null = null;
vi.mock("node:fs/promises", async (original) =>
  (await import("../support/fsync-hook.js")).withFsyncHook(await original(), () => {
    const wait = slowSync;
    slowSync = null;
    return async (sync) => {
      await wait;
      await sync();
    };
  }),
);

const TOKEN = "123456:WEBHOOK-intake-test-token";
const update: Update = {
  update_id: 7,
  message: {
    message_id: 1,
    date: 0,
    chat: { id: 5, type: "private", first_name: "A" },
    from: { id: 5, is_bot: false, first_name: "A" },
    text: "/call Acme",
  },
};

describe("webhook intake", () => {
  it("answers 200 as soon as the update is stored, while its handler still runs; a redelivery is handled once", async () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN, DATABASE_PATH: ":memory:" });
    const db = openDatabase(":memory:");
    const logger = createLogger("silent");
    const deps: AppDeps = { config, db, repos: createRepositories(db), logger, now: Date.now };
    const bot = new Bot(TOKEN, { botInfo: { id: 1, is_bot: true, first_name: "Bot", username: "kpi_bot" } as never });
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let started = 0;
    let handled = 0;
    bot.on("message", async () => {
      started++;
      await gate;
      handled++;
    });
    const webhook = startWebhookIntake(bot, deps);
    const server = createHttpServer({
      logger,
      health: () => ({ ok: true }) as HealthReport,
      webhook: { secret: "s3cret", accept: (u) => webhook.accept(u) },
    });
    await new Promise<void>((r) => server.listen(0, r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const post = () =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s3cret" },
        body: JSON.stringify(update),
      });
    try {
      expect((await post()).status).toBe(200);
      // Answered while the handler is still waiting: the update is stored, not handled.
      expect(handled).toBe(0);
      expect(deps.repos.inbox.pending().map((p) => p.update.update_id)).toEqual([7]);
      // Telegram sends it again (say, the answer was lost): stored already, not queued twice.
      expect((await post()).status).toBe(200);
      release();
      for (let i = 0; i < 200 && handled === 0; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
      expect([started, handled]).toEqual([1, 1]);
      expect(deps.repos.inbox.pending()).toEqual([]);
    } finally {
      release();
      await stopRunner(webhook.runner);
      await new Promise((r) => server.close(r));
    }
  });

  it("hands updates on in the order they were stored, even when the first one's flush ends last", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "webhook-intake-")), "bot.db");
    const config = loadConfig({ BOT_TOKEN: TOKEN, DATABASE_PATH: path });
    const db = openDatabase(path);
    const deps: AppDeps = { config, db, repos: createRepositories(db), logger: createLogger("silent"), now: Date.now };
    const bot = new Bot(TOKEN, { botInfo: { id: 1, is_bot: true, first_name: "Bot", username: "kpi_bot" } as never });
    const handled: number[] = [];
    bot.on("message", (ctx) => void handled.push(ctx.update.update_id));
    const webhook = startWebhookIntake(bot, deps);
    const inChat = (id: number): Update => ({ ...update, update_id: id, message: { ...update.message!, message_id: id } });
    let releaseFirst!: () => void;
    slowSync = new Promise<void>((r) => {
      releaseFirst = r;
    });
    try {
      // Two messages of one chat, delivered on two connections at once: 8's flush is slow.
      const first = webhook.accept(inChat(8));
      const second = webhook.accept(inChat(9));
      await new Promise((r) => setTimeout(r, 50));
      releaseFirst();
      await Promise.all([first, second]);
      for (let i = 0; i < 200 && handled.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      expect(handled).toEqual([8, 9]);
    } finally {
      releaseFirst();
      await stopRunner(webhook.runner);
      db.$client.close();
    }
  });
});
