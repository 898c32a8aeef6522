import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { buttons } from "../support/harness.js";
import { count } from "../support/team.js";

describe("knowledge base", () => {
  e2e(
    "a head adds materials in one message; everyone searches (ё/е, case), opens, marks read and useful; the head sees who read",
    async ({ h, t }) => {
      const added = await h.say(
        t.head,
        t.headChat,
        "/kb add Работа с возражением «дорого» #objections #call_conversion\nСначала уточняем, с ЧЕМ сравнивает клиент.\nЕщё: https://example.com/script",
      );
      expect(added.text).toMatch(/Материал #(\d+) добавлен: Работа с возражением «дорого»\n#objections #call_conversion/);
      const id = Number(/#(\d+)/.exec(added.text)![1]);
      await h.say(t.head, t.headChat, "/kb add Скрипт первого звонка #scripts #calls\nПриветствие, вопрос о задаче, предложение встречи.");

      // Search: case- and ё/е-insensitive, Cyrillic; a tag; nothing found lists the tags.
      const search = await h.say(t.ivan, t.ivanChat, "/kb ЕЩЕ сравнивает");
      expect(search.text).toContain("«ЕЩЕ сравнивает»: 1 материал");
      expect(search.text).toContain(`/kb_${id} Работа с возражением «дорого»`);
      const byTag = await h.say(t.john, t.johnChat, "/kb #SCRIPTS");
      expect(byTag.text).toContain("1 material");
      expect(byTag.text).toContain("Скрипт первого звонка");
      const none = await h.say(t.john, t.johnChat, "/kb #pricing");
      expect(none.text).toContain("Nothing found for «#pricing»");
      expect(none.text).toContain("Tags: #call_conversion #calls #objections #scripts");
      const recent = await h.say(t.ivan, t.ivanChat, "/kb");
      expect(recent.text).toContain("База знаний");
      expect(recent.text.indexOf("Скрипт первого звонка")).toBeLessThan(recent.text.indexOf("Работа с возражением"));

      // Open, mark read and useful.
      const opened = await h.say(t.ivan, t.ivanChat, `/kb_${id}`);
      expect(opened.text).toContain("Сначала уточняем, с ЧЕМ сравнивает клиент.");
      expect(buttons(opened.call)).toEqual([`kb:r:${id}`, `kb:u:${id}`]);
      h.fake.clickButton(t.ivan, t.ivanChat, opened.call.response.result as { message_id: number }, `kb:u:${id}`);
      await h.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload["text"] === "Отмечено как полезное.");
      expect(count(h, "select count(*) from kb_reads where user_id = ? and useful_at is not null and read_at is not null", t.ivan.id)).toBe(
        1,
      );

      // The most useful one now shows its mark in /kb.
      const after = await h.say(t.john, t.johnChat, "/kb");
      expect(after.text).toContain("👍 1");

      // The head sees who read what.
      const headView = await h.say(t.head, t.headChat, `/kb ${id}`);
      expect(buttons(headView.call)).toEqual([`kb:r:${id}`, `kb:u:${id}`, `kb:w:${id}`, `kb:e:${id}`, `kb:d:${id}`]);
      const readers = await h.tap(t.head, t.headChat, headView.call, `kb:w:${id}`);
      expect(readers.text).toContain("✅ Иван 👍");
      expect(readers.text).toContain("▫️ John");
    },
  );

  e2e("keeps a replied-to document by its file_id and sends it with the material", async ({ h, t }) => {
    const doc = {
      message_id: 500,
      from: t.head,
      chat: t.headChat,
      date: Math.floor(Date.now() / 1000),
      document: { file_id: "DOC-FILE-ID-1", file_unique_id: "u1", file_name: "price.pdf" },
    };
    const after = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "/kb add Прайс 2026 #pricing", { reply_to_message: doc as never });
    const added = await h.fake.waitForMessage(t.headChat.id, undefined, { after });
    expect(String(added.payload["text"])).toContain("Прайс 2026");
    const opened = await h.say(t.ivan, t.ivanChat, "/kb прайс");
    const id = /\/kb_(\d+)/.exec(opened.text)![1];
    const mark = h.fake.mark();
    h.fake.sendText(t.ivan, t.ivanChat, `/kb_${id}`);
    const file = await h.fake.waitForCall((c) => c.method === "sendDocument" && c.payload["chat_id"] === t.ivanChat.id, { after: mark });
    expect(file.payload["document"]).toBe("DOC-FILE-ID-1");
  });

  e2e("refuses managers adding or deleting, forged buttons, and bad input; stores nothing", async ({ h, t }) => {
    expect((await h.say(t.ivan, t.ivanChat, "/kb add Моё #x\nтекст")).text).toContain("Команда /kb add доступна только руководителю");
    expect((await h.say(t.head, t.headChat, "/kb add #tag\nтекст")).text).toContain("Укажите название материала");
    expect((await h.say(t.head, t.headChat, "/kb add Пусто #tag")).text).toContain("Нужен текст, ссылка или файл");
    expect((await h.say(t.head, t.headChat, `/kb add ${"Д".repeat(121)}\nтекст`)).text).toContain("не больше 120 символов");
    expect(count(h, "select count(*) from kb_materials")).toBe(0);
    const added = await h.say(t.head, t.headChat, "/kb add Только для своих #x\nтекст");
    const id = Number(/#(\d+)/.exec(added.text)![1]);
    // A manager's forged delete, and a material of another team, change nothing.
    const opened = await h.say(t.ivan, t.ivanChat, `/kb_${id}`);
    h.fake.clickButton(
      t.ivan,
      t.ivanChat,
      { message_id: (opened.call.response.result as { message_id: number }).message_id + 100 },
      `kb:d:${id}`,
    );
    await h.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload["text"] === "Это может только руководитель.");
    const stranger = h.fake.user(400, { first_name: "Sam", language_code: "en" });
    expect((await h.say(stranger, h.fake.privateChat(stranger), `/kb_${id}`)).text).toContain("not in a team");
    expect(count(h, "select count(*) from kb_materials where deleted_at is null")).toBe(1);
    // ✏️ gives the head the current content as a command; sending it changed updates the material.
    const headView = await h.say(t.head, t.headChat, `/kb_${id}`);
    const hint = await h.tap(t.head, t.headChat, headView.call, `kb:e:${id}`);
    expect(hint.text).toContain(`/kb edit ${id} Только для своих #x\nтекст`);
    expect((await h.say(t.ivan, t.ivanChat, `/kb edit ${id} Моё\nтекст`)).text).toContain("только руководителю");
    expect((await h.say(t.head, t.headChat, `/kb edit ${id} Для своих #y\nновый текст`)).text).toContain(`Материал #${id} изменён`);
    expect((await h.say(t.ivan, t.ivanChat, "/kb #y")).text).toContain("Для своих");
    expect((await h.say(t.ivan, t.ivanChat, "/kb #x")).text).toContain("ничего не найдено");
    // The head deletes it with the button.
    const removed = await h.tap(t.head, t.headChat, headView.call, `kb:d:${id}`);
    expect(removed.text).toContain("Удалено: Для своих");
    expect((await h.say(t.ivan, t.ivanChat, `/kb_${id}`)).text).toContain("больше нет");
  });
});
