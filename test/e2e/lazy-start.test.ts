// What the compiled bot loads only when first used (charts: chart.js and node-canvas, in
// a chart process of their own; xlsx: exceljs) still works in the real process after
// start: node-canvas's native library never enters the bot's own memory map, the chart
// comes from a child process, and the bot still stops cleanly after drawing.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/index.js";
import { type BotProcess, killAfterEach, startBotProcess, until } from "../support/bot-process.js";
import { TOKEN } from "../support/harness.js";
import { seedTeamFile } from "../support/seed-file.js";

let fake: FakeTelegram | undefined;
let bot: BotProcess | undefined;
killAfterEach(() => ({ bot, fake }));

/** The pid of `parent`'s child process running the chart entry (Linux; undefined elsewhere or when none). */
function chartProcess(parent: number): number | undefined {
  const children = `/proc/${parent}/task/${parent}/children`;
  if (!existsSync(children)) return undefined;
  for (const pid of readFileSync(children, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)) {
    if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("chart-process")) return pid;
  }
  return undefined;
}

/** Whether the process has mapped a file whose path contains `name` (Linux; undefined elsewhere). */
function mapped(pid: number, name: string): boolean | undefined {
  const maps = `/proc/${pid}/maps`;
  return existsSync(maps) ? readFileSync(maps, "utf8").includes(name) : undefined;
}

describe("features loaded on first use, in the compiled bot", () => {
  it("draws a chart and writes an xlsx file after start, with the canvas not loaded until the chart", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    const head = fake.user(900, { first_name: "Ольга", language_code: "ru" });
    const managers = [1, 2, 3].map((n) => fake!.user(1000 + n, { first_name: `Менеджер ${n}`, language_code: "ru" }));
    const dir = mkdtempSync(join(tmpdir(), "kpi-lazy-"));
    const dbPath = join(dir, "bot.db");
    seedTeamFile(dbPath, head, managers, { chatId: -100_800, entries: 14, stepMs: 3_600_000, dealEvery: 5, dealMinor: 40_000_00 });
    const chat = fake.privateChat(head);
    bot = startBotProcess({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: dbPath, BACKUP_KEEP: "0" }, dir);
    const pid = bot.child.pid!;

    // Started and answering, with no chart drawn yet.
    let after = fake.mark();
    fake.sendText(head, chat, "/help");
    await fake.waitForCall((c) => c.method === "sendMessage" && c.response.ok, { after, timeoutMs: 30_000 });
    const before = mapped(pid, "canvas.node");
    if (before !== undefined) expect(before).toBe(false);

    after = fake.mark();
    fake.sendText(head, chat, "/report month");
    const photo = await fake.waitForCall((c) => c.method === "sendPhoto" && c.response.ok, { after, timeoutMs: 30_000 });
    const png = photo.payload["photo"].bytes as Buffer;
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.length).toBeGreaterThan(5_000);
    // Drawn by a child process that maps node-canvas; the bot itself still does not.
    const charter = chartProcess(pid);
    expect(charter).toBeDefined();
    if (before !== undefined) {
      expect(mapped(pid, "canvas.node")).toBe(false);
      expect(mapped(charter!, "canvas.node")).toBe(true);
    }

    after = fake.mark();
    fake.sendText(head, chat, "/export month xlsx");
    const doc = await fake.waitForCall((c) => c.method === "sendDocument" && c.response.ok, { after, timeoutMs: 30_000 });
    const xlsx = doc.payload["document"].bytes as Buffer;
    expect(doc.payload["document"].filename).toMatch(/^kpi-entries-.*\.xlsx$/);
    // An xlsx file is a zip holding the workbook.
    expect(xlsx.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
    expect(xlsx.includes(Buffer.from("xl/workbook.xml"))).toBe(true);

    // The process is still alive and answering after both.
    after = fake.mark();
    fake.sendText(head, chat, "/help");
    await fake.waitForCall((c) => c.method === "sendMessage" && c.response.ok, { after, timeoutMs: 30_000 });
    expect(bot.child.exitCode).toBeNull();

    // A graceful stop after drawing exits 0: no thread that drew with node-canvas is torn
    // down on the way out (one crashed the process with SIGSEGV when it exited).
    const stopped = new Promise<string>((resolve) => bot!.child.once("exit", (code, signal) => resolve(`${code} ${signal}`)));
    bot.child.kill("SIGTERM");
    expect(await stopped).toBe("0 null");
    // The chart process goes with it.
    await until(
      "the chart process gone",
      () => !existsSync(`/proc/${charter}`) || readFileSync(`/proc/${charter}/stat`, "utf8").includes(") Z"),
    );
  }, 60_000);
});
