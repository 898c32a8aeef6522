// The bot token (and every other configured secret) never reaches the log: a real network error
// talking to Telegram carries the request URL, with the token in it, in its message and cause.
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/index.js";
import { type BotProcess, startBotProcess } from "../support/bot-process.js";
import { type Harness, startHarness, TOKEN } from "../support/harness.js";

/** The token in every shape a log line could carry it: as is, URL-encoded, and its secret half. */
const tokenShapes = (token: string) => [token, encodeURIComponent(token), token.split(":")[1]!];

let h: Harness | undefined;
let bot: BotProcess | undefined;
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await h?.stop();
  await h?.fake.close();
  await bot?.crash();
  await fake?.close();
  h = bot = fake = undefined;
});

function logSink(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

const tempDir = () => mkdtempSync(join(tmpdir(), "kpi-secrets-"));

/** A local port nothing listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe("secrets stay out of the log", () => {
  it("a reply lost to a dropped connection is logged without the token", async () => {
    const logs = logSink();
    h = await startHarness({ logs: logs.stream, env: { LOG_LEVEL: "info" } });
    const ann = h.fake.user(41, { first_name: "Ann", language_code: "en" });
    // The connection of the bot's first reply is cut: grammY gets a real network error.
    h.fake.dropNext("sendMessage");
    const failure = await h.say(ann, h.fake.privateChat(ann), "/help");
    expect(failure.text).toContain("Something went wrong");

    const lines = logs
      .text()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const failed = lines.find((l) => l["msg"] === "update failed");
    // The error is there, with what it says about the network (so the test reads a real error line)…
    expect(failed).toMatchObject({ level: 50 });
    expect(JSON.stringify(failed)).toMatch(/sendMessage/);
    expect(JSON.stringify(failed)).toMatch(/socket hang up|ECONNRESET/);
    // …and the token in none of its shapes, anywhere in the log.
    for (const shape of tokenShapes(TOKEN)) expect(logs.text()).not.toContain(shape);
  });

  it("a polling process whose getUpdates connection drops logs the retry without the token", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    fake.dropNext("getUpdates", 2);
    bot = startBotProcess({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: "./bot.db", LOG_LEVEL: "info" }, tempDir());
    // Polling goes on after the dropped connections: /start is answered.
    const ann = fake.user(42, { first_name: "Ann", language_code: "en" });
    const after = fake.mark();
    fake.sendText(ann, fake.privateChat(ann), "/start");
    await fake.waitForMessage(ann.id, undefined, { after, timeoutMs: 15_000 });
    const output = bot.out() + bot.err();
    expect(output).toMatch(/getUpdates/);
    expect(output).toMatch(/socket hang up|ECONNRESET/);
    for (const shape of tokenShapes(TOKEN)) expect(output).not.toContain(shape);
  });

  it("a webhook process that cannot set its webhook logs why and exits, without the token or the webhook secret", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    fake.dropNext("setWebhook");
    const secret = "webhook_s3cret_value_42";
    bot = startBotProcess(
      {
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATABASE_PATH: "./bot.db",
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://bot.example/hook",
        WEBHOOK_SECRET: secret,
        PORT: String(await freePort()),
        LOG_LEVEL: "info",
      },
      tempDir(),
    );
    expect(await bot.exited).toBe(1);
    const output = bot.out() + bot.err();
    expect(output).toMatch(/setWebhook/);
    expect(output).toMatch(/socket hang up|ECONNRESET/);
    for (const shape of [...tokenShapes(TOKEN), secret]) expect(output).not.toContain(shape);
  });
});
