// An entry's congratulation comes after its own reply, even when another chat's entry
// drains the after-reply queue while that reply is still on its way to Telegram.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type Harness, startHarness, stopAfterEach, visibleText } from "../support/harness.js";
import { setUpTeam } from "../support/team.js";

let h: Harness | undefined;
stopAfterEach(() => h);

const BADGE = "🏅 Новый значок: 🎯 первая сделка";

describe("the after-reply queue", () => {
  it("holds a congratulation until its entry's reply is out, when another chat drains the queue first", async () => {
    h = await startHarness({ clock: { now: Date.parse("2026-11-25T10:00:00Z") } });
    const t = await setUpTeam(h);
    const mark = h.fake.mark();
    const ivanSent = () =>
      h!.fake.calls
        .slice(mark)
        .filter((c) => c.method === "sendMessage" && c.payload["chat_id"] === t.ivanChat.id && c.response.ok)
        .map(visibleText);
    // Ivan's reply (its ✅ line) waits at Telegram's door; nothing else is held.
    h.fake.hold("sendMessage", (p) => p["chat_id"] === t.ivanChat.id && String(p["text"]).startsWith("✅"));
    h.fake.sendText(t.ivan, t.ivanChat, "/deal 50k Ромашка");
    await expect.poll(() => h!.fake.waiting("sendMessage")).toBe(1);
    // John's entry drains the queue, Ivan's job included, while Ivan's reply is still held.
    expect((await h.say(t.john, t.johnChat, "/call Вектор")).text).toMatch(/^✅ Call/);
    expect(ivanSent()).toEqual([]);

    h.fake.release("sendMessage");
    await expect.poll(() => ivanSent().length).toBe(2);
    expect(ivanSent()[0]).toMatch(/Сделка/);
    expect(ivanSent()[1]).toContain(BADGE);
  });

  it("starts no drain after shutdown: a poke just before the stop finds no closed database", async () => {
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

  it("congratulates in the person's own language: John's first deal in English, after its English reply", async () => {
    h = await startHarness({ clock: { now: Date.parse("2026-11-25T10:00:00Z") } });
    const t = await setUpTeam(h);
    const mark = h.fake.mark();
    const reply = await h.say(t.john, t.johnChat, "/deal 80k Acme");
    expect(reply.text).toMatch(/^✅ Deal — 80 000 ₽ — Acme/);
    const sent = h.fake.calls
      .slice(mark)
      .filter((c) => c.method === "sendMessage" && c.payload["chat_id"] === t.johnChat.id && c.response.ok)
      .map(visibleText);
    expect(sent[1]).toBe("🏅 New badge: 🎯 first deal");
  });
});
