import { describe, expect } from "vitest";
import type { RecordedCall } from "../fake-telegram/index.js";
import { e2e } from "../support/e2e.js";
import type { Harness } from "../support/harness.js";
import { count } from "../support/team.js";

/** Monday 16.11.2026, 10:00 in Moscow. */
const onMonday = e2e.extend({ startAt: "2026-11-16T07:00:00Z" });

const QUIZ = [
  "/quiz new Возражения #objections #call_conversion",
  "? Клиент говорит «дорого». Что делаем первым?",
  "- Сразу даём скидку",
  "+ Уточняем, с чем сравнивает",
  "! Сначала выясняем критерии",
  "",
  "? Когда отправлять КП?",
  "+ В день встречи",
  "- Через неделю",
  "- Когда попросят",
].join("\n");

const pollTo = (h: Harness, chatId: number, after: number) =>
  h.fake.waitForCall((c) => c.method === "sendPoll" && c.payload["chat_id"] === chatId && c.response.ok, { after });
/** Waits until the bot has handled an update (a poll answer gets no reply to wait for). */
async function handled(h: Harness, updateId: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (count(h, "select count(*) from processed_updates where update_id = ?", updateId) === 1) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`update ${updateId} was not handled`);
}
const pollId = (c: RecordedCall) => (c.response.result as { poll: { id: string } }).poll.id;

describe("quizzes as native quiz polls", () => {
  e2e(
    "a head builds and sends a quiz; managers answer right and wrong one question at a time; results per manager and question",
    async ({ h, t }) => {
      const saved = await h.say(t.head, t.headChat, QUIZ);
      expect(saved.text).toContain("Тест Возражения сохранён: 2 вопроса");

      const mark = h.fake.mark();
      const sent = await h.say(t.head, t.headChat, "/quiz send возражения all 2d");
      expect(sent.text).toContain("Тест Возражения отправлен: John, Иван");
      const ivanQ1 = await pollTo(h, t.ivanChat.id, mark);
      expect(ivanQ1.payload["type"]).toBe("quiz");
      expect(ivanQ1.payload["is_anonymous"]).toBe(false);
      expect(ivanQ1.payload["correct_option_ids"]).toEqual([1]);
      expect(ivanQ1.payload["explanation"]).toBe("Сначала выясняем критерии");
      const johnQ1 = await pollTo(h, t.johnChat.id, mark);

      // Ivan: right, then right. John: wrong, then right.
      let m = h.fake.mark();
      h.fake.answerPoll(t.ivan, pollId(ivanQ1), [1]);
      const ivanQ2 = await pollTo(h, t.ivanChat.id, m);
      expect(ivanQ2.payload["question"]).toBe("Когда отправлять КП?");
      m = h.fake.mark();
      h.fake.answerPoll(t.ivan, pollId(ivanQ2), [0]);
      const done = await h.fake.waitForMessage(t.ivanChat.id, undefined, { after: m });
      expect(String(done.payload["text"])).toBe("🏁 Готово: верно 2 из 2 (100 %).");

      m = h.fake.mark();
      h.fake.answerPoll(t.john, pollId(johnQ1), [0]);
      const johnQ2 = await pollTo(h, t.johnChat.id, m);
      // A second answer to the same poll, and an answer by someone else, change nothing.
      await handled(h, h.fake.answerPoll(t.john, pollId(johnQ1), [1]));
      await handled(h, h.fake.answerPoll(t.ivan, pollId(johnQ2), [0]));
      expect(count(h, "select count(*) from quiz_polls where answered_at is not null")).toBe(3);
      m = h.fake.mark();
      h.fake.answerPoll(t.john, pollId(johnQ2), [0]);
      const johnDone = await h.fake.waitForMessage(t.johnChat.id, undefined, { after: m });
      expect(String(johnDone.payload["text"])).toBe("🏁 Done: 1 of 2 right (50 %).");

      const results = await h.say(t.head, t.headChat, "/quiz results Возражения");
      expect(results.text).toContain("• Иван: 2/2 (100 %)\n• John: 1/2 (50 %)");
      // Weakest question first.
      expect(results.text).toContain("1. Клиент говорит «дорого». Что делаем первым? — 1/2 (50 %)\n2. Когда отправлять КП? — 2/2 (100 %)");
      const own = await h.say(t.john, t.johnChat, "/quiz results возражения");
      expect(own.text).toBe("📝 Возражения: 1 of 2 right (50 %).");
      expect(count(h, "select count(*) from quiz_polls where answered_at is not null")).toBe(4);
      // Sending again reaches nobody new.
      expect((await h.say(t.head, t.headChat, "/quiz send Возражения all")).text).toContain("Уже получали: John, Иван");
    },
  );

  onMonday("closes a run at the deadline with one reminder before it; a late answer changes nothing", async ({ h, clock, t }) => {
    await h.say(t.head, t.headChat, QUIZ);
    const mark = h.fake.mark();
    await h.say(t.head, t.headChat, "/quiz send Возражения @ivan 2d");
    const q1 = await pollTo(h, t.ivanChat.id, mark);
    // 30 hours later: less than a day is left, so the one reminder goes.
    clock.now += 30 * 3_600_000;
    await h.scheduler.runDue(clock.now);
    await h.delivery.idle();
    const reminders = () => h.fake.messagesTo(t.ivanChat.id).filter((c) => String(c.payload["text"]).startsWith("⏰"));
    expect(reminders()).toHaveLength(1);
    await h.scheduler.runDue(clock.now + 3_600_000);
    await h.delivery.idle();
    expect(reminders()).toHaveLength(1);
    clock.now += 20 * 3_600_000;
    await h.scheduler.runDue(clock.now);
    await handled(h, h.fake.answerPoll(t.ivan, pollId(q1), [1]));
    expect(count(h, "select count(*) from quiz_runs where status = 'closed' and correct = 0")).toBe(1);
    const results = await h.say(t.head, t.headChat, "/quiz results Возражения");
    expect(results.text).toContain("Иван: 0/2 (0 %) · срок вышел");
  });

  e2e("names the line of every error and keeps Telegram's limits; refuses managers and unknown names", async ({ h, t }) => {
    const bad = await h.say(
      t.head,
      t.headChat,
      [
        "/quiz new Плохой",
        `? ${"в".repeat(301)}`,
        "+ да",
        "- нет",
        "",
        "? Один вариант",
        "+ единственный",
        "",
        "? Без верного",
        "- а",
        "- б",
      ].join("\n"),
    );
    expect(bad.text).toContain("Тест не сохранён");
    expect(bad.text).toContain("строка 2: вопрос длиннее 300 символов");
    expect(bad.text).toContain("строка 6: у вопроса должно быть от 2 до 10 вариантов");
    expect(bad.text).toContain("строка 9: нет верного варианта");
    expect(count(h, "select count(*) from quizzes")).toBe(0);
    expect((await h.say(t.ivan, t.ivanChat, QUIZ)).text).toContain("Команда /quiz new доступна только руководителю");
    expect((await h.say(t.ivan, t.ivanChat, "/quiz send Возражения all")).text).toContain("только руководителю");
    await h.say(t.head, t.headChat, QUIZ);
    const unknown = await h.say(t.head, t.headChat, "/quiz send Продукт all");
    expect(unknown.text).toBe("⚠️ Нет теста «Продукт». Тесты: Возражения");
    expect((await h.say(t.head, t.headChat, "/quiz send Возражения @nobody")).text).toContain("нет менеджера @nobody");
    expect((await h.say(t.head, t.headChat, "/quiz send Возражения all 99d")).text).toContain("Срок — число дней");
    expect(count(h, "select count(*) from quiz_runs")).toBe(0);
  });
});
