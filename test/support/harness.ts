// Starts the real bot (createBot + the durable intake over grammY's runner, as main.ts does) against the
// suite's fake Bot API over HTTP, with a real SQLite file.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import type { Bot } from "grammy";
import type { Chat, User } from "grammy/types";
import { ALLOWED_UPDATES } from "../../src/bot/allowed-updates.js";
import type { BotContext } from "../../src/bot/context.js";
import { createBot } from "../../src/bot/create-bot.js";
import { type FollowupRunner, startFollowups } from "../../src/bot/followups.js";
import { stopRunner } from "../../src/bot/stop-runner.js";
import { loadConfig } from "../../src/config.js";
import { syncsIdle } from "../../src/crm/sync.js";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import type { Delivery } from "../../src/delivery/index.js";
import { type Intake, startPollingIntake } from "../../src/intake/durable-intake.js";
import { createLogger } from "../../src/logger.js";
import { createPostScheduler } from "../../src/scheduler/create-post-scheduler.js";
import type { PostScheduler } from "../../src/scheduler/scheduler.js";
import type { AppDeps } from "../../src/services/deps.js";
import { type FakeTelegram, parseHtml, type RecordedCall, startFakeTelegram } from "../fake-telegram/index.js";
import { richPlainText } from "../fake-telegram/rich-messages.js";

export const TOKEN = "123456:TEST-token-for-kpi-coach-e2e";

export interface Clock {
  now: number;
}

export interface Harness {
  fake: FakeTelegram;
  deps: AppDeps;
  dbPath: string;
  /** The running bot (replaced by restart). */
  bot: Bot<BotContext>;
  /** The post scheduler wired like main.ts does (not started). */
  scheduler: PostScheduler;
  delivery: Delivery;
  /** Null when `now` follows the real clock. */
  clock: Clock | null;
  /** Sends a text and resolves with the bot's next message to that chat. */
  say(from: User, chat: Chat, text: string, opts?: { date?: number }): Promise<Reply>;
  /** Sends a text and resolves with the bot's next text message and the photo that follows it. */
  sayWithPhoto(from: User, chat: Chat, text: string): Promise<Reply & { photo: RecordedCall }>;
  /** Taps an inline button on a bot message and resolves with the next message to that chat. */
  tap(from: User, chat: Chat, message: RecordedCall, data: string): Promise<Reply>;
  /**
   * Waits (up to 2 s) until the bot has finished the updates it took in and drained the
   * after-reply queue, so an entry's congratulation cannot be taken for a later answer.
   * `say`, `tap` and `sayWithPhoto` do this before and after; tests talking to the fake
   * directly call it themselves.
   */
  settle(): Promise<void>;
  /** Stops the runner (waiting for in-flight updates) and closes the database. */
  stop(): Promise<void>;
  /** Stops and starts a new bot process-equivalent on the same database. */
  restart(): Promise<void>;
}

export interface Reply {
  text: string;
  call: RecordedCall;
}

export async function startHarness(
  opts: {
    fake?: FakeTelegram;
    dbPath?: string;
    clock?: Clock;
    env?: Record<string, string>;
    /** Where the log goes (with `env.LOG_LEVEL` set); the default level is silent. */
    logs?: Writable;
  } = {},
): Promise<Harness> {
  const clock = opts.clock ?? null;
  const fake = opts.fake ?? (await startFakeTelegram({ token: TOKEN, ...(clock ? { now: () => clock.now } : {}) }));
  const dbPath = opts.dbPath ?? join(mkdtempSync(join(tmpdir(), "kpi-e2e-")), "bot.db");
  // Scenario tests read the classic `<pre>` layout; rich messages are on where a test asks
  // (RICH_MESSAGES: "auto", as in production): telegram-native.test.ts, trust-policy.test.ts.
  const config = loadConfig({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_PATH: dbPath,
    LOG_LEVEL: "silent",
    // Suites send many reports a minute as one person; the limit itself is tested with a low one.
    HEAVY_REQUESTS_PER_MINUTE: "10000",
    RICH_MESSAGES: "off",
    ...opts.env,
  });

  let intake: Intake;
  let deps: AppDeps;
  let bot: Bot<BotContext>;
  let posting: { scheduler: PostScheduler; delivery: Delivery };
  let followups: FollowupRunner;
  const boot = () => {
    const db = openDatabase(dbPath);
    deps = {
      config,
      db,
      repos: createRepositories(db),
      logger: createLogger(config.logLevel, { secrets: config.secrets, destination: opts.logs }),
      now: clock ? () => clock.now : Date.now,
    };
    bot = createBot(config, deps, { botInfo: fake.botInfo });
    followups = startFollowups(bot.api, deps);
    posting = createPostScheduler(bot.api, deps);
    intake = startPollingIntake(bot, deps, { allowedUpdates: ALLOWED_UPDATES, pollTimeoutSeconds: 1 });
  };
  const stop = async () => {
    await stopRunner(intake.runner);
    await followups.stop();
    await posting.scheduler.stop();
    await syncsIdle();
    closeDatabase(deps.db);
  };
  boot();

  const settle = async (): Promise<void> => {
    const end = Date.now() + 2000;
    while ((intake.stats().backlog > 0 || !followups.idle) && Date.now() < end) await new Promise((r) => setTimeout(r, 2));
    await followups.settled();
  };

  const nextMessage = async (chatId: number, after: number): Promise<Reply> => {
    const call = await fake.waitForMessage(chatId, undefined, { after });
    await settle();
    return { text: visibleText(call), call };
  };

  const harness: Harness = {
    fake,
    get deps() {
      return deps;
    },
    get bot() {
      return bot;
    },
    get scheduler() {
      return posting.scheduler;
    },
    get delivery() {
      return posting.delivery;
    },
    dbPath,
    clock,
    settle,
    async say(from, chat, text, o) {
      await settle();
      const after = fake.mark();
      fake.sendText(from, chat, text, o?.date ? { date: o.date } : undefined);
      return nextMessage(chat.id, after);
    },
    async sayWithPhoto(from, chat, text) {
      await settle();
      const after = fake.mark();
      fake.sendText(from, chat, text);
      const call = await fake.waitForCall(
        (c) => (c.method === "sendMessage" || c.method === "sendRichMessage") && c.payload["chat_id"] === chat.id && c.response.ok,
        {
          after,
        },
      );
      const photo = await fake.waitForCall((c) => c.method === "sendPhoto" && c.payload["chat_id"] === chat.id && c.response.ok, { after });
      return { text: visibleText(call), call, photo };
    },
    async tap(from, chat, message, data) {
      await settle();
      const after = fake.mark();
      fake.clickButton(from, chat, message.response.result, data);
      return nextMessage(chat.id, after);
    },
    stop,
    async restart() {
      await stop();
      boot();
    },
  };
  return harness;
}

/** The callback_data of every inline button on a bot message. */
export function buttons(call: RecordedCall): string[] {
  const kb = call.payload["reply_markup"]?.["inline_keyboard"] as { callback_data?: string }[][] | undefined;
  return (kb ?? []).flat().map((b) => b.callback_data ?? "");
}

/** What the user sees: the text or caption with HTML markup parsed away. */
export function visibleText(call: RecordedCall): string {
  if (call.payload["rich_message"] !== undefined) return richPlainText(call.payload["rich_message"]).replace(/[\u00A0\u202F\u2009]/g, " ");
  const raw = String(call.payload["text"] ?? call.payload["caption"] ?? "");
  // Every text and caption the bot sends is HTML (the Api default): one that went without
  // would show its tags and entities as typed, so reading it fails the test here.
  if (raw !== "" && call.payload["parse_mode"] !== "HTML")
    throw new Error(`${call.method} went without parse_mode HTML: ${raw.slice(0, 80)}`);
  const text = parseHtml(raw).text;
  // Money and counts are grouped with narrow no-break spaces; assertions read plain ones.
  return text.replace(/[\u00A0\u202F\u2009]/g, " ");
}
