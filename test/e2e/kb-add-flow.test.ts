import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";
import { buttons } from "../support/harness.js";
import { count } from "../support/team.js";

describe("/kb add as a guided flow", () => {
  e2e("title → a document (kept by file_id) → link → metric and typed tags → saved; opened with its file", async ({ h, t }) => {
    const askTitle = await h.say(t.head, t.headChat, "/kb add");
    expect(askTitle.text).toContain("Новый материал. Название?");
    const askContent = await h.say(t.head, t.headChat, "Прайс 2026");
    expect(askContent.text).toContain("документ, голосовое, видео");
    let after = h.fake.mark();
    h.fake.sendMessage(t.head, t.headChat, { document: { file_id: "DOC-FLOW-1", file_unique_id: "f1", file_name: "price.pdf" } } as never);
    const askLink = await h.fake.waitForMessage(t.headChat.id, undefined, { after });
    expect(String(askLink.payload["text"])).toContain("Ссылка");
    expect((await h.say(t.head, t.headChat, "не ссылка")).text).toContain("https://example.com");
    const askTags = await h.say(t.head, t.headChat, "https://example.com/price");
    expect(buttons(askTags.call)).toContain("ka:t:avg_check");
    after = h.fake.mark();
    h.fake.clickButton(t.head, t.headChat, askTags.call.response.result as never, "ka:t:avg_check");
    const edited = await h.fake.waitForCall((c) => c.method === "editMessageText" && c.response.ok, { after });
    expect(String(edited.payload["text"])).toContain("#avg_check");
    const typed = await h.say(t.head, t.headChat, "#Цены #скидки");
    expect(typed.text).toContain("#avg_check #цены #скидки");
    expect(count(h, "select count(*) from kb_materials")).toBe(0);
    const saved = await h.tap(t.head, t.headChat, typed.call, "ka:save");
    expect(saved.text).toMatch(/Материал #\d+ добавлен: Прайс 2026\n#avg_check #цены #скидки/);
    const id = /#(\d+)/.exec(saved.text)![1];
    const mark = h.fake.mark();
    const opened = await h.say(t.ivan, t.ivanChat, `/kb_${id}`);
    expect(opened.text).toContain("https://example.com/price");
    const file = await h.fake.waitForCall((c) => c.method === "sendDocument" && c.payload["chat_id"] === t.ivanChat.id, { after: mark });
    expect(file.payload["document"]).toBe("DOC-FLOW-1");
  });

  e2e("text content, skipped link; cancel at any step and a manager's /kb add store nothing", async ({ h, t }) => {
    await h.say(t.head, t.headChat, "/kb add");
    await h.say(t.head, t.headChat, "Скрипт звонка");
    const askLink = await h.say(t.head, t.headChat, "Здравствуйте, удобно говорить?");
    const askTags = await h.tap(t.head, t.headChat, askLink.call, "ka:skip");
    const cancelled = await h.tap(t.head, t.headChat, askTags.call, "ka:cancel");
    expect(cancelled.text).toBe("Материал не добавлен.");
    // A command mid-flow ends it too.
    await h.say(t.head, t.headChat, "/kb add");
    let after = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "/me");
    await h.fake.waitForMessage(t.headChat.id, (x) => x === "Материал не добавлен.", { after });
    after = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "/kb add");
    await h.fake.waitForMessage(t.headChat.id, (x) => x.includes("Название?"), { after });
    const refused = await h.say(t.ivan, t.ivanChat, "/kb add");
    expect(refused.text).not.toContain("Название?");
    expect(count(h, "select count(*) from kb_materials")).toBe(0);
    // And the whole way through with a forwarded text: saved (the flow opened above is still waiting).
    // A forward is no answer to the title step; at the content step it is the material.
    const forward = { forward_origin: { type: "hidden_user", sender_user_name: "Коллега", date: 1 } };
    h.fake.sendMessage(t.head, t.headChat, { text: "переслано", ...forward } as never);
    await h.say(t.head, t.headChat, "Скрипт звонка");
    after = h.fake.mark();
    h.fake.sendMessage(t.head, t.headChat, { text: "Здравствуйте, удобно говорить?", ...forward } as never);
    const link = await h.fake.waitForMessage(t.headChat.id, undefined, { after }).then((call) => ({ call }));
    const tags = await h.tap(t.head, t.headChat, link.call, "ka:skip");
    const saved = await h.tap(t.head, t.headChat, tags.call, "ka:save");
    expect(saved.text).toMatch(/Материал #\d+ добавлен: Скрипт звонка$/);
    expect(count(h, "select count(*) from kb_materials where body = 'Здравствуйте, удобно говорить?'")).toBe(1);
  });
});
