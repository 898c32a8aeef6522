// End to end: a real grammY Api (with auto-retry, as src/bot/create-bot.ts
// installs it) talking HTTP to the suite's fake Bot API with its rate limits
// on. Windows are scaled down (20 per 600 ms overall, ...) to keep this fast — yet wide
// enough that a burst still lands in one window on a busy 2-core machine;
// the fake and the layer use the same windows.
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createDelivery, type DeliveryOptions, type LimiterWindows, type Outgoing } from "../../src/delivery/index.js";
import { type FakeTelegram, type RecordedCall, startFakeTelegram } from "../fake-telegram/index.js";

const WINDOWS: LimiterWindows = {
  global: { limit: 20, windowMs: 600 },
  perGroup: { limit: 5, windowMs: 1000 },
  perPrivate: { limit: 1, windowMs: 100 },
};
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082",
  "hex",
);

let fake: FakeTelegram;
afterEach(async () => {
  await fake?.close();
});

async function start(opts: { autoRetry?: boolean; delivery?: DeliveryOptions } = {}) {
  fake = await startFakeTelegram({
    rateLimits: { global: WINDOWS.global, perGroup: WINDOWS.perGroup, perPrivateChat: WINDOWS.perPrivate },
  });
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
  if (opts.autoRetry !== false) {
    bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: false }));
  }
  const delivery = createDelivery(bot.api, { windows: WINDOWS, ...opts.delivery });
  return { bot, delivery };
}

const chatOf = (c: RecordedCall) => Number(c.payload.chat_id);
const sends = () => fake.calls.filter((c) => c.method === "sendMessage" || c.method === "sendPhoto");

describe("delivery against the fake Bot API", () => {
  it("the fake really refuses bursts at these windows (so the next test can fail)", async () => {
    const { bot } = await start({ autoRetry: false });
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => bot.api.sendMessage(-(i + 1), `burst ${i}`)));
    expect(results.filter((r) => r.status === "rejected").length).toBe(10);
    expect(fake.stats().rejected429).toBe(10);
  });

  it("delivers many messages to many chats once each, in order, with zero 429s, near the global limit", async () => {
    const { delivery } = await start();
    const msgs: Outgoing[] = [];
    for (let round = 0; round < 6; round++) {
      for (let g = 1; g <= 20; g++) msgs.push({ chatId: -g, html: `<b>group ${g}</b> #${round}`, label: `g${g}` });
      if (round < 2) for (let p = 1; p <= 30; p++) msgs.push({ chatId: 1000 + p, html: `private ${p} #${round}` });
    }
    const started = Date.now();
    const outcomes = await delivery.sendMany(msgs);
    const seconds = (Date.now() - started) / 1000;

    expect(outcomes.filter((o) => o.status === "sent")).toHaveLength(180);
    const stats = fake.stats();
    expect(stats.delivered).toBe(180);
    expect(stats.duplicates).toBe(0);
    expect(stats.rejected429).toBe(0);
    for (let g = 1; g <= 20; g++) {
      expect(fake.messagesTo(-g).map((c) => c.payload.text)).toEqual(msgs.filter((m) => m.chatId === -g).map((m) => m.html));
    }
    // 180 sends at 20 per 600 ms need ≥ 4.8 s (8 full windows after the first batch); allow for latency and a busy CI.
    const ideal = (180 / 20) * 0.6;
    expect(seconds).toBeGreaterThanOrEqual(ideal - 0.6);
    expect(seconds).toBeLessThan(ideal * 2);
    expect(delivery.stats()).toMatchObject({ queued: 0, sent: 180, failed: 0 });
  });

  it("returns blocked for a 403 chat without retrying, calls onBlocked, and carries on with the others", async () => {
    const blocked: [number, string][] = [];
    const { delivery } = await start({ delivery: { hooks: { onBlocked: (id, d) => void blocked.push([id, d]) } } });
    fake.blockChat(-200);
    fake.blockChat(77, "Forbidden: bot was blocked by the user");
    const msgs: Outgoing[] = [
      ...[1, 2, 3].map((i) => ({ chatId: -200, html: `to kicked ${i}` })),
      { chatId: 77, html: "to blocker" },
      ...Array.from({ length: 10 }, (_, i) => ({ chatId: -(300 + i), html: `fine ${i}` })),
    ];
    const outcomes = await delivery.sendMany(msgs);

    expect(outcomes.slice(0, 3)).toEqual(
      [1, 2, 3].map(() => ({ status: "blocked", chatId: -200, description: "Forbidden: bot was kicked from the group chat" })),
    );
    expect(outcomes[3]).toEqual({ status: "blocked", chatId: 77, description: "Forbidden: bot was blocked by the user" });
    expect(outcomes.slice(4).every((o) => o.status === "sent")).toBe(true);
    expect(blocked).toEqual(
      expect.arrayContaining([
        [-200, "Forbidden: bot was kicked from the group chat"],
        [77, "Forbidden: bot was blocked by the user"],
      ]),
    );
    expect(blocked).toHaveLength(2);
    // One request per blocked chat: the 403 is final and the rest of that chat's queue is not tried.
    expect(sends().filter((c) => chatOf(c) === -200)).toHaveLength(1);
    expect(sends().filter((c) => chatOf(c) === 77)).toHaveLength(1);
    expect(fake.stats().delivered).toBe(10);
    expect(delivery.stats()).toMatchObject({ sent: 10, blocked: 4, failed: 0 });
  });

  it("follows a group's migration to its supergroup id and reports it once", async () => {
    const migrated: [number, number][] = [];
    const { delivery } = await start({
      delivery: { hooks: { onMigrated: async (from, to) => void migrated.push([from, to]) } },
    });
    const NEW = -1_000_000_000_400;
    fake.migrateChat(-400, NEW);
    const first = delivery.send({ chatId: -400, html: "summary" });
    const second = delivery.send({ chatId: -400, html: "chart", photo: { data: PNG, filename: "chart.png" } });
    expect(await first).toEqual({ status: "sent", chatId: NEW, messageIds: [1] });
    expect(await second).toEqual({ status: "sent", chatId: NEW, messageIds: [2] });
    // A later post to the old id goes straight to the new one.
    expect(await delivery.send({ chatId: -400, html: "later" })).toMatchObject({ status: "sent", chatId: NEW });

    expect(migrated).toEqual([[-400, NEW]]);
    expect(sends().filter((c) => chatOf(c) === -400)).toHaveLength(1); // only the attempt that revealed the migration
    expect(fake.messagesTo(NEW).map((c) => c.method)).toEqual(["sendMessage", "sendPhoto", "sendMessage"]);
    expect(fake.stats().duplicates).toBe(0);
    expect(delivery.stats()).toMatchObject({ sent: 3, migrated: 1 });
  });

  it("splits a photo with a long caption into the photo and a text message, in the topic", async () => {
    const { delivery } = await start();
    const long = `<b>Итоги дня</b>\n${Array.from({ length: 60 }, (_, i) => `${i + 1}. Менеджер ${i + 1} — звонки ${i * 3}, сделки ${i % 4}`).join("\n")}`;
    const short = "<b>График</b> за неделю &amp; план";
    const [split, single] = await delivery.sendMany([
      { chatId: -500, threadId: 12, html: long, photo: { data: PNG, filename: "day.png" } },
      { chatId: -500, threadId: 12, html: short, photo: { data: PNG, filename: "week.png" } },
    ]);
    expect(split).toEqual({ status: "sent", chatId: -500, messageIds: [1, 2] });
    expect(single).toEqual({ status: "sent", chatId: -500, messageIds: [3] });

    const [photo, text, captioned] = fake.messagesTo(-500);
    expect(photo!.method).toBe("sendPhoto");
    expect(photo!.payload.caption).toBeUndefined();
    expect(photo!.payload.photo).toMatchObject({ filename: "day.png", size: PNG.length });
    expect(text!.method).toBe("sendMessage");
    expect(text!.payload.text).toBe(long);
    expect(captioned!.payload.caption).toBe(short);
    expect(captioned!.response.result.caption).toBe("График за неделю & план");
    for (const c of [photo, text, captioned]) expect(c!.payload.message_thread_id).toBe(12);
  });

  it("without auto-retry, waits out a 429 itself (retry_after) and sends once", async () => {
    const { delivery } = await start({ autoRetry: false });
    fake.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const started = Date.now();
    expect(await delivery.send({ chatId: 9, html: "hello" })).toMatchObject({ status: "sent", chatId: 9 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(sends().map((c) => c.response.ok)).toEqual([false, true]);
    expect(fake.stats().delivered).toBe(1);
  });
});
