// kill -9 between the parts of the morning summaries (texts answered by Telegram,
// charts still to go), then a restart: every part Telegram accepted before the kill
// was recorded at once, so none is sent again, and the rest still goes out.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { User } from "grammy/types";
import { describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { POST_LEASE_MS } from "../../src/db/repositories/posts.js";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/index.js";
import type { RecordedCall } from "../fake-telegram/types.js";
import { type BotProcess, countIn, killAfterEach, startBotProcess, until } from "../support/bot-process.js";
import { TOKEN } from "../support/harness.js";

const TEAMS = 6;
const MANAGERS = 4;

let fake: FakeTelegram | undefined;
let bot: BotProcess | undefined;
killAfterEach(() => ({ bot, fake }));

/** A fixed-offset zone where it is about 10:00 now: the 09:00 summary is due, its window open for hours. */
function zoneAtTenAm(now: number): string {
  let offset = (10 - new Date(now).getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24;
  // Etc/GMT-3 is UTC+3: the sign is reversed.
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

/** Teams whose only post on is the morning summary (head and group), each with a month of calls. */
function seed(path: string, f: FakeTelegram): number[] {
  const db = openDatabase(path);
  const repos = createRepositories(db);
  const now = Date.now();
  const tz = zoneAtTenAm(now);
  const chats: number[] = [];
  const insert = db.$client.prepare("insert into activities (team_id, user_id, kind, occurred_at, created_at) values (?, ?, 'call', ?, ?)");
  for (let t = 0; t < TEAMS; t++) {
    const head: User = f.user(100 + t, { first_name: `Глава ${t + 1}`, language_code: "ru" });
    f.privateChat(head);
    const group = f.group(-2000 - t, `Отдел ${t + 1}`);
    repos.users.upsert(head, now);
    const team = repos.teams.create({ chatId: group.id, name: `Отдел ${t + 1}`, timezone: tz, locale: "ru", headId: head.id });
    repos.teams.update(team.id, {
      settings: {
        workdays: [1, 2, 3, 4, 5, 6, 7],
        summaryTime: "09:00",
        enabled: { summary: true, evening: false, weekly: false, alerts: false, nudge: false },
      },
    });
    for (let m = 0; m < MANAGERS; m++) {
      const manager = f.user(1000 + t * 10 + m, { first_name: `Менеджер ${m + 1}`, language_code: "ru" });
      repos.users.upsert(manager, now);
      repos.memberships.join(team.id, manager.id, now);
      for (let d = 1; d <= 20; d++) insert.run(team.id, manager.id, now - d * 3600_000, now - d * 3600_000);
    }
    chats.push(head.id, group.id);
  }
  closeDatabase(db);
  return chats;
}

const accepted = (f: FakeTelegram, ...methods: string[]) =>
  f.calls.filter((c: RecordedCall) => methods.includes(c.method) && c.response.ok);
/** A summary's text goes as a rich message (native tables) where the chat takes one, else as HTML. */
const TEXTS = ["sendMessage", "sendRichMessage"];

function perChat(calls: RecordedCall[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of calls) out.set(Number(c.payload["chat_id"]), (out.get(Number(c.payload["chat_id"])) ?? 0) + 1);
  return out;
}

describe("morning summaries interrupted by kill -9 between parts", () => {
  it("sends no part again that Telegram accepted before the kill, and the rest after the restart", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    const dir = mkdtempSync(join(tmpdir(), "kpi-summary-crash-"));
    const dbPath = join(dir, "bot.db");
    const chats = seed(dbPath, fake);
    const env = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: dbPath, BACKUP_KEEP: "0" };

    // The charts are held at Telegram's door: the kill falls between each post's parts,
    // with every text accepted and every chart still in flight (never received).
    fake.hold("sendPhoto");
    bot = startBotProcess(env, dir);
    await until("every summary text", () => accepted(fake!, ...TEXTS).length >= chats.length);
    await until("a chart in flight", () => fake!.waiting("sendPhoto") > 0);
    // As in the field: the kill comes 150 ms after the texts reached Telegram.
    await new Promise((r) => setTimeout(r, 150));
    await bot.crash();
    await until("the dead process's calls gone", () => fake!.waiting("sendPhoto") === 0);
    fake.release("sendPhoto");
    expect(accepted(fake, "sendPhoto")).toHaveLength(0);

    // The lease of the dead process's claims runs out (as if three minutes had passed).
    const db = new Database(dbPath);
    db.prepare("update posts set claimed_at = claimed_at - ? where status = 'pending'").run(POST_LEASE_MS + 1000);
    db.close();
    bot = startBotProcess(env, dir);
    await until("every chart", () => accepted(fake!, "sendPhoto").length >= chats.length);
    // Only the summaries: the month-end badge check (every 20 s) records its own posts.
    await until(
      "every summary settled",
      () => countIn(dbPath, "select count(*) from posts where kind = 'summary' and status = 'sent'") === chats.length,
    );

    const texts = perChat(accepted(fake, ...TEXTS));
    const photos = perChat(accepted(fake, "sendPhoto"));
    for (const chat of chats) {
      expect({ chat, texts: texts.get(chat) ?? 0, photos: photos.get(chat) ?? 0 }).toEqual({ chat, texts: 1, photos: 1 });
    }
    // Two bot processes on a shared machine: more than the default 20 s.
  }, 120_000);
});
