import type { Chat, Update, User } from "grammy/types";
import { describe, expect } from "vitest";
import { ALLOWED_UPDATES } from "../../src/bot/allowed-updates.js";
import { e2e } from "../support/e2e.js";
import type { Harness } from "../support/harness.js";
import { count } from "../support/team.js";

const activities = (h: Harness) => count(h, "select count(*) from activities");
/** Everything the bot sent since `after` (any method that puts something in front of a user). */
const botOutput = (h: Harness, after: number) =>
  h.fake.calls.slice(after).filter((c) => ["sendMessage", "sendPhoto", "sendDocument", "editMessageText"].includes(c.method));

/**
 * Sends /me and waits for its answer: updates are handled in order per chat, so by
 * then everything sent before it in that chat was handled too.
 */
async function meAnswered(h: Harness, user: User, chat: Chat): Promise<void> {
  const after = h.fake.mark();
  h.fake.sendText(user, chat, "/me");
  await h.fake.waitForMessage(chat.id, (text) => text.startsWith("📊"), { after });
}

describe("updates the bot does not handle are ignored, never logged", () => {
  e2e("asks Telegram for exactly the kinds it handles, chat_member included", ({ h, t: _team }) => {
    // The team's set-up has had the bot poll (and answer) before the first look.
    expect(h.fake.allowedUpdates()).toEqual([...ALLOWED_UPDATES]);
    expect(ALLOWED_UPDATES).toContain("chat_member");
    for (const kind of ["edited_message", "channel_post", "inline_query"]) expect(ALLOWED_UPDATES).not.toContain(kind);
  });

  e2e("an edit of a logged command is not delivered, and ignored when it is", async ({ h, t }) => {
    const first = await h.say(t.ivan, t.ivanChat, "/deal 100 Acme");
    expect(first.text).toContain("Сделка");
    const messageId = h.fake.calls
      .filter((c) => c.method === "getUpdates")
      .flatMap((c) => c.response.result as Update[])
      .at(-1)!.message!.message_id;
    const after = h.fake.mark();
    h.fake.editText(t.ivan, t.ivanChat, messageId, "/deal 999999 Acme");
    // Telegram would not send it (not asked for); handed to the bot anyway, it changes nothing.
    const edited = h.fake.getUpdate(h.fake.editText(t.ivan, t.ivanChat, messageId, "/deal 999999 Acme"))!;
    await h.bot.handleUpdate(edited);
    await h.bot.handleUpdate({
      update_id: 900_001,
      channel_post: { message_id: 1, date: 1, chat: { id: -100900, type: "channel", title: "News" }, text: "/deal 5 X" },
    } as Update);
    await h.bot.handleUpdate({
      update_id: 900_002,
      inline_query: { id: "q1", from: t.ivan, query: "/deal 5", offset: "" },
    } as Update);
    await meAnswered(h, t.ivan, t.ivanChat);
    expect(botOutput(h, after)).toHaveLength(1);
    expect(count(h, "select count(*) from activities where kind = 'deal'")).toBe(1);
    expect(h.fake.pendingUpdates()).toBe(0);
  });

  e2e("other bots are not answered and log nothing, in a group or in private", async ({ h, t }) => {
    const robot = h.fake.user(900, { is_bot: true, first_name: "Robo", username: "robo_bot" });
    const after = h.fake.mark();
    h.fake.sendText(robot, t.group, "/deal 50000 Acme");
    h.fake.sendText(robot, t.group, `/help@${h.fake.botInfo.username}`);
    h.fake.sendText(robot, h.fake.privateChat(robot), "/start");
    await meAnswered(h, t.ivan, t.group);
    expect(botOutput(h, after)).toHaveLength(1);
    expect(activities(h)).toBe(0);
    expect(count(h, "select count(*) from users where id = ?", robot.id)).toBe(0);
  });

  e2e("a sticker or a voice message in a flow is answered with what the flow expects, and stores nothing", async ({ h, t }) => {
    const ask = await h.say(t.ivan, t.ivanChat, "🆕 Лид");
    expect(ask.text).toContain("какой клиент?");
    let after = h.fake.mark();
    h.fake.sendMessage(t.ivan, t.ivanChat, { sticker: { file_id: "s1", file_unique_id: "u1", type: "regular", width: 512, height: 512 } });
    const sticker = await h.fake.waitForMessage(t.ivanChat.id, undefined, { after });
    expect(sticker.payload["text"]).toBe("Напишите ответ сообщением или нажмите «Отмена».");
    after = h.fake.mark();
    h.fake.sendMessage(t.ivan, t.ivanChat, { voice: { file_id: "v1", file_unique_id: "u2", duration: 3 } });
    const voice = await h.fake.waitForMessage(t.ivanChat.id, undefined, { after });
    expect(voice.payload["text"]).toBe("Напишите ответ сообщением или нажмите «Отмена».");
    expect(activities(h)).toBe(0);
    // The flow is still waiting for the client's name.
    expect((await h.say(t.ivan, t.ivanChat, "Ромашка")).text).toContain("Новый лид — Ромашка");
    expect(activities(h)).toBe(1);
  });

  e2e(
    "a sticker in private gets how to log (one reply); a photo with a command caption in the group gets none; nothing stored",
    async ({ h, t }) => {
      const after = h.fake.mark();
      h.fake.sendMessage(t.ivan, t.ivanChat, {
        sticker: { file_id: "s1", file_unique_id: "u1", type: "regular", width: 512, height: 512 },
      });
      h.fake.sendMessage(t.ivan, t.group, {
        photo: [{ file_id: "p1", file_unique_id: "u3", width: 10, height: 10 }],
        caption: "/deal 5 X",
      });
      await meAnswered(h, t.ivan, t.ivanChat);
      await meAnswered(h, t.ivan, t.group);
      // The sticker's hint and the two /me answers; nothing for the photo.
      expect(botOutput(h, after)).toHaveLength(3);
      expect(activities(h)).toBe(0);
    },
  );
});
