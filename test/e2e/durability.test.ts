// kill -9 in the middle of a burst, then a restart: every update is handled, once,
// in order per chat, in polling and in webhook mode.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { User } from "grammy/types";
import { describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/index.js";
import { type BotProcess, countIn, killAfterEach, randomPort, startBotProcess, until } from "../support/bot-process.js";
import { TOKEN } from "../support/harness.js";

const MANAGERS = 4;
const CALLS_EACH = 30;

let fake: FakeTelegram | undefined;
let bot: BotProcess | undefined;
killAfterEach(() => ({ bot, fake }));

const repliesTo = (f: FakeTelegram, users: User[]) => users.reduce((n, u) => n + f.messagesTo(u.id).length, 0);

/** A team with managers who joined in the group; the bot answers every one. */
async function setUp(f: FakeTelegram): Promise<User[]> {
  const head = f.user(100, { first_name: "Ольга", language_code: "ru" });
  const group = f.group(-1001, "Отдел продаж");
  f.setChatMember(group.id, head.id, "creator");
  let after = f.mark();
  f.sendText(head, group, "/setup");
  await f.waitForMessage(group.id, undefined, { after, timeoutMs: 45_000 });
  const managers: User[] = [];
  for (let i = 0; i < MANAGERS; i++) {
    const m = f.user(200 + i, { first_name: `M${i}`, language_code: "ru" });
    after = f.mark();
    f.sendText(m, group, "/join");
    await f.waitForMessage(group.id, undefined, { after });
    managers.push(m);
  }
  return managers;
}

function burst(f: FakeTelegram, managers: User[]): void {
  for (let i = 0; i < CALLS_EACH; i++) for (const m of managers) f.sendText(m, f.privateChat(m), `/call Клиент${i}`);
}

function checkDatabase(path: string, managers: User[]): void {
  const db = new Database(path, { readonly: true });
  try {
    const calls = db.prepare("select user_id, source_update_id from activities where kind = 'call' order by id").all() as {
      user_id: number;
      source_update_id: number;
    }[];
    expect(calls).toHaveLength(MANAGERS * CALLS_EACH);
    for (const m of managers) {
      const ids = calls.filter((c) => c.user_id === m.id).map((c) => c.source_update_id);
      expect(ids).toHaveLength(CALLS_EACH);
      // In order per chat: the entries were made in the order the manager sent them.
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
    const unhandled = db
      .prepare("select count(*) as n from inbox i where not exists (select 1 from processed_updates p where p.update_id = i.update_id)")
      .get() as { n: number };
    expect(unhandled.n).toBe(0);
  } finally {
    db.close();
  }
}

describe("durable intake", () => {
  it("polling: kill -9 mid-burst, restart: nothing lost or doubled, in order per chat", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    const dir = mkdtempSync(join(tmpdir(), "kpi-crash-"));
    const env = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: join(dir, "bot.db"), BACKUP_KEEP: "0" };
    bot = startBotProcess(env, dir);
    const managers = await setUp(fake);

    burst(fake, managers);
    await until("some replies", () => repliesTo(fake!, managers) >= 20);
    await bot.crash();
    const answeredBeforeCrash = repliesTo(fake, managers);
    expect(answeredBeforeCrash).toBeLessThan(MANAGERS * CALLS_EACH);

    bot = startBotProcess(env, dir);
    // A call stored just before the kill may have missed its reply: count what is stored.
    await until(
      "every call stored",
      () => countIn(env.DATABASE_PATH, "select count(*) from activities where kind = 'call'") >= MANAGERS * CALLS_EACH,
    );
    await until("the queue confirmed", () => fake!.pendingUpdates() === 0);
    // Let anything still running finish before reading the file.
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    checkDatabase(env.DATABASE_PATH, managers);
  }, 90_000); // two real bot processes (tsx start-up included) and a kill -9

  it("webhook: kill -9 mid-burst, restart: Telegram's retries and the inbox lose and double nothing", async () => {
    fake = await startFakeTelegram({ token: TOKEN, webhookDelivery: true });
    const dir = mkdtempSync(join(tmpdir(), "kpi-crash-"));
    const port = randomPort();
    const env = {
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_PATH: join(dir, "bot.db"),
      BACKUP_KEEP: "0",
      BOT_MODE: "webhook",
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      WEBHOOK_SECRET: "s3cret_token",
      PORT: String(port),
    };
    bot = startBotProcess(env, dir);
    await fake.waitForCall((c) => c.method === "setWebhook", { timeoutMs: 45_000 });
    const managers = await setUp(fake);

    burst(fake, managers);
    await until("some replies", () => repliesTo(fake!, managers) >= 20);
    await bot.crash();
    expect(repliesTo(fake, managers)).toBeLessThan(MANAGERS * CALLS_EACH);

    bot = startBotProcess(env, dir);
    await until("every update confirmed", () => fake!.pendingUpdates() === 0);
    await until(
      "every call stored",
      () => countIn(env.DATABASE_PATH, "select count(*) from activities where kind = 'call'") >= MANAGERS * CALLS_EACH,
    );
    // The webhook server also answers the health check.
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: true, scheduler: true });
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(fake.webhookStats().failed).toBeGreaterThan(0); // some were refused while the bot was down
    checkDatabase(env.DATABASE_PATH, managers);
  }, 90_000);
});
