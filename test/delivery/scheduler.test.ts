// The delivery layer's scheduling with a stub Api and a virtual clock:
// exact send times, minutes of rate-limit waits in milliseconds.
import { describe, expect, it } from "vitest";
import { createDelivery, type Outgoing } from "../../src/delivery/index.js";
import { FakeClock } from "./fake-clock.js";
import { maxInWindow, type StubSend, stubApi } from "./stub-api.js";

const text = (chatId: number, html: string, extra: Partial<Outgoing> = {}): Outgoing => ({ chatId, html, ...extra });
const timesTo = (sends: StubSend[], chatId: number) => sends.filter((s) => s.chatId === chatId).map((s) => s.at);

function setup(script?: Parameters<typeof stubApi>[1], opts: Parameters<typeof createDelivery>[1] = {}) {
  const clock = new FakeClock();
  const stub = stubApi(clock, script);
  const delivery = createDelivery(stub.api, { now: clock.now, sleep: clock.sleep, ...opts });
  return { clock, ...stub, delivery };
}

describe("delivery scheduling (virtual clock)", () => {
  it("keeps the global rate at the limit with many chats waiting, and never over it", async () => {
    const { clock, delivery, sends } = setup();
    // 10 groups × 20 messages: the per-group cap is never the bottleneck, the global one is.
    const msgs = Array.from({ length: 200 }, (_, i) => text(-(1 + (i % 10)), `m${i}`));
    const outcomes = await clock.runUntil(delivery.sendMany(msgs));
    expect(outcomes.every((o) => o.status === "sent")).toBe(true);
    expect(sends).toHaveLength(200);
    // 200 at 30/s: batches at 0, 1000, ..., 6000 — the best the limit allows.
    expect(sends.at(-1)!.at).toBe(6000);
    expect(
      maxInWindow(
        sends.map((s) => s.at),
        1000,
      ),
    ).toBe(30);
    for (let g = 1; g <= 10; g++) expect(maxInWindow(timesTo(sends, -g), 60_000)).toBeLessThanOrEqual(20);
    expect(delivery.stats()).toEqual({ queued: 0, sent: 200, blocked: 0, failed: 0, migrated: 0 });
  });

  it("is fair: a group with a backlog does not delay chats queued after it", async () => {
    const { clock, delivery, sends } = setup();
    const group = Array.from({ length: 25 }, (_, i) => text(-7, `g${i}`));
    const privates = Array.from({ length: 40 }, (_, i) => text(100 + i, `p${i}`));
    const all = delivery.sendMany([...group, ...privates]);
    await clock.runUntil(all);
    // Round-robin: the first second goes to the group once and 29 private chats, not to 20 group posts.
    const first = sends.filter((s) => s.at === 0);
    expect(first).toHaveLength(30);
    expect(first.filter((s) => s.chatId === -7)).toHaveLength(1);
    expect(Math.max(...sends.filter((s) => s.chatId > 0).map((s) => s.at))).toBe(1000);
    // The group gets the rest of second 1 up to its 20/min (1 at 0 s, 19 at 1 s); the last 5 a minute after those.
    const groupTimes = timesTo(sends, -7);
    expect(groupTimes.slice(0, 20)).toEqual([0, ...Array<number>(19).fill(1000)]);
    expect(groupTimes.slice(20)).toEqual([60_000, 61_000, 61_000, 61_000, 61_000]);
    // Per-chat order is kept.
    expect(sends.filter((s) => s.chatId === -7).map((s) => s.text)).toEqual(group.map((m) => m.html));
  });

  it("sends a newcomer at once while a capped group waits out its minute", async () => {
    const { clock, delivery, sends } = setup();
    const capped = delivery.sendMany(Array.from({ length: 21 }, (_, i) => text(-1, `c${i}`)));
    await clock.advanceTo(5000);
    expect(sends).toHaveLength(20); // the 21st waits for 60 000
    const late = delivery.send(text(-2, "late"));
    await clock.settle();
    expect(await late).toMatchObject({ status: "sent", chatId: -2 });
    expect(sends.at(-1)).toMatchObject({ chatId: -2, at: 5000 });
    await clock.runUntil(capped);
    expect(sends.at(-1)).toMatchObject({ chatId: -1, at: 60_000 });
  });

  it("keeps going when each post is queued right after the previous one settles (a caller awaiting in a loop)", async () => {
    // The next send lands a few microtask ticks after the previous outcome; one of these
    // delays hits the moment the pump is shutting down (a lost start would hang here).
    for (let ticks = 0; ticks <= 30; ticks++) {
      const { clock, delivery, sends } = setup();
      const sequential = (async () => {
        const out = [];
        for (let i = 0; i < 4; i++) {
          out.push(await delivery.send(text(-1 - i, `seq ${i}`)));
          for (let k = 0; k < ticks; k++) await Promise.resolve();
        }
        return out;
      })();
      const outcomes = await clock.runUntil(sequential, 60_000);
      expect(outcomes.map((o) => o.status)).toEqual(Array(4).fill("sent"));
      expect(sends.map((s) => s.text)).toEqual(["seq 0", "seq 1", "seq 2", "seq 3"]);
    }
  });

  it("spaces posts to one private chat 1 s apart by default", async () => {
    const { clock, delivery, sends } = setup();
    await clock.runUntil(delivery.sendMany([text(5, "a"), text(5, "b"), text(5, "c")]));
    expect(timesTo(sends, 5)).toEqual([0, 1000, 2000]);
  });

  it("takes limits in Telegram's units", async () => {
    const { clock, delivery, sends } = setup(undefined, { limits: { globalPerSecond: 10, perGroupPerMinute: 3 } });
    await clock.runUntil(
      delivery.sendMany([...Array.from({ length: 4 }, () => text(-1, "g")), ...Array.from({ length: 12 }, (_, i) => text(-10 - i, "x"))]),
    );
    expect(
      maxInWindow(
        sends.map((s) => s.at),
        1000,
      ),
    ).toBe(10);
    expect(timesTo(sends, -1).slice(3)).toEqual([60_000]);
  });

  it("waits out a 429 that reaches it (retry_after) and then gives up after a few", async () => {
    let refusals = 2;
    const { clock, delivery, attempts } = setup((s) =>
      s.chatId === -1 && refusals-- > 0
        ? { error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } }
        : undefined,
    );
    const outcome = await clock.runUntil(delivery.send(text(-1, "x")));
    expect(outcome).toMatchObject({ status: "sent", chatId: -1 });
    expect(attempts.map((a) => a.at)).toEqual([0, 5000, 10_000]);

    const always = setup(() => ({ error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }));
    const failed = await always.clock.runUntil(always.delivery.send(text(-1, "x")));
    expect(failed).toMatchObject({ status: "failed", description: "429: Too Many Requests: retry after 1" });
    expect(always.attempts).toHaveLength(4); // first try + 3 retries
  });

  it("never sends the same Outgoing twice, even if handed in twice", async () => {
    const { clock, delivery, sends } = setup();
    const msg = text(-1, "once");
    const [a, b] = await clock.runUntil(Promise.all([delivery.send(msg), delivery.send(msg)]));
    const again = await clock.runUntil(delivery.send(msg));
    expect(sends).toHaveLength(1);
    expect(a).toBe(b);
    expect(again).toBe(a);
  });

  it("does not retry other errors and refuses hopeless messages without spending a send", async () => {
    const { clock, delivery, attempts } = setup((s) =>
      s.chatId === -9 ? { error_code: 400, description: "Bad Request: chat not found" } : undefined,
    );
    const [notFound, empty, tooLong] = await clock.runUntil(
      delivery.sendMany([text(-9, "x"), text(-1, "<b> </b>"), text(-1, "x".repeat(4097))]),
    );
    expect(notFound).toEqual({ status: "failed", chatId: -9, description: "400: Bad Request: chat not found" });
    expect(empty).toMatchObject({ status: "failed", description: "message text is empty" });
    expect(tooLong).toMatchObject({ status: "failed" });
    expect(attempts).toHaveLength(1);
    expect(delivery.stats().failed).toBe(3);
  });

  it("idle() waits for the queue to drain and leaves no timer behind", async () => {
    const { clock, delivery } = setup();
    await delivery.idle(); // empty: resolves at once
    void delivery.sendMany([text(5, "a"), text(5, "b")]);
    let idle = false;
    void delivery.idle().then(() => (idle = true));
    await clock.advanceTo(999);
    expect(idle).toBe(false);
    expect(delivery.stats().queued).toBe(1);
    await clock.advanceTo(1000);
    expect(idle).toBe(true);
    expect(clock.pendingTimers()).toBe(0);
  });
});
