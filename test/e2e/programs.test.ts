import { describe, expect } from "vitest";
import type { RecordedCall } from "../fake-telegram/index.js";
import { e2e } from "../support/e2e.js";
import { count } from "../support/team.js";

/** Monday 16.11.2026, 10:00 in Moscow. */
const onMonday = e2e.extend({ startAt: "2026-11-16T07:00:00Z" });

const pollId = (c: RecordedCall) => (c.response.result as { poll: { id: string } }).poll.id;

describe("training programs", () => {
  onMonday("a program runs to completion step by step; heads see progress and who is late", async ({ h, clock, t }) => {
    const kb = await h.say(t.head, t.headChat, "/kb add Скрипт звонка #scripts\nПриветствие, вопрос, встреча.");
    const id = Number(/#(\d+)/.exec(kb.text)![1]);
    await h.say(t.head, t.headChat, "/quiz new Звонки #calls\n? Чем закончить звонок?\n+ Временем встречи\n- Прощанием");
    const made = await h.say(t.head, t.headChat, `/program new Онбординг 20.11 all\nkb ${id}\nquiz Звонки`);
    expect(made.text).toBe("🎓 Программа Онбординг: 2 шага, срок 20.11. Назначена: John, Иван.");
    expect(h.fake.messagesTo(t.ivanChat.id).some((c) => String(c.payload["text"]).includes("Вам назначена программа обучения"))).toBe(true);

    const learn1 = await h.say(t.ivan, t.ivanChat, "/learn");
    expect(learn1.text).toContain("Онбординг: 0/2, срок 20.11");
    expect(learn1.text).toContain(`Дальше: прочитайте и нажмите ✅ Прочитал — /kb_${id}`);
    const opened = await h.say(t.ivan, t.ivanChat, `/kb_${id}`);
    h.fake.clickButton(t.ivan, t.ivanChat, opened.call.response.result as { message_id: number }, `kb:r:${id}`);
    await h.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload["text"] === "Отмечено.");

    const mark = h.fake.mark();
    const learn2 = await h.say(t.ivan, t.ivanChat, "/learn");
    expect(learn2.text).toContain("Онбординг: 1/2");
    expect(learn2.text).toContain("✅ 1. Скрипт звонка\n▫️ 2. Звонки");
    const poll = await h.fake.waitForCall((c) => c.method === "sendPoll" && c.payload["chat_id"] === t.ivanChat.id, { after: mark });
    const m = h.fake.mark();
    h.fake.answerPoll(t.ivan, pollId(poll), [0]);
    await h.fake.waitForMessage(t.ivanChat.id, (text) => text.startsWith("🏁"), { after: m });
    const learn3 = await h.say(t.ivan, t.ivanChat, "/learn");
    expect(learn3.text).toContain("Онбординг: 2/2");
    expect(learn3.text).toContain("Все шаги пройдены");

    const table = await h.say(t.head, t.headChat, "/program");
    expect(table.text).toContain("Онбординг · срок 20.11\n▫️ John: 0/2\n✅ Иван: 2/2");
    // After the due day John is late (listed first); Ivan finished in time.
    clock.now = Date.parse("2026-11-21T07:00:00Z");
    const late = await h.say(t.head, t.headChat, "/program онбординг");
    expect(late.text).toContain("⏰ John: 0/2 — просрочено\n✅ Иван: 2/2");
    expect((await h.say(t.john, t.johnChat, "/learn")).text).toContain("⏰ late");
    // The coaching views carry quiz scores and program progress.
    const card = await h.say(t.head, t.headChat, "/coach @ivan");
    expect(card.text).toContain("• Звонки: 1/1 (100 %)");
    expect(card.text).toContain("Программы обучения\n• Онбординг: 2/2");
    const overview = await h.say(t.head, t.headChat, "/coach");
    expect(overview.text).toContain("John: отставаний нет · программы 0/2 ⏰ просрочено");
    expect(overview.text).toContain("Иван: отставаний нет · тесты 100 % · программы 2/2");
  });

  e2e("refuses managers, unknown steps and bad lines; stores nothing", async ({ h, t }) => {
    expect((await h.say(t.ivan, t.ivanChat, "/program new X 20.12\nkb 1")).text).toContain("доступна только руководителю");
    expect((await h.say(t.ivan, t.ivanChat, "/program")).text).toContain("доступна только руководителю");
    const bad = await h.say(t.head, t.headChat, "/program new Онбординг\nkb 7\nquiz Нет такого\nпрочитать всё");
    expect(bad.text).toContain("строка 1: нет срока (дд.мм)");
    expect(bad.text).toContain("строка 4: шаг — это «kb <номер>» или «quiz <название>»");
    const unknown = await h.say(t.head, t.headChat, "/program new Онбординг 20.12\nkb 7\nquiz Нет такого");
    expect(unknown.text).toContain("строка 2: нет материала #7");
    expect(unknown.text).toContain("строка 3: нет теста «Нет такого»");
    expect(count(h, "select count(*) from programs")).toBe(0);
    expect((await h.say(t.john, t.johnChat, "/learn")).text).toBe("No training programs assigned to you.");
  });
});
