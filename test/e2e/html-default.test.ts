// Replies are HTML without each call saying so (src/delivery/html-default.ts):
// through the real bot and the fake Bot API, which parses HTML the way Telegram does.
import type { Message } from "grammy/types";
import { describe, expect } from "vitest";
import { e2e } from "../support/e2e.js";

describe("HTML by default", () => {
  e2e("a reply's <b> reaches the chat as a bold entity, its tags unseen", async ({ h }) => {
    const olga = h.fake.user(100, { first_name: "Ольга", language_code: "ru" });
    const reply = await h.say(olga, h.fake.privateChat(olga), "/help");
    expect(reply.call.payload["parse_mode"]).toBe("HTML");
    const shown = reply.call.response.result as Message;
    expect(shown.text).toContain("Команды KPI Coach");
    expect(shown.text).not.toMatch(/<\/?b>/);
    const bold = shown.entities?.find((e) => e.type === "bold");
    expect(bold && shown.text!.slice(bold.offset, bold.offset + bold.length)).toBe("Команды KPI Coach");
  });

  e2e("a chart caption with the team's own name (< and &) is escaped, not refused", async ({ h, t }) => {
    h.deps.db.$client.prepare("update teams set name = ?").run("Юг <1> & Ко");
    await h.say(t.ivan, t.ivanChat, "/deal 50k Ромашка");
    const reply = await h.sayWithPhoto(t.head, t.headChat, "/report month");
    expect(reply.photo.payload["parse_mode"]).toBe("HTML");
    expect((reply.photo.response.result as Message).caption).toContain("Юг <1> & Ко");
  });

  e2e("a document's caption goes as HTML too", async ({ h, t }) => {
    await h.say(t.ivan, t.ivanChat, "/deal 50k Ромашка");
    const after = h.fake.mark();
    h.fake.sendText(t.head, t.headChat, "/export month");
    const doc = await h.fake.waitForCall((c) => c.method === "sendDocument" && c.response.ok, { after });
    expect(doc.payload["parse_mode"]).toBe("HTML");
  });
});
