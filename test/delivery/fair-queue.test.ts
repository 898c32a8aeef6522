import { describe, expect, it } from "vitest";
import { FairQueue } from "../../src/delivery/fair-queue.js";

/** Takes every head in pick order until empty (all chats always ready). */
function order(q: FairQueue<string, string>): string[] {
  const out: string[] = [];
  for (let key = q.pick(() => true); key !== undefined; key = q.pick(() => true)) {
    const item = q.peek(key)!;
    q.remove(key, item);
    out.push(item);
  }
  return out;
}

describe("FairQueue", () => {
  it("visits chats round-robin instead of draining the first chat's backlog", () => {
    const q = new FairQueue<string, string>();
    for (let i = 1; i <= 4; i++) q.push("big", `big${i}`);
    q.push("a", "a1");
    q.push("b", "b1");
    q.push("b", "b2");
    expect(order(q)).toEqual(["big1", "a1", "b1", "big2", "b2", "big3", "big4"]);
    expect(q.size).toBe(0);
  });

  it("skips chats that may not send and comes back to them on a later pick", () => {
    const q = new FairQueue<string, string>();
    q.push("slow", "s1");
    q.push("x", "x1");
    q.push("y", "y1");
    const blocked = new Set(["slow"]);
    const ready = (k: string) => !blocked.has(k);
    expect(q.pick(ready)).toBe("x");
    q.remove("x", "x1");
    expect(q.pick(ready)).toBe("y");
    q.remove("y", "y1");
    expect(q.pick(ready)).toBeUndefined();
    blocked.clear();
    expect(q.pick(ready)).toBe("slow");
  });

  it("serves a chat that arrives mid-round after the chats already waiting", () => {
    const q = new FairQueue<string, string>();
    q.push("a", "a1");
    q.push("a", "a2");
    q.push("b", "b1");
    q.push("b", "b2");
    expect(q.pick(() => true)).toBe("a");
    q.remove("a", "a1");
    q.push("c", "c1");
    expect(order(q)).toEqual(["b1", "a2", "c1", "b2"]);
  });

  it("merges a migrated chat's backlog in front of the new chat's, and drains selectively", () => {
    const q = new FairQueue<number, string>();
    q.push(-1, "old1");
    q.push(-1, "old2");
    q.push(-100, "new1");
    q.merge(-1, -100);
    expect(q.keys()).toEqual([-100]);
    expect(q.items(-100)).toEqual(["old1", "old2", "new1"]);
    expect(q.drain(-100, (item) => item === "old1")).toEqual(["old2", "new1"]);
    expect(q.size).toBe(1);
    expect(q.items(-100)).toEqual(["old1"]);
  });
});
