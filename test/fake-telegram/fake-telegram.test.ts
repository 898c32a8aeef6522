import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Bot, GrammyError, InputFile, webhookCallback } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "./index.js";

let fake: FakeTelegram | undefined;
const bots: Bot[] = [];
let webhookServer: Server | undefined;

/** A real grammY bot pointed at the fake; botInfo skips the getMe round trip. */
function newBot(f: FakeTelegram): Bot {
  const bot = new Bot(f.token, { client: { apiRoot: f.apiRoot }, botInfo: f.botInfo });
  bot.catch((err) => {
    throw err.error; // surface handler bugs in the test output instead of stopping silently
  });
  bots.push(bot);
  return bot;
}

/** Resolves once grammY is about to send its first getUpdates. */
function startPolling(bot: Bot): Promise<void> {
  return new Promise((resolve, reject) => {
    bot.start({ onStart: () => resolve() }).catch(reject);
  });
}

afterEach(async () => {
  for (const bot of bots.splice(0)) if (bot.isRunning()) await bot.stop();
  await fake?.close();
  fake = undefined;
  await new Promise((resolve) => (webhookServer ? webhookServer.close(resolve) : resolve(undefined)));
  webhookServer = undefined;
});

describe("long polling", () => {
  it("delivers a command to a handler whose reply is recorded", async () => {
    fake = await startFakeTelegram();
    const bot = newBot(fake);
    bot.command("start", (ctx) => ctx.reply(`Welcome, ${ctx.from?.first_name}`));
    await startPolling(bot);

    const ann = fake.user(501, { first_name: "Ann" });
    const chat = fake.privateChat(ann);
    fake.sendText(ann, chat, `/start@${fake.botInfo.username}`);

    const reply = await fake.waitForMessage(chat.id);
    expect(reply.method).toBe("sendMessage");
    expect(reply.payload.text).toBe("Welcome, Ann");
    // message ids are shared per chat: the user's /start was 1, the reply is 2
    expect(reply.response.result).toMatchObject({ message_id: 2, chat: { id: 501 }, from: { id: fake.botInfo.id } });
  });

  it("keeps updates until an offset confirms them", async () => {
    fake = await startFakeTelegram();
    const bot = newBot(fake);
    const user = fake.user(7);
    const first = fake.sendText(user, fake.privateChat(user), "one");
    const second = fake.sendText(user, fake.privateChat(user), "two");

    // Not confirmed yet: the same updates come again.
    expect((await bot.api.getUpdates()).map((u) => u.update_id)).toEqual([first, second]);
    expect((await bot.api.getUpdates()).map((u) => u.update_id)).toEqual([first, second]);
    // offset = first + 1 confirms (drops) the first one only.
    expect((await bot.api.getUpdates({ offset: first + 1 })).map((u) => u.update_id)).toEqual([second]);
    expect((await bot.api.getUpdates({ limit: 5 })).map((u) => u.update_id)).toEqual([second]);
    expect(fake.pendingUpdates()).toBe(1);
    expect(await bot.api.getUpdates({ offset: second + 1 })).toEqual([]);
    expect(fake.pendingUpdates()).toBe(0);
  });

  it("bot.stop() confirms what was handled, so a restarted bot does not see it again", async () => {
    fake = await startFakeTelegram();
    const seen: string[] = [];
    const user = fake.user(8);
    const chat = fake.privateChat(user);
    const bot = newBot(fake);
    bot.on("message:text", (ctx) => void seen.push(ctx.message.text));
    await startPolling(bot);
    fake.sendText(user, chat, "handled");
    await expect.poll(() => seen).toEqual(["handled"]);
    await bot.stop();
    expect(fake.pendingUpdates()).toBe(0);

    fake.sendText(user, chat, "while offline");
    const restarted = newBot(fake);
    restarted.on("message:text", (ctx) => void seen.push(ctx.message.text));
    await startPolling(restarted);
    await expect.poll(() => seen).toEqual(["handled", "while offline"]);
  });

  it("holds getUpdates open until an update arrives", async () => {
    fake = await startFakeTelegram();
    const bot = newBot(fake);
    const user = fake.user(9);
    const poll = bot.api.getUpdates({ timeout: 5 });
    await new Promise((r) => setTimeout(r, 200));
    const id = fake.sendText(user, fake.privateChat(user), "late");
    const started = Date.now();
    expect((await poll).map((u) => u.update_id)).toEqual([id]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("close() releases a held long poll promptly", async () => {
    fake = await startFakeTelegram();
    const poll = newBot(fake).api.getUpdates({ timeout: 30 });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await fake.close();
    expect(await poll).toEqual([]);
    expect(Date.now() - started).toBeLessThan(500);
    fake = undefined;
  });

  it("ends the older of two concurrent long polls with 409, like a second bot instance", async () => {
    fake = await startFakeTelegram();
    const api = newBot(fake).api;
    const first = api.getUpdates({ timeout: 5 }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 200));
    const second = api.getUpdates({ timeout: 5 });
    expect(await first).toMatchObject({ error_code: 409, description: expect.stringContaining("Conflict: terminated") });
    const user = fake.user(11);
    const id = fake.sendText(user, fake.privateChat(user), "for the survivor");
    expect((await second).map((u) => u.update_id)).toEqual([id]);
  });

  it("redeliver() hands the same update_id to the bot again", async () => {
    fake = await startFakeTelegram();
    const handled: number[] = [];
    const bot = newBot(fake);
    bot.on("message:text", async (ctx) => {
      handled.push(ctx.update.update_id);
      await ctx.reply("Logged 5 calls");
    });
    await startPolling(bot);
    const user = fake.user(10);
    const chat = fake.privateChat(user);
    const id = fake.sendText(user, chat, "calls 5");
    await fake.waitForMessage(chat.id);

    fake.redeliver(id);
    await expect.poll(() => handled).toEqual([id, id]);
    await expect.poll(() => fake!.messagesTo(chat.id).length).toBe(2);
    // This bot is not idempotent, and stats() says so.
    expect(fake.stats().duplicates).toBe(1);
  });
});

describe("uploads", () => {
  it("parses sendPhoto multipart with the file bytes and JSON fields", async () => {
    fake = await startFakeTelegram();
    const bot = newBot(fake);
    // A PNG header claiming 640x480, so the fake can report the size.
    const png = Buffer.alloc(40);
    png.writeUInt32BE(0x89504e47, 0);
    png.write("IHDR", 12, "ascii");
    png.writeUInt32BE(640, 16);
    png.writeUInt32BE(480, 20);
    png[39] = 0xff;

    const sent = await bot.api.sendPhoto(-100, new InputFile(png, "chart.png"), {
      caption: "<b>Weekly</b> chart",
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "Details", callback_data: "details:1" }]] },
    });

    const call = await fake.waitForCall((c) => c.method === "sendPhoto");
    expect(call.payload.chat_id).toBe(-100);
    expect(call.payload.photo.filename).toBe("chart.png");
    expect(Buffer.compare(call.payload.photo.bytes, png)).toBe(0);
    expect(call.payload.photo.size).toBe(40);
    expect(call.payload.reply_markup.inline_keyboard[0][0].callback_data).toBe("details:1");
    expect(sent.caption).toBe("Weekly chart");
    expect(sent.caption_entities).toEqual([{ type: "bold", offset: 0, length: 6 }]);
    expect(sent.photo[0]).toMatchObject({ width: 640, height: 480, file_size: 40 });
    expect(sent.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe("Details");
  });

  it("returns a document with name and type for sendDocument", async () => {
    fake = await startFakeTelegram();
    const bot = newBot(fake);
    const sent = await bot.api.sendDocument(42, new InputFile(Buffer.from("day,calls\n1,5\n"), "kpi.csv"));
    expect(sent.document).toMatchObject({ file_name: "kpi.csv", mime_type: "text/csv", file_size: 14 });
    expect(fake.calls.at(-1)?.payload.document.bytes.toString()).toBe("day,calls\n1,5\n");
  });
});

describe("validation", () => {
  it.each([
    ["<b>bold</i>", 'Unmatched end tag at byte offset 7, expected "</b>", found "</i>"'],
    ["<div>x</div>", 'Unsupported start tag "div" at byte offset 0'],
    ["<b>open", "Can't find end tag corresponding to start tag b"],
    ["calls < 5", 'Unsupported start tag "" at byte offset 6'],
    ["R&D", "character '&' at byte offset 1"],
    ["<span>x</span>", 'Tag "span" must have class "tg-spoiler"'],
  ])("rejects HTML %j", async (text, expected) => {
    fake = await startFakeTelegram();
    const error = await newBot(fake)
      .api.sendMessage(1, text, { parse_mode: "HTML" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(400);
    expect((error as GrammyError).description).toContain("Bad Request: can't parse entities: ");
    expect((error as GrammyError).description).toContain(expected);
    expect(fake.stats().delivered).toBe(0);
  });

  it("accepts valid HTML and returns plain text with entities", async () => {
    fake = await startFakeTelegram();
    const html = '<b>Calls</b> &lt; 5, <a href="https://x.test/?a=1&amp;b=2">see</a> <blockquote expandable>tip</blockquote>';
    const sent = await newBot(fake).api.sendMessage(1, html, { parse_mode: "HTML" });
    expect(sent.text).toBe("Calls < 5, see tip");
    expect(sent.entities).toEqual([
      { type: "bold", offset: 0, length: 5 },
      { type: "text_link", offset: 11, length: 3, url: "https://x.test/?a=1&b=2" },
      { type: "expandable_blockquote", offset: 15, length: 3 },
    ]);
  });

  it("enforces 4096 UTF-16 code units after entity parsing", async () => {
    fake = await startFakeTelegram();
    const api = newBot(fake).api;
    await expect(api.sendMessage(1, "x".repeat(4096))).resolves.toMatchObject({ message_id: 1 });
    await expect(api.sendMessage(1, `<b>${"&amp;".repeat(4096)}</b>`, { parse_mode: "HTML" })).resolves.toBeTruthy();
    await expect(api.sendMessage(1, "x".repeat(4097))).rejects.toMatchObject({
      error_code: 400,
      description: "Bad Request: message is too long",
    });
    // 2049 emoji are 4098 code units
    await expect(api.sendMessage(1, "📈".repeat(2049))).rejects.toMatchObject({ description: "Bad Request: message is too long" });
    await expect(api.sendMessage(1, "<b></b>", { parse_mode: "HTML" })).rejects.toMatchObject({
      description: "Bad Request: message text is empty",
    });
    await expect(api.sendPhoto(1, "file-id", { caption: "c".repeat(1025) })).rejects.toMatchObject({
      description: "Bad Request: message caption is too long",
    });
  });

  it("rejects callback_data over 64 bytes and a missing chat_id", async () => {
    fake = await startFakeTelegram();
    const api = newBot(fake).api;
    const button = (data: string) => ({ reply_markup: { inline_keyboard: [[{ text: "b", callback_data: data }]] } });
    await expect(api.sendMessage(1, "ok", button("é".repeat(32)))).resolves.toBeTruthy(); // 64 bytes
    await expect(api.sendMessage(1, "no", button("é".repeat(32) + "x"))).rejects.toMatchObject({
      description: "Bad Request: BUTTON_DATA_INVALID",
    });
    await expect(api.raw.sendMessage({ text: "hi" } as never)).rejects.toMatchObject({
      description: "Bad Request: chat not found",
    });
  });

  it("answers 401 for another token and 404 for unknown methods", async () => {
    fake = await startFakeTelegram();
    const wrong = await fetch(`${fake.apiRoot}/bot999:nope/getMe`, { method: "POST" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });
    const unknown = await fetch(`${fake.apiRoot}/bot${fake.token}/sendHologram`, { method: "POST" });
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: "Not Found: method not found" });
  });
});

describe("buttons and edits", () => {
  it("clickButton sends a callback query for the bot's message; edits are validated", async () => {
    fake = await startFakeTelegram();
    const bot = newBot(fake);
    bot.command("goal", (ctx) =>
      ctx.reply("Daily goal?", { reply_markup: { inline_keyboard: [[{ text: "10 calls", callback_data: "goal:10" }]] } }),
    );
    bot.callbackQuery(/^goal:(\d+)$/, async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(`Goal set: ${ctx.match[1]} calls`);
    });
    await startPolling(bot);
    const user = fake.user(20);
    const chat = fake.privateChat(user);
    fake.sendText(user, chat, "/goal");
    const question = await fake.waitForMessage(chat.id, (text) => text === "Daily goal?");

    expect(() => fake!.clickButton(user, chat, question.response.result, "goal:99")).toThrow(/no button/);
    fake.clickButton(user, chat, question.response.result, "goal:10");
    const edit = await fake.waitForMessage(chat.id, (text) => text.startsWith("Goal set"));
    expect(edit.method).toBe("editMessageText");
    expect(edit.response.result.reply_markup).toBeUndefined(); // keyboard removed by the edit
    expect(fake.calls.some((c) => c.method === "answerCallbackQuery" && c.response.ok)).toBe(true);

    await expect(bot.api.editMessageText(chat.id, question.response.result.message_id, "Goal set: 10 calls")).rejects.toMatchObject({
      description: expect.stringContaining("Bad Request: message is not modified"),
    });
    await expect(bot.api.editMessageText(chat.id, 999, "x")).rejects.toMatchObject({
      description: "Bad Request: message to edit not found",
    });
  });

  it("setMessageReaction accepts a listed emoji on a known message and refuses the rest with 400", async () => {
    fake = await startFakeTelegram();
    const bot = newBot(fake);
    const user = fake.user(31);
    const chat = fake.privateChat(user);
    fake.sendText(user, chat, "/deal 50k");
    const [update] = await bot.api.getUpdates();
    const messageId = update!.message!.message_id;
    expect(await bot.api.setMessageReaction(chat.id, messageId, [{ type: "emoji", emoji: "🔥" }])).toBe(true);
    await expect(bot.api.setMessageReaction(chat.id, 999, [{ type: "emoji", emoji: "🔥" }])).rejects.toMatchObject({
      error_code: 400,
      description: "Bad Request: MESSAGE_ID_INVALID",
    });
    // 🏅 is an emoji, but not one a reaction may use.
    await expect(bot.api.setMessageReaction(chat.id, messageId, [{ type: "emoji", emoji: "🏅" as "🔥" }])).rejects.toMatchObject({
      error_code: 400,
      description: "Bad Request: REACTION_INVALID",
    });
    await expect(
      bot.api.setMessageReaction(chat.id, messageId, [
        { type: "emoji", emoji: "🔥" },
        { type: "emoji", emoji: "👍" },
      ]),
    ).rejects.toMatchObject({ error_code: 400, description: "Bad Request: REACTIONS_TOO_MANY" });
  });
});

describe("rate limits", () => {
  it("answers 429 with retry_after per private chat and per group", async () => {
    let now = 1_700_000_000_000;
    fake = await startFakeTelegram({ rateLimits: true, now: () => now });
    const api = newBot(fake).api;
    for (let i = 0; i < 3; i++) await api.sendMessage(5, `burst ${i}`);
    const limited = await api.sendMessage(5, "one too many").catch((e: unknown) => e);
    expect(limited).toMatchObject({ error_code: 429, description: "Too Many Requests: retry after 3" });
    expect((limited as GrammyError).parameters.retry_after).toBe(3);
    now += 3000;
    await expect(api.sendMessage(5, "after waiting")).resolves.toBeTruthy();

    for (let i = 0; i < 20; i++) {
      now += 100;
      await api.sendMessage(-200, `group ${i}`);
    }
    now += 1000;
    await expect(api.sendMessage(-200, "21st")).rejects.toMatchObject({ error_code: 429, parameters: { retry_after: 58 } });

    const stats = fake.stats();
    expect(stats.delivered).toBe(24);
    expect(stats.deliveredByChat.get(5)).toBe(4);
    expect(stats.rejected429).toBe(2);
    expect(fake.messagesTo(5).map((c) => c.payload.text)).not.toContain("one too many");
  });

  it("applies the global limit across chats and supports custom windows", async () => {
    let now = 0;
    fake = await startFakeTelegram({ rateLimits: { global: { limit: 2, windowMs: 500 } }, now: () => now });
    const api = newBot(fake).api;
    await api.sendMessage(1, "a");
    await api.sendMessage(2, "b");
    await expect(api.sendMessage(3, "c")).rejects.toMatchObject({ parameters: { retry_after: 1 } });
    now = 500;
    await expect(api.sendMessage(3, "c")).resolves.toBeTruthy();
  });
});

describe("chat failures", () => {
  it("blockChat answers 403 for users and groups", async () => {
    fake = await startFakeTelegram();
    const api = newBot(fake).api;
    fake.blockChat(31);
    fake.blockChat(-32);
    await expect(api.sendMessage(31, "hi")).rejects.toMatchObject({
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    await expect(api.sendChatAction(31, "typing")).rejects.toMatchObject({ error_code: 403 });
    await expect(api.sendMessage(-32, "hi")).rejects.toMatchObject({
      description: "Forbidden: bot was kicked from the group chat",
    });
    await expect(api.sendMessage(33, "hi")).resolves.toBeTruthy();
    expect(fake.stats().deliveredByChat.has(31)).toBe(false);
  });

  it("migrateChat answers 400 with migrate_to_chat_id", async () => {
    fake = await startFakeTelegram();
    const api = newBot(fake).api;
    fake.migrateChat(-40, -1_000_000_000_040);
    const error = await api.sendMessage(-40, "report").catch((e: unknown) => e);
    expect(error).toMatchObject({
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
    });
    expect((error as GrammyError).parameters.migrate_to_chat_id).toBe(-1_000_000_000_040);
    await expect(api.sendMessage(-1_000_000_000_040, "report")).resolves.toMatchObject({
      chat: { type: "supergroup" },
    });
  });

  it("failNext injects an error for the next N calls of a method", async () => {
    fake = await startFakeTelegram();
    const api = newBot(fake).api;
    fake.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, 2);
    await expect(api.sendMessage(1, "a")).rejects.toMatchObject({ error_code: 502 });
    await expect(api.sendMessage(1, "a")).rejects.toMatchObject({ error_code: 502 });
    await expect(api.sendMessage(1, "a")).resolves.toBeTruthy();
  });
});

describe("chat members and commands", () => {
  it("getChatMember answers the status set with setChatMember", async () => {
    fake = await startFakeTelegram();
    const api = newBot(fake).api;
    const group = fake.group(-50, "Sales");
    fake.user(1, { first_name: "Owner" });
    fake.setChatMember(group.id, 1, "creator");
    fake.setChatMember(group.id, 2, "administrator");
    fake.setChatMember(group.id, 3, "kicked");

    expect(await api.getChatMember(group.id, 1)).toMatchObject({ status: "creator", user: { first_name: "Owner" } });
    expect(await api.getChatMember(group.id, 2)).toMatchObject({ status: "administrator", can_delete_messages: true });
    expect(await api.getChatMember(group.id, 3)).toMatchObject({ status: "kicked", until_date: 0 });
    expect((await api.getChatMember(group.id, 4)).status).toBe("member");
    expect(await api.getChat(group.id)).toMatchObject({ id: -50, type: "group", title: "Sales" });
  });

  it("pins and unpins like Telegram: the right to pin in groups, 400 for a missing message", async () => {
    fake = await startFakeTelegram();
    const api = newBot(fake).api;
    const group = fake.group(-60, "Sales");
    const owner = fake.user(1, { first_name: "Owner" });
    const posted = await api.sendMessage(group.id, "standings");
    await expect(api.pinChatMessage(group.id, posted.message_id)).rejects.toMatchObject({
      error_code: 400,
      description: "Bad Request: not enough rights to manage pinned messages in the chat",
    });
    expect(fake.pinnedMessages(group.id)).toEqual([]);

    fake.setChatMember(group.id, fake.botInfo.id, "administrator");
    await expect(api.pinChatMessage(group.id, 9999)).rejects.toMatchObject({ description: "Bad Request: message to pin not found" });
    expect(await api.pinChatMessage(group.id, posted.message_id, { disable_notification: true })).toBe(true);
    const second = await api.sendMessage(group.id, "another");
    await api.pinChatMessage(group.id, second.message_id);
    expect(fake.pinnedMessages(group.id)).toEqual([posted.message_id, second.message_id]);
    // Without message_id: the latest pinned message.
    await api.unpinChatMessage(group.id);
    expect(fake.pinnedMessages(group.id)).toEqual([posted.message_id]);
    await api.unpinChatMessage(group.id, posted.message_id);
    await expect(api.unpinChatMessage(group.id, posted.message_id)).rejects.toMatchObject({
      description: "Bad Request: message to unpin not found",
    });

    // The private chat with the bot needs no rights.
    const dm = await api.sendMessage(owner.id, "hi");
    expect(await api.pinChatMessage(owner.id, dm.message_id)).toBe(true);
    expect(fake.pinnedMessages(owner.id)).toEqual([dm.message_id]);
  });

  it("stores commands per scope and language", async () => {
    fake = await startFakeTelegram();
    const api = newBot(fake).api;
    const all = [{ command: "start", description: "Start" }];
    const admins = [{ command: "report", description: "Team report" }];
    const russian = [{ command: "start", description: "Старт" }];
    await api.setMyCommands(all);
    await api.setMyCommands(admins, { scope: { type: "chat_administrators", chat_id: -60 } });
    await api.setMyCommands(russian, { language_code: "ru" });

    expect(await api.getMyCommands()).toEqual(all);
    expect(await api.getMyCommands({ scope: { type: "chat_administrators", chat_id: -60 } })).toEqual(admins);
    expect(await api.getMyCommands({ scope: { type: "chat_administrators", chat_id: -61 } })).toEqual([]);
    expect(await api.getMyCommands({ language_code: "ru" })).toEqual(russian);
    await api.deleteMyCommands();
    expect(await api.getMyCommands()).toEqual([]);
    await expect(api.setMyCommands([{ command: "Bad-Name", description: "x" }])).rejects.toMatchObject({
      description: "Bad Request: BOT_COMMAND_INVALID",
    });
  });
});

describe("waiting and webhooks", () => {
  it("waitForCall times out listing the calls that did happen", async () => {
    fake = await startFakeTelegram();
    await newBot(fake).api.sendMessage(70, "something else");
    await expect(fake.waitForMessage(71, undefined, { timeoutMs: 50 })).rejects.toThrow(
      /waitForMessage\(chat 71\): no matching call within 50 ms[\s\S]*sendMessage chat=70 "something else" -> ok/,
    );
  });

  it("postToWebhook delivers an update with the secret token and executes webhook replies", async () => {
    fake = await startFakeTelegram();
    // canUseWebhookReply: grammY answers sendMessage inside the webhook HTTP response.
    const bot = new Bot(fake.token, {
      client: { apiRoot: fake.apiRoot, canUseWebhookReply: (method) => method === "sendMessage" },
      botInfo: fake.botInfo,
    });
    bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    webhookServer = createServer(webhookCallback(bot, "http", { secretToken: "s3cret" }));
    await new Promise<void>((r) => webhookServer!.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(webhookServer.address() as AddressInfo).port}/`;
    await bot.api.setWebhook(url, { secret_token: "s3cret" });
    await expect(bot.api.getUpdates()).rejects.toMatchObject({ error_code: 409 });

    const user = fake.user(80);
    const id = fake.sendText(user, fake.privateChat(user), "hello");
    const result = await fake.postToWebhook(url, fake.getUpdate(id)!); // secret defaults to the one set
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ method: "sendMessage", text: "echo: hello" });
    const reply = await fake.waitForMessage(80, undefined, { timeoutMs: 100 });
    expect(reply.response.result).toMatchObject({ text: "echo: hello", chat: { id: 80 } });

    const forged = await fake.postToWebhook(url, fake.getUpdate(id)!, "wrong");
    expect(forged.status).toBe(401);
  });
});
