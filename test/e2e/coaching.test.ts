import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import type { Clock, Harness } from "../support/harness.js";
import { count, type TeamFixture } from "../support/team.js";

const test = e2e.extend({ startAt: "2026-11-16T07:00:00Z" }); // Monday 10:00 in Moscow

/**
 * Last week (16–22 Nov, Moscow): Ivan 11 calls, 1 of them booked a meeting (9 %);
 * John 10 calls, 4 booked (40 %). Team median conversion 24.5 %: Ivan is far behind,
 * John nowhere 20 % behind (calls 10 against a median of 10.5).
 */
async function lastWeek(h: Harness, t: TeamFixture, clock: Clock): Promise<void> {
  clock.now = Date.parse("2026-11-17T07:00:00Z");
  await h.say(t.ivan, t.ivanChat, "/call встреча Ромашка");
  for (let i = 0; i < 10; i++) await h.say(t.ivan, t.ivanChat, "/call");
  for (let i = 0; i < 4; i++) await h.say(t.john, t.johnChat, "/call meeting Acme");
  for (let i = 0; i < 6; i++) await h.say(t.john, t.johnChat, "/call");
  await h.say(
    t.head,
    t.headChat,
    "/kb add Скрипт: от потребности к встрече #call_conversion #scripts\nСначала вопрос о задаче, потом предложение.",
  );
  await h.say(t.head, t.headChat, "/quiz new Звонки #call_conversion\n? Чем закончить звонок?\n+ Временем встречи\n- Прощанием");
}

const mondayMorning = (clock: Clock) => (clock.now = Date.parse("2026-11-23T06:10:00Z")); // 09:10 in Moscow, after the weekly post

describe("coaching tied to the numbers", () => {
  test("sends the weekly note to the manager who is behind (numbers, suggestion, tagged material and quiz, praise), once a week, and the heads' overview", async ({
    h,
    clock,
    t,
  }) => {
    await lastWeek(h, t, clock);
    mondayMorning(clock);
    await h.scheduler.runDue(clock.now);
    await h.delivery.idle();
    const toIvan = h.fake.messagesTo(t.ivanChat.id).filter((c) => String(c.payload["text"]).includes("разбор недели"));
    expect(toIvan).toHaveLength(1);
    const note = String(toIvan[0]!.payload["text"]).replace(/[\u00A0\u202F\u2009]/g, " ");
    expect(note).toContain("Над чем поработать: конверсия звонков 9,1% при медиане команды 24,5%.");
    expect(note).toContain("💡 Поменяйте скрипт звонка");
    expect(note).toMatch(/• Скрипт: от потребности к встрече — \/kb_\d+/);
    expect(note).toContain("Тест по теме: Звонки");
    expect(note).toContain("👏 Лучшее за неделю: звонки 11 (медиана команды 10,5).");
    // John is not 20 % behind on anything: no note.
    expect(h.fake.messagesTo(t.johnChat.id).filter((c) => String(c.payload["text"]).includes("coaching note"))).toHaveLength(0);
    const overview = h.fake.messagesTo(t.headChat.id).find((c) => String(c.payload["text"]).includes("Кому и в чём нужна помощь"));
    expect(String(overview!.payload["text"])).toContain("• Иван: конверсия звонков 9,1% при медиане команды 24,5%");
    expect(String(overview!.payload["text"])).toContain("• John: отставаний нет");
    // The same week again (a restart, the sweep): nothing more.
    clock.now += 3_600_000;
    await h.scheduler.runDue(clock.now);
    await h.delivery.idle();
    expect(count(h, "select count(*) from posts where kind = 'coaching'")).toBe(1);
  });

  test("puts each quiz's average score and weakest questions into the heads' weekly post", async ({ h, clock, t }) => {
    await lastWeek(h, t, clock);
    await h.say(
      t.head,
      t.headChat,
      "/quiz new Встречи #meetings\n? Когда подтверждать встречу?\n+ Накануне\n- Никогда\n\n? Кто назначает время?\n+ Менеджер\n- Клиент",
    );
    const poll = (chatId: number, after: number) =>
      h.fake.waitForCall((c) => c.method === "sendPoll" && c.payload["chat_id"] === chatId && c.response.ok, { after });
    const id = (c: { response: { result?: unknown } }) => (c.response.result as { poll: { id: string } }).poll.id;
    let m = h.fake.mark();
    await h.say(t.head, t.headChat, "/quiz send Встречи all");
    const ivanQ1 = await poll(t.ivanChat.id, m);
    const johnQ1 = await poll(t.johnChat.id, m);
    // Ivan: right, wrong (50 %); John: right, right (100 %). Question 2 is the weak one.
    m = h.fake.mark();
    h.fake.answerPoll(t.ivan, id(ivanQ1), [0]);
    const ivanQ2 = await poll(t.ivanChat.id, m);
    m = h.fake.mark();
    h.fake.answerPoll(t.ivan, id(ivanQ2), [1]);
    await h.fake.waitForMessage(t.ivanChat.id, undefined, { after: m });
    m = h.fake.mark();
    h.fake.answerPoll(t.john, id(johnQ1), [0]);
    const johnQ2 = await poll(t.johnChat.id, m);
    m = h.fake.mark();
    h.fake.answerPoll(t.john, id(johnQ2), [0]);
    await h.fake.waitForMessage(t.johnChat.id, undefined, { after: m });
    mondayMorning(clock);
    await h.scheduler.runDue(clock.now);
    await h.delivery.idle();
    const overview = h.fake.messagesTo(t.headChat.id).find((c) => String(c.payload["text"]).includes("Кому и в чём нужна помощь"));
    const text = String(overview!.payload["text"]);
    expect(text).toContain("📝 <b>Тесты</b>");
    expect(text).toContain("• «Встречи»: 75 % в среднем, прошли 2 человека\n   ↳ 50 % верно: Кто назначает время?");
    // A quiz nobody has answered is left out; a question everyone got right is not "weak".
    expect(text).not.toContain("«Звонки»");
    expect(text).not.toContain("Когда подтверждать встречу?");
  });

  test("respects the opt-out in /settings", async ({ h, clock, t }) => {
    await lastWeek(h, t, clock);
    expect((await h.say(t.ivan, t.ivanChat, "/settings coaching off")).text).toContain("Сохранено");
    mondayMorning(clock);
    await h.scheduler.runDue(clock.now);
    await h.delivery.idle();
    expect(h.fake.messagesTo(t.ivanChat.id).filter((c) => String(c.payload["text"]).includes("разбор недели"))).toHaveLength(0);
  });

  test("/coach @user shows percentiles, the weakest metric's 8-week trend, quizzes and the heads' private notes; managers are refused", async ({
    h,
    clock,
    t,
  }) => {
    await lastWeek(h, t, clock);
    clock.now = Date.parse("2026-11-24T07:00:00Z");
    expect((await h.say(t.head, t.headChat, "/note @ivan Разобрали скрипт, повторить через неделю")).text).toContain(
      "Заметка о сотруднике Иван сохранена",
    );
    const card = await h.say(t.head, t.headChat, "/coach @ivan");
    expect(card.text).toContain("Иван");
    expect(card.text).toMatch(/Конв\.\s+9,1%\s+P0/);
    expect(card.text).toMatch(/Звонки\s+11\s+P100/);
    expect(card.text).toContain("Слабее всего: конверсия звонков 9,1% при медиане команды 24,5%");
    expect(card.text).toContain("конверсия звонков, 8 недель");
    expect(card.text).toMatch(/16\.11\s+9,1%/);
    expect(card.text).toContain("Тестов не проходил.");
    expect(card.text).toContain("Разобрали скрипт, повторить через неделю");
    // Managers see neither cards nor notes, and cannot write them.
    expect((await h.say(t.ivan, t.ivanChat, "/coach @john")).text).toContain("Команда /coach доступна только руководителю");
    expect((await h.say(t.john, t.johnChat, "/note @ivan hi")).text).toContain("Only a head of sales can use /note");
    expect((await h.say(t.head, t.headChat, "/coach @nobody")).text).toContain("В команде нет менеджера @nobody");
    expect((await h.say(t.head, t.headChat, "/note @ivan")).text).toContain("Формат: /note @user текст");
    expect(count(h, "select count(*) from coach_notes")).toBe(1);
  });
});
