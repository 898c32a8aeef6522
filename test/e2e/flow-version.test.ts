import { describe, expect } from "vitest";
import { FLOW_VERSION } from "../../src/bot/conversations/flow-storage.js";
import { e2e } from "../support/e2e.js";
import type { Harness } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

const EXPIRED = "Бот обновился, и начатый диалог пришлось закрыть: ничего не сохранено. Начните его заново.";

/** Ivan's /lost flow, stopped at "why was it lost?", as saved by the bot before an update that changed the flows. */
async function flowSavedByPreviousVersion(h: Harness, t: TeamFixture) {
  await h.say(t.ivan, t.ivanChat, "/lead Сигма");
  await h.say(t.ivan, t.ivanChat, "❌ Отказ");
  const reason = await h.say(t.ivan, t.ivanChat, "Сигма");
  expect(reason.text).toContain("Причина отказа?");
  // The restart waits for the update in flight, so the flow's state is saved; then it is made an older version's.
  await h.restart();
  const sqlite = h.deps.db.$client;
  const key = `${t.ivanChat.id}:${t.ivan.id}`;
  const row = sqlite.prepare("select value from conversation_state where key = ?").get(key) as { value: string };
  const saved = JSON.parse(row.value) as { version: [number, number | string]; state: unknown };
  expect(saved.version[1]).toBe(FLOW_VERSION);
  saved.version[1] = FLOW_VERSION - 1;
  sqlite.prepare("update conversation_state set value = ? where key = ?").run(JSON.stringify(saved), key);
  return { reason, key };
}

const leadStage = (h: Harness) => (h.deps.db.$client.prepare("select stage from leads").get() as { stage: string }).stage;

describe("a flow saved by a previous version of the bot", () => {
  e2e("is dropped, not replayed: the answer meant for it stores nothing and the user is told", async ({ h, t }) => {
    const { key } = await flowSavedByPreviousVersion(h, t);
    const answer = await h.say(t.ivan, t.ivanChat, "выбрали конкурента");
    expect(answer.text).toBe(EXPIRED);
    expect(leadStage(h)).toBe("new");
    expect(count(h, "select count(*) from activities where kind = 'lost'")).toBe(0);
    expect(count(h, "select count(*) from conversation_state where key = ?", key)).toBe(0);

    // The next flow starts from scratch under the current version.
    const ask = await h.say(t.ivan, t.ivanChat, "❌ Отказ");
    expect(ask.text).toContain("Отказ: какой клиент?");
  });

  e2e("a tap on the old flow's button gets the same answer", async ({ h, t }) => {
    const { reason } = await flowSavedByPreviousVersion(h, t);
    const tapped = await h.tap(t.ivan, t.ivanChat, reason.call, "flow:skip");
    expect(tapped.text).toBe(EXPIRED);
    expect(leadStage(h)).toBe("new");
  });

  e2e("a command sent instead still runs after the notice", async ({ h, t }) => {
    await flowSavedByPreviousVersion(h, t);
    const after = h.fake.mark();
    h.fake.sendText(t.ivan, t.ivanChat, "/me");
    const me = await h.fake.waitForMessage(t.ivanChat.id, (text) => text.startsWith("📊"), { after });
    const notice = await h.fake.waitForMessage(t.ivanChat.id, (text) => text === EXPIRED, { after });
    expect(h.fake.calls.indexOf(notice)).toBeLessThan(h.fake.calls.indexOf(me));
    expect(leadStage(h)).toBe("new");
  });
});
