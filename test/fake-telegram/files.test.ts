import { Bot, GrammyError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "./index.js";

let fake: FakeTelegram | undefined;
const bots: Bot[] = [];

afterEach(async () => {
  for (const bot of bots.splice(0)) if (bot.isRunning()) await bot.stop();
  await fake?.close();
  fake = undefined;
});

function newBot(f: FakeTelegram): Bot {
  const bot = new Bot(f.token, { client: { apiRoot: f.apiRoot }, botInfo: f.botInfo });
  bots.push(bot);
  return bot;
}

describe("files users send", () => {
  it("delivers a document with its caption command, and serves it through getFile and the download URL", async () => {
    fake = await startFakeTelegram();
    const bot = newBot(fake);
    const seen: { caption?: string; entities?: unknown; fileId?: string; size?: number } = {};
    const done = new Promise<void>((resolve) => {
      // grammY's bot.command() ignores captions, so the bot reads a caption command itself.
      bot.on("message:document", (ctx) => {
        seen.caption = ctx.message.caption;
        seen.entities = ctx.message.caption_entities;
        seen.fileId = ctx.message.document.file_id;
        seen.size = ctx.message.document.file_size;
        resolve();
      });
    });
    void bot.start();
    const ann = fake.user(1, { first_name: "Ann" });
    const bytes = Buffer.from("\uFEFFa;b\r\n1;2\r\n", "utf8");
    fake.sendDocument(ann, fake.privateChat(ann), { filename: "rows.csv", bytes, caption: "/import" });
    await done;
    expect(seen.caption).toBe("/import");
    expect(seen.entities).toEqual([{ type: "bot_command", offset: 0, length: 7 }]);
    expect(seen.size).toBe(bytes.length);
    const file = await bot.api.getFile(seen.fileId!);
    expect(file.file_path).toMatch(/^documents\/file_\d+\.csv$/);
    expect(file.file_size).toBe(bytes.length);
    const res = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    // Another token, or a path never handed out, gets nothing.
    expect((await fetch(`${fake.apiRoot}/file/bot999:OTHER/${file.file_path}`)).status).toBe(404);
    expect((await fetch(`${fake.apiRoot}/file/bot${fake.token}/documents/file_999.csv`)).status).toBe(404);
  });

  it("refuses getFile for an unknown file_id and for files over 20 MB, as Telegram does", async () => {
    fake = await startFakeTelegram();
    const bot = newBot(fake);
    await expect(bot.api.getFile("nope")).rejects.toThrow(/invalid file_id/);
    const ann = fake.user(1, { first_name: "Ann" });
    const big = fake.sendDocument(ann, fake.privateChat(ann), { filename: "big.csv", bytes: Buffer.alloc(20 * 1024 * 1024 + 1, 0x61) });
    const update = fake.getUpdate(big)!;
    const error = await bot.api.getFile(update.message!.document!.file_id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).description).toBe("Bad Request: file is too big");
    // Exactly 20 MB is still served.
    const edgeId = fake.sendDocument(ann, fake.privateChat(ann), { filename: "edge.csv", bytes: Buffer.alloc(20 * 1024 * 1024, 0x61) });
    const edge = await bot.api.getFile(fake.getUpdate(edgeId)!.message!.document!.file_id);
    expect(edge.file_size).toBe(20 * 1024 * 1024);
  });
});
