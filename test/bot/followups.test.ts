// The after-reply queue's runner: what an entry earned waits for that entry's own reply
// (its chat's poke), and nothing it holds is lost when the bot stops.
import type { Api } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { REPLY_WAIT_MS, startFollowups } from "../../src/bot/followups.js";
import type { FollowupTarget } from "../../src/db/repositories/followups.js";
import { recordEntry } from "../../src/services/record-entry.js";
import { memoryTeam } from "../support/memory-team.js";

const NOW = Date.parse("2026-11-25T10:00:00Z");

function setUp() {
  const { deps, ivan, member } = memoryTeam(NOW);
  // What reached Telegram, in order: "message 7" / "reaction 7" for the entry answering message 7.
  const sent: string[] = [];
  const api = {
    sendMessage: async (_chat: number, _text: string, o: { reply_parameters?: { message_id: number } }) =>
      void sent.push(`message ${o.reply_parameters?.message_id}`),
    setMessageReaction: async (_chat: number, messageId: number) => void sent.push(`reaction ${messageId}`),
  } as unknown as Api;
  const deal = (client: string, messageId: number) => {
    const notify: FollowupTarget = { chatId: ivan.id, messageId, receiverId: null, locale: "ru" };
    return recordEntry(
      deps,
      member,
      { kind: "deal", outcome: null, amountMinor: 5_000_000, clientName: client, lostReason: null },
      { occurredAt: NOW, sourceUpdateId: messageId, notify },
    );
  };
  return { deps, sent, api, deal, chat: ivan.id };
}

/** Lets the queued drain (setImmediate) run and finish. */
const drained = async (runner: { idle: boolean; settled(): Promise<void> }) => {
  for (let i = 0; i < 50 && !runner.idle; i++) await new Promise((r) => setImmediate(r));
  await runner.settled();
};

afterEach(() => {
  vi.useRealTimers();
});

describe("the after-reply queue's runner", () => {
  it("holds a later entry's congratulation for its own reply even when an earlier entry's wait runs out", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { deps, sent, api, deal, chat } = setUp();
    const runner = startFollowups(api, deps);
    await drained(runner);
    // Deal 7: another chat's poke drains its job while its reply is on its way; held.
    expect(deal("Acme", 7).status).toBe("logged");
    runner.poke(null);
    await drained(runner);
    expect(sent).toEqual([]);
    // Its reply is out: the congratulation follows.
    runner.poke(chat);
    await drained(runner);
    expect(sent).toEqual(["message 7", "reaction 7"]);
    // Deal 8, a while later: drained by another chat before its reply is out; held too.
    await vi.advanceTimersByTimeAsync(REPLY_WAIT_MS - 1000);
    expect(deal("Beta", 8).status).toBe("logged");
    runner.poke(null);
    await drained(runner);
    // Deal 7's wait (long over: its reply came) runs out now; deal 8's reply is still on its way.
    await vi.advanceTimersByTimeAsync(1000);
    await drained(runner);
    expect(sent).toEqual(["message 7", "reaction 7"]);
    runner.poke(chat);
    await drained(runner);
    expect(sent).toEqual(["message 7", "reaction 7", "reaction 8"]);
    await runner.stop();
  });

  it("sends at shutdown what it held, instead of dropping it (its job is done and will not run again)", async () => {
    const { deps, sent, api, deal } = setUp();
    const runner = startFollowups(api, deps);
    await drained(runner);
    expect(deal("Acme", 7).status).toBe("logged");
    // Drained by another chat; its own handler fails before it pokes.
    runner.poke(null);
    await drained(runner);
    expect(sent).toEqual([]);
    expect(deps.repos.followups.pendingCount()).toBe(0);
    // Every update is finished when the queue stops: no reply is still on its way.
    await runner.stop();
    expect(sent).toEqual(["message 7", "reaction 7"]);
  });
});
