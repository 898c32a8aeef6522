import { describe, expect, it } from "vitest";
import { FLOW_VERSION } from "../../src/bot/conversations/flow-storage.js";
import { type Harness, startHarness, stopAfterEach } from "../support/harness.js";
import { count, setUpTeam } from "../support/team.js";

let h: Harness;
stopAfterEach(() => h);

const EXPIRED = "Бот обновился, и начатый диалог пришлось закрыть: ничего не сохранено. Начните его заново.";

/** Ivan's /lost flow, stopped at "why was it lost?", as saved by the bot before an update that changed the flows. */
async function flowSavedByPreviousVersion(h: Harness) {
  const t = await setUpTeam(h);
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
  return { t, reason, key };
}

const leadStage = (h: Harness) => (h.deps.db.$client.prepare("select stage from leads").get() as { stage: string }).stage;

describe("a flow saved by a previous version of the bot", () => {
  it("is dropped, not replayed: the answer meant for it stores nothing and the user is told", async () => {
    h = await startHarness();
    const { t, key } = await flowSavedByPreviousVersion(h);
    const answer = await h.say(t.ivan, t.ivanChat, "выбрали конкурента");
    expect(answer.text).toBe(EXPIRED);
    expect(leadStage(h)).toBe("new");
    expect(count(h, "select count(*) from activities where kind = 'lost'")).toBe(0);
    expect(count(h, "select count(*) from conversation_state where key = ?", key)).toBe(0);

    // The next flow starts from scratch under the current version.
    const ask = await h.say(t.ivan, t.ivanChat, "❌ Отказ");
    expect(ask.text).toContain("Отказ: какой клиент?");
  });

  it("a tap on the old flow's button gets the same answer", async () => {
    h = await startHarness();
    const { t, reason } = await flowSavedByPreviousVersion(h);
    const tapped = await h.tap(t.ivan, t.ivanChat, reason.call, "flow:skip");
    expect(tapped.text).toBe(EXPIRED);
    expect(leadStage(h)).toBe("new");
  });

  it("a command sent instead still runs after the notice", async () => {
    h = await startHarness();
    const { t } = await flowSavedByPreviousVersion(h);
    const after = h.fake.mark();
    h.fake.sendText(t.ivan, t.ivanChat, "/me");
    const me = await h.fake.waitForMessage(t.ivanChat.id, (text) => text.startsWith("📊"), { after });
    const notice = await h.fake.waitForMessage(t.ivanChat.id, (text) => text === EXPIRED, { after });
    expect(h.fake.calls.indexOf(notice)).toBeLessThan(h.fake.calls.indexOf(me));
    expect(leadStage(h)).toBe("new");
  });
});
