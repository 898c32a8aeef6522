import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { buttons } from "../support/harness.js";
import { count, liveActivities } from "../support/team.js";

describe("one-tap logging flow", () => {
  e2e("asks for a deal's amount and client, re-asking on a bad amount", async ({ h, t }) => {
    const ask = await h.say(t.ivan, t.ivanChat, "💰 Сделка");
    expect(ask.text).toContain("Сумма сделки?");
    expect(buttons(ask.call)).toEqual(["flow:cancel"]);
    const bad = await h.say(t.ivan, t.ivanChat, "много");
    expect(bad.text).toContain("«много» — не сумма");
    expect(liveActivities(h)).toBe(0);
    const client = await h.say(t.ivan, t.ivanChat, "1,2 млн");
    expect(client.text).toContain("Сделка: какой клиент?");
    expect(buttons(client.call)).toEqual(["flow:skip", "flow:cancel"]);
    const done = await h.say(t.ivan, t.ivanChat, "ООО Вектор");
    expect(done.text).toMatch(/✅ Сделка — 1 200 000 ₽ — ООО Вектор\nСегодня сделок: 1/);
    expect(count(h, "select amount_minor from activities")).toBe(120_000_000);
  });

  e2e("logs a call from /log buttons: kind, outcome, then a recent client or Skip", async ({ h, t }) => {
    await h.say(t.john, t.johnChat, "/lead Acme");
    const menu = await h.say(t.john, t.johnChat, "/log");
    expect(buttons(menu.call)).toEqual(["log:call", "log:meeting", "log:proposal", "log:presentation", "log:lead", "log:deal", "log:lost"]);
    const outcome = await h.tap(t.john, t.johnChat, menu.call, "log:call");
    expect(outcome.text).toBe("📞 How did the call go?");
    const client = await h.tap(t.john, t.johnChat, outcome.call, "flow:out:meeting");
    expect(buttons(client.call)).toEqual(["flow:recent:0", "flow:skip", "flow:cancel"]);
    const done = await h.tap(t.john, t.johnChat, client.call, "flow:recent:0");
    expect(done.text).toMatch(/✅ Call — meeting set — Acme\nToday calls: 1\nAcme: stage → qualified/);

    const again = await h.say(t.john, t.johnChat, "📞 Call");
    const skip = await h.tap(t.john, t.johnChat, again.call, "flow:out:noanswer");
    const skipped = await h.tap(t.john, t.johnChat, skip.call, "flow:skip");
    expect(skipped.text).toBe("✅ Call — no answer\nToday calls: 2");
  });

  e2e("cancels without storing anything, and a command typed mid-flow ends it and runs", async ({ h, t }) => {
    const ask = await h.say(t.ivan, t.ivanChat, "❌ Отказ");
    expect(ask.text).toContain("Отказ: какой клиент? Напишите название.");
    const cancelled = await h.tap(t.ivan, t.ivanChat, ask.call, "flow:cancel");
    expect(cancelled.text).toBe("Отменено, ничего не записано.");
    await h.say(t.ivan, t.ivanChat, "🆕 Лид");
    const after = h.fake.mark();
    h.fake.sendText(t.ivan, t.ivanChat, "/me");
    await h.fake.waitForMessage(t.ivanChat.id, (text) => text.startsWith("📊"), { after });
    expect(liveActivities(h)).toBe(0);
  });

  e2e("treats a keyboard tap mid-flow as a new request, not as the answer", async ({ h, t }) => {
    await h.say(t.ivan, t.ivanChat, "🤝 Встреча");
    const after = h.fake.mark();
    h.fake.sendText(t.ivan, t.ivanChat, "↩️ Отменить");
    await h.fake.waitForMessage(t.ivanChat.id, (text) => text.includes("нечего отменять"), { after });
    expect(liveActivities(h)).toBe(0);

    // Another kind from the /log menu while a flow is open starts over with that kind.
    const menu = await h.say(t.ivan, t.ivanChat, "/log");
    await h.tap(t.ivan, t.ivanChat, menu.call, "log:call");
    const meeting = await h.tap(t.ivan, t.ivanChat, menu.call, "log:meeting");
    expect(meeting.text).toContain("Встреча: какой клиент?");
    const done = await h.say(t.ivan, t.ivanChat, "Ромашка");
    expect(done.text).toMatch(/^✅ Встреча — Ромашка/);
    expect(liveActivities(h)).toBe(1);
  });

  e2e("survives a restart in the middle of a flow", async ({ h, t }) => {
    await h.say(t.ivan, t.ivanChat, "/lead Сигма");
    const ask = await h.say(t.ivan, t.ivanChat, "❌ Отказ");
    expect(buttons(ask.call)).toContain("flow:recent:0");
    const reason = await h.say(t.ivan, t.ivanChat, "Сигма");
    expect(reason.text).toContain("Причина отказа?");
    await h.restart();
    const done = await h.say(t.ivan, t.ivanChat, "выбрали конкурента");
    expect(done.text).toMatch(/✅ Отказ — Сигма — выбрали конкурента\nСегодня отказов: 1/);
    expect(h.deps.db.$client.prepare("select stage, lost_reason from leads").get()).toEqual({
      stage: "lost",
      lost_reason: "выбрали конкурента",
    });
  });
});
