import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { useHtmlByDefault, withHtmlDefault } from "../../src/delivery/html-default.js";
import { createDelivery } from "../../src/delivery/index.js";
import { FakeClock } from "./fake-clock.js";
import { stubApi } from "./stub-api.js";

describe("HTML by default", () => {
  it("adds parse_mode HTML to texts and captions that say nothing of their format", () => {
    for (const method of ["sendMessage", "editMessageText", "editEphemeralMessageText"]) {
      expect(withHtmlDefault(method, { chat_id: 1, text: "<b>x</b>" })).toEqual({ chat_id: 1, text: "<b>x</b>", parse_mode: "HTML" });
    }
    for (const method of ["sendPhoto", "sendDocument", "editMessageCaption", "copyMessage"]) {
      expect(withHtmlDefault(method, { chat_id: 1, caption: "a &amp; b" })).toMatchObject({ parse_mode: "HTML" });
    }
  });

  it("leaves alone a call that names its format, carries entities, is rich, has no caption, or is no text at all", () => {
    const cases: [string, Record<string, unknown>][] = [
      ["sendMessage", { chat_id: 1, text: "*x*", parse_mode: "MarkdownV2" }],
      ["sendMessage", { chat_id: 1, text: "<x>", entities: [] }],
      ["sendPhoto", { chat_id: 1, caption: "<x>", caption_entities: [] }],
      ["sendPhoto", { chat_id: 1, photo: "id" }],
      ["editMessageText", { chat_id: 1, message_id: 2, rich_message: { blocks: [] } }],
      ["sendRichMessage", { chat_id: 1, rich_message: { blocks: [] } }],
      ["sendPoll", { chat_id: 1, question: "Q?", options: ["a", "b"] }],
      ["answerCallbackQuery", { callback_query_id: "1", text: "ok" }],
    ];
    for (const [method, payload] of cases) expect(withHtmlDefault(method, payload), method).toBe(payload);
  });

  it("is installed once per Api object, and the request carries it", async () => {
    const sent: Record<string, unknown>[] = [];
    const api = new Api("1:token");
    api.config.use(async (_prev, method, payload) => {
      sent.push({ method, ...(payload as object) });
      return { ok: true, result: true as never };
    });
    useHtmlByDefault(api);
    useHtmlByDefault(api);
    expect(api.config.installedTransformers()).toHaveLength(2);
    await api.sendMessage(1, "<b>bold</b>");
    await api.answerCallbackQuery("7", { text: "done" });
    expect(sent).toEqual([
      { method: "sendMessage", chat_id: 1, text: "<b>bold</b>", parse_mode: "HTML" },
      { method: "answerCallbackQuery", callback_query_id: "7", text: "done" },
    ]);
  });

  it("the delivery layer sends its texts and captions as HTML on whatever Api it is given", async () => {
    const clock = new FakeClock();
    const stub = stubApi(clock);
    const delivery = createDelivery(stub.api, { now: clock.now, sleep: clock.sleep });
    const photo = { data: Buffer.from([1, 2, 3]), filename: "chart.png" };
    await delivery.send({ chatId: -5, html: "<b>Итог</b>", photo });
    await delivery.send({ chatId: -5, html: "x".repeat(1100), photo });
    expect(stub.sends.map((s) => [s.method, s.parseMode])).toEqual([
      ["sendPhoto", "HTML"],
      ["sendPhoto", undefined], // no caption: nothing to format
      ["sendMessage", "HTML"],
    ]);
  });
});
