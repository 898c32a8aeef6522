// Crash-safe scheduled posts, backup and restore, the start-up integrity check and /healthz.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { backupInto, listBackups } from "../../src/db/backup.js";
import { POST_LEASE_MS } from "../../src/db/repositories/posts.js";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/index.js";
import { type BotProcess, randomPort, startBotProcess } from "../support/bot-process.js";
import { type Clock, type Harness, startHarness, TOKEN, visibleText } from "../support/harness.js";
import { count, setUpTeam } from "../support/team.js";

const run = promisify(execFile);
const TSX = new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).href;
const BACKUP_CLI = fileURLToPath(new URL("../../src/cli/backup.ts", import.meta.url));

let harnesses: Harness[] = [];
let fake: FakeTelegram | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  for (const h of harnesses) await h.stop().catch(() => undefined);
  await harnesses[0]?.fake.close();
  harnesses = [];
  bot?.child.kill("SIGKILL");
  await bot?.exited;
  await fake?.close();
  fake = bot = undefined;
});

async function harness(opts: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const h = await startHarness(opts);
  harnesses.push(h);
  return h;
}

describe("a scheduled post interrupted by a crash", () => {
  const sentTo = (h: Harness, chatId: number, method: string) =>
    h.fake.calls.filter((c) => c.method === method && c.payload["chat_id"] === chatId && c.response.ok);

  it("is sent once after the lease, and only the part that had not reached the chat", async () => {
    const clock: Clock = { now: Date.parse("2026-11-25T10:00:00Z") };
    const h = await harness({ clock });
    const t = await setUpTeam(h);
    await h.say(t.ivan, t.ivanChat, "/call Ромашка");
    const team = h.deps.repos.teams.byChatId(t.group.id)!;

    // Thursday 09:00 in Moscow. A process claimed the group's summary and died before sending;
    // another claimed the head's, sent its text (recorded) and died before the chart.
    clock.now = Date.parse("2026-11-26T06:00:00Z");
    const { posts } = h.deps.repos;
    expect(posts.claim(team.id, "summary", "2026-11-26", "group", clock.now)).not.toBeNull();
    const head = posts.claim(team.id, "summary", "2026-11-26", `head:${t.head.id}`, clock.now)!;
    posts.recordDelivered(head.id, { text: [777] });
    await h.restart();

    // Within the lease the claims may still be alive: nothing is sent.
    clock.now += POST_LEASE_MS - 60_000;
    expect(await h.scheduler.runDue()).toBe(0);
    clock.now += 2 * 60_000;
    // The group gets text + chart, the head only the chart it was missing.
    expect(await h.scheduler.runDue()).toBe(3);
    expect(await h.scheduler.runDue()).toBe(0);
    expect(sentTo(h, t.group.id, "sendMessage").filter((c) => visibleText(c).includes("Доброе утро"))).toHaveLength(1);
    expect(sentTo(h, t.group.id, "sendPhoto")).toHaveLength(1);
    expect(sentTo(h, t.head.id, "sendMessage").filter((c) => visibleText(c).includes("Доброе утро"))).toHaveLength(0);
    expect(sentTo(h, t.head.id, "sendPhoto")).toHaveLength(1);
    expect(count(h, "select count(*) from posts where kind = 'summary' and status = 'sent'")).toBe(2);
    const group = h.deps.db.$client.prepare("select message_ids, chart_message_id from posts where target = 'group'").get() as {
      message_ids: string;
      chart_message_id: number;
    };
    expect(JSON.parse(group.message_ids)).toHaveLength(1);
    expect(group.chart_message_id).toBeGreaterThan(0);
  });
});

describe("backup and restore", () => {
  it("copies the database while the bot runs; a restored copy answers /me the same", async () => {
    const h = await harness();
    const t = await setUpTeam(h);
    for (const c of ["/call встреча Ромашка", "/deal 70k Ромашка", "/proposal Вектор"]) await h.say(t.ivan, t.ivanChat, c);
    const before = await h.say(t.ivan, t.ivanChat, "/me");

    // npm run backup, as a separate process, while the bot keeps its connection open.
    const dir = mkdtempSync(join(tmpdir(), "kpi-backup-"));
    const { stdout } = await run(process.execPath, ["--import", TSX, BACKUP_CLI], {
      env: { PATH: process.env["PATH"] ?? "", DATABASE_PATH: h.dbPath, BACKUP_DIR: dir, BACKUP_KEEP: "2" },
    });
    expect(stdout).toMatch(/^Backup written: .*kpi-coach-\d{8}-\d{6}\.db \(\d+\.\d MB, checked\)/);
    const [backup] = listBackups(dir);
    expect(backup && existsSync(backup.path)).toBe(true);
    // Written after the backup: not in the restored copy.
    await h.say(t.ivan, t.ivanChat, "/call");

    // Restore: a copy of the backup file in place of the database, then start.
    const restoredPath = join(mkdtempSync(join(tmpdir(), "kpi-restored-")), "bot.db");
    copyFileSync(backup!.path, restoredPath);
    await h.stop();
    const restored = await harness({ fake: h.fake, dbPath: restoredPath });
    const after = await restored.say(t.ivan, t.ivanChat, "/me");
    expect(after.text).toBe(before.text);
  });

  it("keeps the newest BACKUP_KEEP backups", async () => {
    const h = await harness();
    const dir = mkdtempSync(join(tmpdir(), "kpi-backups-"));
    const day = 24 * 3600_000;
    const start = Date.parse("2026-11-20T03:00:00Z");
    for (let i = 0; i < 4; i++) await backupInto(h.deps.db.$client, dir, 2, start + i * day);
    expect(listBackups(dir).map((b) => new Date(b.takenAt).toISOString())).toEqual([
      "2026-11-23T03:00:00.000Z",
      "2026-11-22T03:00:00.000Z",
    ]);
  });
});

describe("start-up and health", () => {
  it("runs the offline demo from the built dist/main.js when no token is set", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-demo-"));
    bot = startBotProcess({ DEMO_DATABASE_PATH: "./demo.db" }, dir);
    expect(await bot.exited).toBe(0);
    expect(bot.err()).toMatch(/BOT_TOKEN is not set: running the offline demo/);
    expect(bot.out()).toMatch(/Итого/);
    expect(existsSync(join(dir, "demo.db"))).toBe(true);
  });

  it("refuses to start on a damaged database with one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-damaged-"));
    writeFileSync(join(dir, "bot.db"), Buffer.alloc(8192, 7));
    bot = startBotProcess({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9", DATABASE_PATH: "./bot.db" }, dir);
    expect(await bot.exited).toBe(3);
    const lines = bot.err().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Database \.\/bot\.db failed its integrity check \(file is not a database\): restore a backup/);
  });

  it("answers GET /healthz in polling mode (HEALTH_PORT) with the database, the last update and the scheduler", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    const dir = mkdtempSync(join(tmpdir(), "kpi-health-"));
    const port = randomPort();
    bot = startBotProcess({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: "./bot.db", HEALTH_PORT: String(port) }, dir);
    const user = fake.user(7, { first_name: "Ann", language_code: "en" });
    await fake.waitForCall((c) => c.method === "deleteWebhook", { timeoutMs: 15_000 });
    const after = fake.mark();
    fake.sendText(user, fake.privateChat(user), "/start");
    await fake.waitForMessage(user.id, undefined, { after, timeoutMs: 10_000 });

    let res: Response | undefined;
    for (let i = 0; i < 100 && !res; i++) res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    expect(res!.status).toBe(200);
    const body = (await res!.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, database: true, scheduler: true, backlog: 0, updates_handled: 1 });
    expect(Date.parse(String(body["last_update_handled_at"]))).toBeGreaterThan(Date.now() - 60_000);
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
  });
});
