// The baseline for `npm run bench:ingest`: a bare grammY bot on runner (the same
// concurrency and per-chat sequentializing), one SQLite insert and one reply per
// /call. No inbox, no team lookups: what the bot's own work is compared with.
import { run, sequentialize } from "@grammyjs/runner";
import Database from "better-sqlite3";
import { Bot } from "grammy";
import { INTAKE_CONCURRENCY } from "../../src/intake/durable-intake.js";

const env = process.env;
const db = new Database(env["DATABASE_PATH"]!);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.exec(
  "CREATE TABLE IF NOT EXISTS calls (update_id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL)",
);
const insert = db.prepare("INSERT INTO calls (update_id, user_id, text, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");

const bot = new Bot(env["BOT_TOKEN"]!, { client: { apiRoot: env["TELEGRAM_API_ROOT"]! } });
bot.use(sequentialize((ctx) => [String(ctx.chatId ?? ""), String(ctx.from?.id ?? "")]));
bot.command("call", async (ctx) => {
  insert.run(ctx.update.update_id, ctx.from!.id, ctx.match, Date.now());
  await ctx.reply(`Звонок записан: ${ctx.match}`);
});
bot.on("message", (ctx) => ctx.reply("ready"));
await bot.init();
await bot.api.deleteWebhook();
// The same number of updates at once as the real bot's intake.
const runner = run(bot, { runner: { fetch: { timeout: 30 } }, sink: { concurrency: INTAKE_CONCURRENCY } });
process.once("SIGTERM", () => {
  void runner.stop().then(() => {
    db.close();
    process.exit(0);
  });
});
