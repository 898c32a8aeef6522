import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import { ALLOWED_UPDATES } from "./bot/allowed-updates.js";
import { registerCommandMenu } from "./bot/commands-menu.js";
import { createBot } from "./bot/create-bot.js";
import { setDefaultMenuButton } from "./bot/menu-button.js";
import { stopRunner } from "./bot/stop-runner.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { closeDatabase, openDatabase } from "./db/client.js";
import { createRepositories } from "./db/repositories/index.js";
import { createLogger } from "./logger.js";
import { createPostScheduler } from "./scheduler/create-post-scheduler.js";
import type { AppDeps } from "./services/deps.js";
import { createWebApp } from "./web/create-web-app.js";

function readConfig(): Config {
  if (existsSync(".env")) process.loadEnvFile(".env");
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  if (!config.botToken) {
    console.error("BOT_TOKEN is not set: running the offline demo instead (put a token from @BotFather in .env to run the bot).");
    const { runDemo } = await import("./cli/demo.js");
    await runDemo();
    return;
  }
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.databasePath);
  const deps: AppDeps = { config, db, repos: createRepositories(db), logger, now: Date.now };
  const bot = createBot(config, deps);
  await bot.init();
  // Scheduled posts go through a throttle that keeps under Telegram's limits.
  const { scheduler } = createPostScheduler(bot.api, deps);
  await registerCommandMenu(bot.api, config.defaultLocale).catch((err) => logger.warn({ err }, "could not register the command menu"));

  let runner: RunnerHandle | undefined;
  let server: Server | undefined;
  // The Mini App (dashboard, TV page) is served by this process when MINIAPP_URL is set.
  const webApp = config.miniappUrl ? createWebApp(deps) : null;
  if (config.miniappUrl)
    await setDefaultMenuButton(bot.api, config.miniappUrl, config.defaultLocale).catch((err) =>
      logger.warn({ err }, "could not set the menu button"),
    );
  if (config.mode === "webhook") {
    const handle = webhookCallback(bot, "http", { secretToken: config.webhookSecret, onTimeout: "return" });
    server = createServer((req, res) => void (async () => (webApp && (await webApp(req, res))) || handle(req, res))());
    await new Promise<void>((resolve) => server!.listen(config.port, resolve));
    await bot.api.setWebhook(config.webhookUrl!, { secret_token: config.webhookSecret, allowed_updates: ALLOWED_UPDATES });
    logger.info({ port: config.port, bot: bot.botInfo.username }, "webhook server listening");
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
    logger.info({ bot: bot.botInfo.username }, "polling started");
    if (webApp) {
      server = createServer((req, res) => void webApp(req, res).then((done) => done || res.writeHead(404).end()));
      await new Promise<void>((resolve) => server!.listen(config.port, resolve));
      logger.info({ port: config.port }, "mini app server listening");
    }
  }
  void scheduler.start().then((n) => logger.info({ sent: n }, "scheduler started (missed posts caught up)"));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing updates in flight");
    // Hard stop if something hangs: better than a process that never exits.
    setTimeout(() => process.exit(1), 8000).unref();
    if (runner && !(await stopRunner(runner))) logger.warn("some updates were still running at shutdown");
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await scheduler.stop();
    closeDatabase(db);
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

await main();
