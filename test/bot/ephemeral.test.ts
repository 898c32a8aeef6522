// Edits of an answer only its asker sees: which calls are routed to editEphemeralMessage*.
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { ephemeralEdit, tappedEphemeral } from "../../src/bot/ephemeral.js";

const group = { id: -1001, type: "supergroup", title: "Отдел" } as const;
const head = { id: 100, is_bot: false, first_name: "Ольга" };
const tap = (message: Record<string, unknown>): Update =>
  ({ update_id: 1, callback_query: { id: "q1", from: head, chat_instance: "c", data: "plan:new", message } }) as unknown as Update;

describe("tappedEphemeral", () => {
  it("names the ephemeral message a button was tapped on, and nothing for a chat message or a private chat", () => {
    const bot = { id: 1, is_bot: true, first_name: "KPI" };
    expect(tappedEphemeral(tap({ message_id: 0, ephemeral_message_id: 7, chat: group, from: bot, date: 0, text: "x" }))).toEqual({
      chatId: group.id,
      receiverUserId: head.id,
      ephemeralMessageId: 7,
    });
    expect(tappedEphemeral(tap({ message_id: 12, chat: group, from: bot, date: 0, text: "x" }))).toBeNull();
    const dm = { id: head.id, type: "private", first_name: "Ольга" };
    expect(tappedEphemeral(tap({ message_id: 5, chat: dm, from: bot, date: 0, text: "x" }))).toBeNull();
  });
});

describe("ephemeralEdit", () => {
  const target = { chatId: group.id, receiverUserId: head.id, ephemeralMessageId: 7 };
  const markup = { inline_keyboard: [[{ text: "+", callback_data: "plan:new" }]] };

  it("turns an edit of that message into the ephemeral edit, keeping the content and dropping message_id", () => {
    expect(
      ephemeralEdit(target, "editMessageText", {
        chat_id: group.id,
        message_id: 0,
        text: "<b>x</b>",
        parse_mode: "HTML",
        reply_markup: markup,
      }),
    ).toEqual({
      method: "editEphemeralMessageText",
      payload: {
        chat_id: group.id,
        receiver_user_id: head.id,
        ephemeral_message_id: 7,
        text: "<b>x</b>",
        parse_mode: "HTML",
        reply_markup: markup,
      },
    });
    expect(ephemeralEdit(target, "editMessageReplyMarkup", { chat_id: group.id, message_id: 0 })).toEqual({
      method: "editEphemeralMessageReplyMarkup",
      payload: { chat_id: group.id, receiver_user_id: head.id, ephemeral_message_id: 7 },
    });
  });

  it("leaves every other call alone: another message, another chat, a send", () => {
    expect(ephemeralEdit(target, "editMessageText", { chat_id: group.id, message_id: 12, text: "x" })).toBeNull();
    expect(ephemeralEdit(target, "editMessageText", { chat_id: head.id, message_id: 0, text: "x" })).toBeNull();
    expect(ephemeralEdit(target, "sendMessage", { chat_id: group.id, text: "x" })).toBeNull();
  });
});
