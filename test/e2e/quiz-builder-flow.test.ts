import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { count } from "../support/team.js";

describe("/quiz new as a guided flow", () => {
  e2e("name → tags → questions one at a time (line-numbered errors) → done; the quiz is sent like any other", async ({ h, t }) => {
    expect((await h.say(t.head, t.headChat, "/quiz new")).text).toContain("Новый тест. Название?");
    expect((await h.say(t.head, t.headChat, "Возражения")).text).toContain("Теги через #");
    const q1 = await h.say(t.head, t.headChat, "#objections #Скрипты");
    expect(q1.text).toContain("Вопрос 1 одним сообщением");
    const bad = await h.say(t.head, t.headChat, "? Что делаем первым?\n+ Уточняем\n+ Скидка\nзачем");
    expect(bad.text).toContain("Вопрос не добавлен");
    expect(bad.text).toContain("строка 3:");
    expect(bad.text).toContain("строка 4:");
    const added = await h.say(t.head, t.headChat, "? Что делаем первым?\n- Скидка\n+ Уточняем\n! Сначала критерии");
    expect(added.text).toContain("Добавлен 1 вопрос");
    expect(count(h, "select count(*) from quizzes")).toBe(0);
    const q2 = await h.tap(t.head, t.headChat, added.call, "qb:more");
    expect(q2.text).toContain("Вопрос 2");
    const two = await h.say(t.head, t.headChat, "? Когда КП?\n+ В день встречи\n- Через неделю");
    expect(two.text).toContain("Добавлено 2 вопроса");
    const saved = await h.tap(t.head, t.headChat, two.call, "qb:done");
    expect(saved.text).toContain("Тест Возражения сохранён: 2 вопроса");
    expect(count(h, "select count(*) from quizzes")).toBe(1);
    expect((await h.say(t.head, t.headChat, "/quiz send Возражения @ivan")).text).toContain("Тест Возражения отправлен: Иван");
  });

  e2e("cancel at any step and a manager's /quiz new store nothing", async ({ h, t }) => {
    await h.say(t.head, t.headChat, "/quiz new");
    await h.say(t.head, t.headChat, "Звонки");
    const tags = await h.say(t.head, t.headChat, "#calls");
    const added = await h.say(t.head, t.headChat, "? Чем закончить звонок?\n+ Временем встречи\n- Прощанием");
    expect(tags.text).toContain("Вопрос 1");
    const cancelled = await h.tap(t.head, t.headChat, added.call, "qb:cancel");
    expect(cancelled.text).toBe("Тест не сохранён.");
    const refused = await h.say(t.ivan, t.ivanChat, "/quiz new");
    expect(refused.text).not.toContain("Название?");
    expect((await h.say(t.ivan, t.ivanChat, "Звонки")).text).not.toContain("Теги");
    expect(count(h, "select count(*) from quizzes")).toBe(0);
  });
});
