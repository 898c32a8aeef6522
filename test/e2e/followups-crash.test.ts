// kill -9 after an entry is stored and before its follow-ups ran (its reply held at
// Telegram's door), then a restart: the after-reply queue stored with the entry runs
// at start, so the badge, the plan milestone and the congratulation happen exactly
// once — not lost with the process, not repeated by the replayed update or a restart.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { User } from "grammy/types";
import { describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories/index.js";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/index.js";
import type { RecordedCall } from "../fake-telegram/types.js";
import { type BotProcess, countIn, killAfterEach, startBotProcess, until } from "../support/bot-process.js";
import { TOKEN, visibleText } from "../support/harness.js";

let fake: FakeTelegram | undefined;
let bot: BotProcess | undefined;
killAfterEach(() => ({ bot, fake }));

/** One team, its head and a manager; a monthly plan of 2 deals for each manager. */
function seed(path: string, head: User, manager: User, groupId: number): void {
  const db = openDatabase(path);
  const repos = createRepositories(db);
  const now = Date.now();
  repos.users.upsert(head, now);
  repos.users.upsert(manager, now);
  const team = repos.teams.create({ chatId: groupId, name: "Отдел продаж", timezone: "Europe/Moscow", locale: "ru", headId: head.id });
  repos.memberships.join(team.id, manager.id, now);
  repos.plans.upsert({ teamId: team.id, metric: "deals", value: 2, period: "month", scope: "each", userId: null, createdBy: head.id }, now);
  closeDatabase(db);
}

const sentTo = (f: FakeTelegram, chatId: number): string[] =>
  f.calls.filter((c: RecordedCall) => c.method === "sendMessage" && c.payload["chat_id"] === chatId && c.response.ok).map(visibleText);
const BADGE = "🏅 Новый значок: 🎯 первая сделка";
const MILESTONE = "🎯 Половина пути: 50 % месячного плана (сделки).";

describe("an entry's follow-ups interrupted by kill -9", () => {
  it("run once at the next start: the badge, the milestone and the congratulation, none lost, none twice", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    const dir = mkdtempSync(join(tmpdir(), "kpi-followups-crash-"));
    const dbPath = join(dir, "bot.db");
    const head = fake.user(900, { first_name: "Ольга", language_code: "ru" });
    const ivan = fake.user(901, { first_name: "Иван", language_code: "ru" });
    const chat = fake.privateChat(ivan);
    seed(dbPath, head, ivan, -100_777);
    const env = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: dbPath, BACKUP_KEEP: "0" };

    // The reply is held at Telegram's door: the entry and its job are stored, the
    // handler waits for the reply, and the follow-ups (which run after it) have not.
    fake.hold("sendMessage");
    bot = startBotProcess(env, dir);
    fake.sendText(ivan, chat, "/deal 50k Acme");
    await until("the entry and its job stored", () => countIn(dbPath, "select count(*) from activities") === 1);
    await until("the reply in flight", () => fake!.waiting("sendMessage") > 0);
    expect(countIn(dbPath, "select count(*) from followups")).toBe(1);
    expect(countIn(dbPath, "select count(*) from awards")).toBe(0);
    await bot.crash();
    await until("the dead process's calls gone", () => fake!.waiting("sendMessage") === 0);
    fake.release("sendMessage");
    expect(sentTo(fake, chat.id)).toEqual([]);

    // The restart replays the update (stored, never finished): a duplicate, answered as
    // such, queueing nothing; the job the killed process left runs at start.
    bot = startBotProcess(env, dir);
    await until("the congratulation", () => sentTo(fake!, chat.id).some((t) => t.includes(BADGE)));
    await until("the replayed update answered", () => sentTo(fake!, chat.id).some((t) => t.includes("уже учтена")));
    await until("the job done (off the queue)", () => countIn(dbPath, "select count(*) from followups") === 0);
    // A clean restart afterwards runs nothing again.
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    bot = startBotProcess(env, dir);
    fake.sendText(ivan, chat, "/help");
    await until("the restarted bot answering", () => sentTo(fake!, chat.id).length >= 3);
    bot.child.kill("SIGTERM");
    await bot.exited;

    expect(countIn(dbPath, "select count(*) from activities where kind = 'deal'")).toBe(1);
    expect(countIn(dbPath, "select count(*) from followups")).toBe(0);
    expect(countIn(dbPath, "select count(*) from awards where code = 'first_deal'")).toBe(1);
    expect(countIn(dbPath, "select count(*) from awards where kind = 'milestone'")).toBe(1);
    const congratulations = sentTo(fake, chat.id).filter((t) => t.includes(BADGE));
    expect(congratulations).toEqual([`${BADGE}\n${MILESTONE}`]);
    // The reaction the badge earned, set once on the manager's message.
    const reactions = fake.calls.filter((c) => c.method === "setMessageReaction" && c.response.ok);
    expect(reactions.map((c) => c.payload["reaction"][0].emoji)).toEqual(["🏆"]);
  }, 120_000);
});
