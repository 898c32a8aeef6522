// The fake's rich and ephemeral messages: the documented limits and refusals, as the
// bot's fallback and ephemeral answers rely on them.
import { Api, GrammyError } from "grammy";
import type { InputRichBlock, RichBlockTableCell } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "./index.js";

let fake: FakeTelegram;
let api: Api;

async function start(): Promise<void> {
  fake = await startFakeTelegram();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
}

afterEach(async () => {
  await fake.close();
});

const cell = (text: string): RichBlockTableCell => ({ text, align: "right", valign: "middle" });
const tableOf = (rows: number, cols: number): InputRichBlock => ({
  type: "table",
  cells: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(String((r + c) % 10)))),
});

async function refusal(call: Promise<unknown>): Promise<{ code: number; description: string }> {
  try {
    await call;
  } catch (e) {
    if (e instanceof GrammyError) return { code: e.error_code, description: e.description };
    throw e;
  }
  throw new Error("the call succeeded");
}

describe("sendRichMessage", () => {
  it("accepts a table at the limits (20 columns; 500 blocks: a paragraph, the table and its 498 rows) and stores it for edits", async () => {
    await start();
    const ann = fake.user(1);
    const sent = await api.sendRichMessage(ann.id, { blocks: [{ type: "paragraph", text: "Итоги" }, tableOf(498, 20)] });
    expect(sent.message_id).toBeGreaterThan(0);
    const edited = await api.editMessageText(ann.id, sent.message_id, { blocks: [tableOf(2, 3)] });
    expect(edited).toMatchObject({ rich_message: { blocks: [{ type: "table" }] } });
    // The same content again is "not modified", as with text.
    expect((await refusal(api.editMessageText(ann.id, sent.message_id, { blocks: [tableOf(2, 3)] }))).description).toMatch(/not modified/);
  });

  it("refuses more than 20 columns, 500 blocks, 32768 characters or 16 levels with a 400", async () => {
    await start();
    const id = fake.user(1).id;
    expect(await refusal(api.sendRichMessage(id, { blocks: [tableOf(2, 21)] }))).toMatchObject({
      code: 400,
      description: expect.stringMatching(/TOO_WIDE/),
    });
    expect(await refusal(api.sendRichMessage(id, { blocks: [tableOf(501, 1)] }))).toMatchObject({
      code: 400,
      description: expect.stringMatching(/TOO_MANY_BLOCKS/),
    });
    expect(await refusal(api.sendRichMessage(id, { blocks: [{ type: "paragraph", text: "x".repeat(32_769) }] }))).toMatchObject({
      code: 400,
      description: expect.stringMatching(/TOO_LONG/),
    });
    let deep: InputRichBlock = { type: "paragraph", text: "deep" };
    for (let i = 0; i < 16; i++) deep = { type: "blockquote", blocks: [deep] } as unknown as InputRichBlock;
    expect(await refusal(api.sendRichMessage(id, { blocks: [deep] }))).toMatchObject({
      code: 400,
      description: expect.stringMatching(/TOO_DEEP/),
    });
    const badCell = { type: "table", cells: [[{ text: "1", align: "middle", valign: "middle" }]] } as unknown as InputRichBlock;
    expect((await refusal(api.sendRichMessage(id, { blocks: [badCell] }))).code).toBe(400);
    expect((await refusal(api.sendRichMessage(id, { blocks: [], html: "<p>x</p>" }))).code).toBe(400);
    expect(fake.messagesTo(id)).toHaveLength(0);
  });

  it("can be told to refuse rich messages like an older server (404) or with a 400, and to accept them again", async () => {
    await start();
    const id = fake.user(1).id;
    fake.refuseRichMessages();
    expect(await refusal(api.sendRichMessage(id, { blocks: [tableOf(1, 1)] }))).toEqual({
      code: 404,
      description: "Not Found: method not found",
    });
    const text = await api.sendMessage(id, "x");
    expect((await refusal(api.editMessageText(id, text.message_id, { blocks: [tableOf(1, 1)] }))).code).toBe(404);
    fake.refuseRichMessages("400");
    expect((await refusal(api.sendRichMessage(id, { blocks: [tableOf(1, 1)] }))).code).toBe(400);
    fake.refuseRichMessages("off");
    expect((await api.sendRichMessage(id, { blocks: [tableOf(1, 1)] })).message_id).toBeGreaterThan(0);
  });
});

describe("ephemeral_message_parameters", () => {
  it("sends an ephemeral message in a group: message_id 0, its own ephemeral id, the receiver", async () => {
    await start();
    const ann = fake.user(1, { first_name: "Ann" });
    const group = fake.group(-100, "Team");
    const sent = await api.sendMessage(group.id, "only Ann", { ephemeral_message_parameters: { receiver_user_id: ann.id } });
    expect(sent).toMatchObject({ message_id: 0, ephemeral_message_id: 1, receiver_user: { id: ann.id } });
    const rich = await api.sendRichMessage(
      group.id,
      { blocks: [tableOf(1, 1)] },
      { ephemeral_message_parameters: { receiver_user_id: ann.id } },
    );
    expect(rich).toMatchObject({ message_id: 0, ephemeral_message_id: 2 });
  });

  it("refuses misuse with a 400: a private chat, a non-member, replace without a callback, another user's callback", async () => {
    await start();
    const ann = fake.user(1);
    const bob = fake.user(2);
    const group = fake.group(-100, "Team");
    const eph = (extra: object) => ({ ephemeral_message_parameters: { receiver_user_id: ann.id, ...extra } });
    expect((await refusal(api.sendMessage(ann.id, "x", eph({})))).code).toBe(400);
    fake.setChatMember(group.id, bob.id, "left");
    expect(
      (await refusal(api.sendMessage(group.id, "x", { ephemeral_message_parameters: { receiver_user_id: bob.id } }))).description,
    ).toMatch(/not a member/);
    expect((await refusal(api.sendMessage(group.id, "x", eph({ replace_callback_query_message: true })))).code).toBe(400);
    const menu = await api.sendMessage(group.id, "menu", { reply_markup: { inline_keyboard: [[{ text: "go", callback_data: "go" }]] } });
    const updateId = fake.clickButton(bob, group, menu, "go");
    const queryId = String(fake.getUpdate(updateId)?.callback_query?.id);
    expect((await refusal(api.sendMessage(group.id, "x", eph({ callback_query_id: queryId })))).description).toMatch(/another user/);
    expect((await refusal(api.sendMessage(group.id, "x", eph({ callback_query_id: "nope" })))).code).toBe(400);
  });

  it("edits an ephemeral message by its ephemeral id and receiver (text, rich, buttons); refuses the rest with a 400", async () => {
    await start();
    const ann = fake.user(1);
    const bob = fake.user(2);
    const group = fake.group(-100, "Team");
    const keyboard = { inline_keyboard: [[{ text: "go", callback_data: "go" }]] };
    const sent = await api.sendMessage(group.id, "only Ann", {
      ephemeral_message_parameters: { receiver_user_id: ann.id },
      reply_markup: keyboard,
    });
    const id = (sent as { ephemeral_message_id: number }).ephemeral_message_id;
    // Only its receiver can tap it; the buttons are the stored message's.
    expect(() => fake.clickButton(bob, group, sent, "go")).toThrow(/seen only by/);
    expect(() => fake.clickButton(ann, group, sent, "stop")).toThrow(/no button/);
    expect(await api.editEphemeralMessageText(group.id, ann.id, id, "still Ann", { reply_markup: keyboard })).toBe(true);
    expect(
      (await refusal(api.editEphemeralMessageText(group.id, ann.id, id, "still Ann", { reply_markup: keyboard }))).description,
    ).toMatch(/not modified/);
    expect(await api.editEphemeralMessageText(group.id, ann.id, id, { blocks: [tableOf(1, 1)] })).toBe(true);
    // Editing without reply_markup dropped the button, as on Telegram: dropping it again changes nothing.
    expect((await refusal(api.editEphemeralMessageReplyMarkup(group.id, ann.id, id))).description).toMatch(/not modified/);
    expect(await api.editEphemeralMessageReplyMarkup(group.id, ann.id, id, { reply_markup: keyboard })).toBe(true);
    expect((await refusal(api.editEphemeralMessageText(group.id, bob.id, id, "Bob?"))).description).toMatch(/not found/);
    expect((await refusal(api.editEphemeralMessageText(group.id, ann.id, id + 1, "x"))).description).toMatch(/not found/);
    expect((await refusal(api.editEphemeralMessageText(group.id, ann.id, id, { blocks: [tableOf(1, 21)] }))).code).toBe(400);
    expect(
      (
        await refusal(
          api.raw.editEphemeralMessageText({
            chat_id: group.id,
            receiver_user_id: ann.id,
            ephemeral_message_id: id,
            text: "x",
            rich_message: { blocks: [tableOf(1, 1)] },
          }),
        )
      ).description,
    ).toMatch(/either text or rich_message/);
    // A chat message's edit cannot reach it: it has no message_id.
    expect((await refusal(api.editMessageText(group.id, 0, "x"))).description).toMatch(/not found/);
  });
});
