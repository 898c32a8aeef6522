import { describe, expect, it } from "vitest";
import { HeavyRequestLimiter } from "../../src/services/heavy-requests.js";

describe("HeavyRequestLimiter", () => {
  it("lets each person start `perMinute` heavy requests in any minute and says when the next is allowed", () => {
    const limiter = new HeavyRequestLimiter(3);
    const t0 = 1_000_000;
    expect([0, 10_000, 20_000].map((dt) => limiter.take(1, t0 + dt).ok)).toEqual([true, true, true]);
    // The first of the three leaves the window at t0 + 60 s.
    expect(limiter.take(1, t0 + 30_000)).toEqual({ ok: false, max: 3, retryInS: 30 });
    expect(limiter.take(1, t0 + 59_500)).toEqual({ ok: false, max: 3, retryInS: 1 });
    // A refused request is not counted: the next one is allowed as soon as the oldest leaves.
    expect(limiter.take(1, t0 + 60_000).ok).toBe(true);
    expect(limiter.take(1, t0 + 60_001)).toEqual({ ok: false, max: 3, retryInS: 10 });
    // Someone else has their own allowance.
    expect(limiter.take(2, t0 + 30_000).ok).toBe(true);
  });
});
