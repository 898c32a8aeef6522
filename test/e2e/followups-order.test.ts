// An entry's congratulation comes after its own reply, even when another chat's entry
// drains the after-reply queue while that reply is still on its way to Telegram; and in
// the person's own language.
import { Writable } from "node:stream";
import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { type Harness, startHarness, visibleText } from "../support/harness.js";

const test = e2e.extend({ startAt: "2026-11-25T10:00:00Z" });

const BADGE = "🏅 Новый значок: 🎯 первая сделка";

/** What the bot sent to a chat after `mark`, as the person sees it. */
const sentTo = (h: Harness, chatId: number, mark: number) =>
  h.fake.calls
    .slice(mark)
    .filter((c) => c.method === "sendMessage" && c.payload["chat_id"] === chatId && c.response.ok)
    .map(visibleText);

describe("the after-reply queue", () => {
  test("holds a congratulation until its entry's reply is out, when another chat drains the queue first", async ({ h, t }) => {
    const mark = h.fake.mark();
    const ivanSent = () => sentTo(h, t.ivanChat.id, mark);
    // Ivan's reply (its ✅ line) waits at Telegram's door; nothing else is held.
    h.fake.hold("sendMessage", (p) => p["chat_id"] === t.ivanChat.id && String(p["text"]).startsWith("✅"));
    h.fake.sendText(t.ivan, t.ivanChat, "/deal 50k Ромашка");
    await expect.poll(() => h.fake.waiting("sendMessage")).toBe(1);
    // John's entry drains the queue, Ivan's job included, while Ivan's reply is still held.
    expect((await h.say(t.john, t.johnChat, "/call Вектор")).text).toMatch(/^✅ Call/);
    expect(ivanSent()).toEqual([]);

    h.fake.release("sendMessage");
    await expect.poll(() => ivanSent().length).toBe(2);
    expect(ivanSent()[0]).toMatch(/Сделка/);
    expect(ivanSent()[1]).toContain(BADGE);
  });

  test("congratulates in the person's own language: John's first deal in English, after its English reply", async ({ h, t }) => {
    const mark = h.fake.mark();
    const reply = await h.say(t.john, t.johnChat, "/deal 80k Acme");
    expect(reply.text).toMatch(/^✅ Deal — 80 000 ₽ — Acme/);
    expect(sentTo(h, t.johnChat.id, mark)[1]).toBe("🏅 New badge: 🎯 first deal");
  });

  test("starts no drain after shutdown: a poke just before the stop finds no closed database", async () => {
    let logs = "";
    const stream = new Writable({
      write(chunk, _enc, done) {
        logs += String(chunk);
        done();
      },
    });
    const harness = await startHarness({ logs: stream, env: { LOG_LEVEL: "warn" } });
    harness.deps.onEntriesQueued?.(null);
    await harness.stop();
    await harness.fake.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(logs).not.toContain("entry follow-ups failed");
  });
});
