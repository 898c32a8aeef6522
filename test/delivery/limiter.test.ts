import { describe, expect, it } from "vitest";
import { SendLimiter, TELEGRAM_WINDOWS } from "../../src/delivery/limiter.js";

/** Sends to `chatId` whenever allowed, starting at `from`, until `count` sends; returns their times. */
function sendGreedily(limiter: SendLimiter, chatIds: number[], count: number, from = 0): { chatId: number; at: number }[] {
  const out: { chatId: number; at: number }[] = [];
  let now = from;
  let turn = 0;
  while (out.length < count) {
    const chatId = chatIds[turn++ % chatIds.length]!;
    const at = limiter.allowedAt(chatId, now);
    if (at > now) {
      now = Math.min(...chatIds.map((id) => limiter.allowedAt(id, now)));
      continue;
    }
    limiter.reserve(chatId).settle(now);
    out.push({ chatId, at: now });
  }
  return out;
}

describe("SendLimiter (fake clock)", () => {
  it("allows 30 sends per second overall, then the 31st exactly one window after the first", () => {
    const limiter = new SendLimiter(TELEGRAM_WINDOWS);
    const chats = Array.from({ length: 100 }, (_, i) => -(i + 1));
    for (let i = 0; i < 30; i++) {
      expect(limiter.allowedAt(chats[i]!, 0)).toBe(0);
      limiter.reserve(chats[i]!).settle(i * 10); // sends answered at 0, 10, ..., 290 ms
    }
    expect(limiter.globalAllowedAt(300)).toBe(1000); // the first leaves the window at 0 + 1000
    expect(limiter.allowedAt(chats[30]!, 999)).toBe(1000);
    expect(limiter.allowedAt(chats[30]!, 1000)).toBe(1000);
    limiter.reserve(chats[30]!).settle(1000);
    expect(limiter.globalAllowedAt(1000)).toBe(1010);
  });

  it("sustains exactly 30/s for a long run and never 31 in any second", () => {
    const limiter = new SendLimiter(TELEGRAM_WINDOWS);
    const chats = Array.from({ length: 1000 }, (_, i) => -(i + 1));
    const sends = sendGreedily(limiter, chats, 300);
    expect(sends.at(-1)!.at).toBe(9000); // 300 sends: 30 at 0, 1000, ..., 9000
    const times = sends.map((s) => s.at);
    for (let i = 30; i < times.length; i++) expect(times[i]! - times[i - 30]!).toBeGreaterThanOrEqual(1000);
  });

  it("caps a group at 20 per minute, independent of other groups", () => {
    const limiter = new SendLimiter(TELEGRAM_WINDOWS);
    for (let i = 0; i < 20; i++) limiter.reserve(-5).settle(i * 1000);
    expect(limiter.allowedAt(-5, 20_000)).toBe(60_000); // first at 0 leaves at 60 000
    expect(limiter.allowedAt(-6, 20_000)).toBe(20_000);
    limiter.reserve(-5).settle(60_000);
    expect(limiter.allowedAt(-5, 60_000)).toBe(61_000); // the one at 1 000 leaves next
  });

  it("spaces a private chat 1 s apart, and private chats don't share a window", () => {
    const limiter = new SendLimiter(TELEGRAM_WINDOWS);
    limiter.reserve(42).settle(100);
    expect(limiter.allowedAt(42, 150)).toBe(1100);
    expect(limiter.allowedAt(43, 150)).toBe(150);
  });

  it("counts a send in flight until its answer arrives, and from the answer on (latency never undercounts)", () => {
    const limiter = new SendLimiter({ ...TELEGRAM_WINDOWS, global: { limit: 2, windowMs: 1000 } });
    const a = limiter.reserve(-1);
    const b = limiter.reserve(-2);
    expect(limiter.globalAllowedAt(5000)).toBe(Infinity); // both still in flight: only an answer frees room
    a.settle(300);
    a.settle(900); // a second settle is ignored
    expect(limiter.globalAllowedAt(400)).toBe(1300); // a answered at 300 → free at 1300, not at 0 + 1000
    b.settle(450);
    expect(limiter.globalAllowedAt(1299)).toBe(1300);
    limiter.reserve(-3).settle(1300);
    expect(limiter.globalAllowedAt(1300)).toBe(1450); // next: b, answered at 450
  });

  it("turns windows back on after prune and forgets idle chats", () => {
    const limiter = new SendLimiter(TELEGRAM_WINDOWS);
    limiter.reserve(-1).settle(0);
    const inFlight = limiter.reserve(7);
    limiter.prune(61_000);
    expect(limiter.trackedChats()).toBe(1); // -1 expired; 7 is still in flight
    inFlight.settle(61_000);
    limiter.prune(62_000);
    expect(limiter.trackedChats()).toBe(0);
  });

  it("rejects nonsense windows", () => {
    expect(() => new SendLimiter({ ...TELEGRAM_WINDOWS, global: { limit: 0, windowMs: 1000 } })).toThrow(RangeError);
  });
});
