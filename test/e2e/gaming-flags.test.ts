import { describe, expect } from "vitest";
import type { RecordedCall } from "../fake-telegram/index.js";
import { e2e } from "../support/e2e.js";
import { buttons, type Harness, visibleText } from "../support/harness.js";
import { count, liveActivities, type TeamFixture } from "../support/team.js";

const test = e2e.extend({ startAt: "2026-11-24T07:00:00Z" }); // Tuesday 10:00 in Moscow

const sent = (h: Harness, chatId: number, method = "sendMessage") =>
  h.fake.calls.filter((c) => c.method === method && c.payload["chat_id"] === chatId && c.response.ok);
const texts = (h: Harness, chatId: number) => sent(h, chatId).map(visibleText);
const flagRows = (h: Harness) =>
  h.deps.db.$client.prepare("select kind, user_id, day, status, entry_ids from gaming_flags order by id").all();

/** Taps a button and resolves with the callback answer (an alert or a silent one). */
async function tapForAnswer(
  h: Harness,
  from: TeamFixture["head"],
  chat: TeamFixture["headChat"],
  message: RecordedCall,
  data: string,
  forged = false,
) {
  const after = h.fake.mark();
  if (forged) h.fake.forgeClick(from, chat, message.response.result, data);
  else h.fake.clickButton(from, chat, message.response.result, data);
  return h.fake.waitForCall((c) => c.method === "answerCallbackQuery", { after });
}

describe("anti-gaming flags", () => {
  test("a burst of 21 calls raises one flag: in the head's summary and /flags, refused to managers, voided with its KPIs", async ({
    h,
    at,
    t,
  }) => {
    for (let i = 0; i < 21; i++) await h.say(t.ivan, t.ivanChat, "/call");
    expect((await h.say(t.ivan, t.ivanChat, "/me")).text).toMatch(/звонки\s+21\n/);

    at("2026-11-25T06:00:00Z"); // Wednesday 09:00: the summary and the daily detection
    await h.scheduler.runDue();
    expect(flagRows(h)).toMatchObject([{ kind: "burst", user_id: t.ivan.id, day: "2026-11-24", status: "open" }]);
    expect(JSON.parse((flagRows(h)[0] as { entry_ids: string }).entry_ids)).toHaveLength(21);
    const headSummary = texts(h, t.headChat.id).find((x) => x.includes("Доброе утро"))!;
    expect(headSummary).toContain("⚠️ 1 флаг: /flags");
    const groupSummary = texts(h, t.group.id).find((x) => x.includes("Доброе утро"))!;
    expect(groupSummary).not.toContain("флаг");
    // Running the detection again (a restart, /flags) adds nothing.
    await h.scheduler.runDue();
    expect((await h.say(t.head, t.headChat, "/flags")).text).toContain("1. ⚡ Всплеск · Иван · 24.11");
    expect(flagRows(h)).toHaveLength(1);

    // Managers and groups get a clear refusal and no list.
    expect((await h.say(t.ivan, t.ivanChat, "/flags")).text).toBe("Команда /flags доступна только руководителю отдела продаж.");
    expect((await h.say(t.john, t.johnChat, "/flags week")).text).toBe("Only a head of sales can use /flags.");
    expect((await h.say(t.head, t.group, "/flags")).text).toContain("только в личном чате");
    const bad = await h.say(t.head, t.headChat, "/flags вчерашний");
    expect(bad.text).toContain("«вчерашний» — не период");
    expect(bad.text).toContain("/flags [период]");

    const list = await h.say(t.head, t.headChat, "/flags");
    expect(list.text).toContain("21 запись в 10:00");
    const [flagId] = (h.deps.db.$client.prepare("select id from gaming_flags").all() as { id: number }[]).map((r) => r.id);
    expect(buttons(list.call)).toEqual([`gf:ok:${flagId}:1`, `gf:vq:${flagId}:1`]);

    // A manager forging the head's buttons, and a head naming another flag id, change nothing.
    const ivanMessage = sent(h, t.ivanChat.id).at(-1)!;
    expect((await tapForAnswer(h, t.ivan, t.ivanChat, ivanMessage, `gf:vy:${flagId}:1`, true)).payload["text"]).toBe(
      "Разбирать флаги может только руководитель.",
    );
    expect((await tapForAnswer(h, t.head, t.headChat, list.call, `gf:vy:${flagId! + 99}:1`, true)).payload["text"]).toBe(
      "Такого флага нет (больше нет); ничего не изменено.",
    );
    expect(liveActivities(h)).toBe(21);
    expect(flagRows(h)).toMatchObject([{ status: "open" }]);

    // ✖ asks first; ↩️ keeps; ✖ then "yes" voids the 21 entries.
    let after = h.fake.mark();
    h.fake.clickButton(t.head, t.headChat, list.call.response.result, `gf:vq:${flagId}:1`);
    let edit = await h.fake.waitForCall((c) => c.method === "editMessageReplyMarkup", { after });
    expect(buttons(edit)).toEqual([`gf:vy:${flagId}:1`, `gf:vn:${flagId}:1`]);
    expect(JSON.stringify(edit.payload["reply_markup"])).toContain("1 ✖ да, аннулировать 21 запись");
    after = h.fake.mark();
    h.fake.clickButton(t.head, t.headChat, list.call.response.result, `gf:vn:${flagId}:1`);
    edit = await h.fake.waitForCall((c) => c.method === "editMessageReplyMarkup", { after });
    expect(buttons(edit)).toEqual([`gf:ok:${flagId}:1`, `gf:vq:${flagId}:1`]);
    expect(liveActivities(h)).toBe(21);
    h.fake.clickButton(t.head, t.headChat, list.call.response.result, `gf:vq:${flagId}:1`);
    await h.fake.waitForCall((c) => c.method === "editMessageReplyMarkup" && buttons(c).includes(`gf:vy:${flagId}:1`), { after });
    const voided = await h.tap(t.head, t.headChat, list.call, `gf:vy:${flagId}:1`);
    expect(voided.text).toMatch(/^✖ Аннулировано: 21 запись — 1\. ⚡ Всплеск · Иван · 24\.11/);
    expect(liveActivities(h)).toBe(0);
    expect(flagRows(h)).toMatchObject([{ status: "voided" }]);
    expect(count(h, "select count(*) from gaming_flags where resolved_by = ?", t.head.id)).toBe(1);
    expect((await h.say(t.ivan, t.ivanChat, "/me месяц")).text).toMatch(/звонки\s+0\n/);

    // A stale tap on the old list changes nothing more; the flag is no longer open.
    expect((await tapForAnswer(h, t.head, t.headChat, list.call, `gf:ok:${flagId}:1`, true)).payload["text"]).toBe(
      "Этот флаг уже разобран; ничего не изменено.",
    );
    expect(flagRows(h)).toMatchObject([{ status: "voided" }]);
    expect((await h.say(t.head, t.headChat, "/flags")).text).toContain("Открытых флагов нет.");
    const history = await h.say(t.head, t.headChat, "/flags 24.11");
    expect(history.text).toContain("✖ записи аннулированы (Ольга)");
    expect(buttons(history.call)).toEqual([]);
  });

  test("marks a flag fine (the entries stay), and the next summary has no flags line", async ({ h, at, t }) => {
    for (let i = 0; i < 20; i++) await h.say(t.john, t.johnChat, "/call");
    at("2026-11-24T12:00:00Z"); // a call first, then the deal (the client typed differently): not flagged
    await h.say(t.john, t.johnChat, "/call Beta");
    await h.say(t.john, t.johnChat, "/deal 10k  BETA");
    at("2026-11-24T20:30:00Z"); // 23:30 in Moscow: a night entry
    await h.say(t.john, t.johnChat, "/deal 50k Acme");
    at("2026-11-25T07:00:00Z");
    const list = await h.say(t.head, t.headChat, "/flags");
    expect(list.text).toContain("1. ⚡ Всплеск · John · 24.11");
    expect(list.text).toContain("2. 🌙 Ночью · John · 24.11\n    1 запись в 23:30");
    expect(list.text).toContain("3. 💰 Сделка из ниоткуда · John · 24.11\n    1 сделка без предшествующей работы с клиентом: Acme");
    const ids = (h.deps.db.$client.prepare("select id from gaming_flags order by id").all() as { id: number }[]).map((r) => r.id);
    for (const [i, id] of ids.entries()) {
      const n = i + 1;
      const fine = await h.tap(t.head, t.headChat, list.call, `gf:ok:${id}:${n}`);
      expect(fine.text).toMatch(new RegExp(`^✓ Отмечено как норма: ${n}\\. `));
    }
    expect(count(h, "select count(*) from gaming_flags where status = 'fine'")).toBe(3);
    expect(liveActivities(h)).toBe(23);
    // The list's buttons went as each was resolved.
    const lastEdit = h.fake.calls.filter((c) => c.method === "editMessageReplyMarkup").at(-1)!;
    expect(buttons(lastEdit)).toEqual([]);

    at("2026-11-26T06:00:00Z"); // Thursday's summary: nothing open
    await h.scheduler.runDue();
    const summary = texts(h, t.headChat.id).find((x) => x.includes("Доброе утро"))!;
    expect(summary).not.toContain("/flags");
    expect(count(h, "select count(*) from gaming_flags")).toBe(3);
  });

  test("changes thresholds in /settings (heads only, bad values refused) and detects by them", async ({ h, at, t }) => {
    const shown = await h.say(t.head, t.headChat, "/settings flags");
    expect(shown.text).toContain("Флаги: всплеск 20 за 2 мин · дубли в пределах 10 мин · ночь 23:00–06:00");
    const bad = await h.say(t.head, t.headChat, "/settings flags burst 1 2");
    expect(bad.text).toContain("⚠️ «burst 1 2» — недопустимое значение для flags");
    expect(bad.text).toContain("burst 20 2");
    expect((await h.say(t.ivan, t.ivanChat, "/settings flags off")).text).toContain("Настройки команды меняет руководитель");
    expect(count(h, "select count(*) from teams where settings like '%flags%'")).toBe(0);

    const saved = await h.say(t.head, t.headChat, "/settings flags burst 25 2");
    expect(saved.text).toContain("Флаги: всплеск 25 за 2 мин");
    await h.say(t.head, t.headChat, "/settings flags night off");
    const panel = await h.say(t.head, t.headChat, "/settings");
    expect(panel.text).toContain("всплеск 25 за 2 мин · дубли в пределах 10 мин · ночь выкл");

    for (let i = 0; i < 22; i++) await h.say(t.ivan, t.ivanChat, "/call");
    at("2026-11-24T21:00:00Z"); // 00:00 in Moscow: night, but night is off
    await h.say(t.ivan, t.ivanChat, "/call Acme");
    await h.say(t.ivan, t.ivanChat, "/call Acme"); // a duplicate within 10 minutes
    at("2026-11-25T07:00:00Z");
    const list = await h.say(t.head, t.headChat, "/flags неделя");
    expect(list.text).toContain("♊ Дубли · Иван · 25.11\n    2 записи повторяются (Звонок · Acme), 00:00–00:00");
    expect(flagRows(h)).toMatchObject([{ kind: "duplicate", day: "2026-11-25" }]);

    await h.say(t.head, t.headChat, "/settings flags off");
    const off = await h.say(t.head, t.headChat, "/flags");
    expect(off.text).toContain("Проверка флагов выключена");
  });
});
