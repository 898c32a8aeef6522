import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { ALLOWED_UPDATES } from "./bot/allowed-updates.js";
import { registerCommandMenu } from "./bot/commands-menu.js";
import { createBot } from "./bot/create-bot.js";
import { startFollowups } from "./bot/followups.js";
import { setDefaultMenuButton } from "./bot/menu-button.js";
import { stopRunner } from "./bot/stop-runner.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { syncsIdle } from "./crm/sync.js";
import { vaultFor } from "./crm/vault.js";
import { crmWebhookRoutes } from "./crm/webhooks.js";
import { checkDatabaseFile, closeDatabase, openDatabase } from "./db/client.js";
import { createRepositories } from "./db/repositories/index.js";
import { type Intake, startPollingIntake, startWebhookIntake } from "./intake/durable-intake.js";
import { createLogger, type Logger } from "./logger.js";
import { createPostScheduler } from "./scheduler/create-post-scheduler.js";
import { Maintenance } from "./scheduler/maintenance.js";
import type { AppDeps } from "./services/deps.js";
import { createWebApp } from "./web/create-web-app.js";
import { checkHealth } from "./web/health.js";
import { createHttpServer } from "./web/http-server.js";

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

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

async function main(): Promise<void> {
  // Whatever this process creates is its user's alone (the database code also sets 0600 itself).
  process.umask(0o077);
  const config = readConfig();
  if (!config.botToken) {
    console.error("BOT_TOKEN is not set: running the offline demo instead (put a token from @BotFather in .env to run the bot).");
    const { runDemo } = await import("./cli/demo.js");
    await runDemo();
    return;
  }
  // A damaged file is never written to: stop before migrations touch it.
  const damage = checkDatabaseFile(config.databasePath);
  if (damage) {
    console.error(
      `Database ${config.databasePath} failed its integrity check (${damage}): restore a backup, see docs/operations.md, "Backup and restore".`,
    );
    process.exit(3);
  }
  const logger = createLogger(config.logLevel, { secrets: config.secrets });
  // Whatever ends the process goes through the logger, which strips the token: Node's own
  // report of an uncaught error would print a failed request's URL (token included) as is.
  const crash = (err: unknown) => {
    logger.fatal({ err }, "stopped by an unexpected error");
    process.exit(1);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  try {
    await run(config, logger);
  } catch (err) {
    crash(err);
  }
}

async function run(config: Config, logger: Logger): Promise<void> {
  const db = openDatabase(config.databasePath);
  const deps: AppDeps = { config, db, repos: createRepositories(db), logger, now: Date.now };
  // The CRM credentials key is read (or generated, and the log says where) at start, not at the first /crm connect.
  vaultFor(config, logger);
  const bot = createBot(config, deps);
  await bot.init();
  // The after-reply queue: what entries set off (badges, milestones, contests) runs after
  // their replies; the jobs a killed process left run now, before any new update.
  const followups = startFollowups(bot.api, deps);
  // Scheduled posts go through a throttle that keeps under Telegram's limits.
  const { scheduler } = createPostScheduler(bot.api, deps);
  const maintenance = new Maintenance(deps);
  await registerCommandMenu(bot.api, config.defaultLocale).catch((err) => logger.warn({ err }, "could not register the command menu"));

  // Updates are stored in the inbox before Telegram is told they arrived, and handled from there.
  let intake: Intake;
  let server: Server | undefined;
  // The Mini App (dashboard, TV page) is served by this process when MINIAPP_URL is set.
  const webApp = config.miniappUrl ? createWebApp(deps) : undefined;
  if (config.miniappUrl)
    await setDefaultMenuButton(bot.api, config.miniappUrl, config.defaultLocale).catch((err) =>
      logger.warn({ err }, "could not set the menu button"),
    );
  // CRM webhooks arrive on the same server; a delivery pokes a reconcile at once.
  const crm = crmWebhookRoutes(deps, () => void scheduler.runCrm());
  const health = () => checkHealth({ deps, intake: () => intake?.stats(), scheduler: () => scheduler.health() });
  if (config.mode === "webhook") {
    const webhook = startWebhookIntake(bot, deps);
    intake = webhook;
    server = createHttpServer({
      logger,
      health,
      app: webApp,
      crm,
      webhook: { secret: config.webhookSecret, accept: (u) => webhook.accept(u) },
    });
    await listen(server, config.port);
    await bot.api.setWebhook(config.webhookUrl, { secret_token: config.webhookSecret, allowed_updates: ALLOWED_UPDATES });
    logger.info({ port: config.port, bot: bot.botInfo.username }, "webhook server listening");
  } else {
    await bot.api.deleteWebhook();
    intake = startPollingIntake(bot, deps, { allowedUpdates: ALLOWED_UPDATES });
    logger.info({ bot: bot.botInfo.username }, "polling started");
    if (webApp || config.crm.publicUrl) {
      // The Mini App and CRM webhooks are served on PORT (PUBLIC_URL makes it listen), with GET /healthz.
      server = createHttpServer({ logger, health, app: webApp, crm });
      await listen(server, config.port);
      logger.info({ port: config.port }, "http server listening (mini app, CRM webhooks)");
    } else if (config.healthPort !== undefined) {
      server = createHttpServer({ logger, health });
      await listen(server, config.healthPort);
      logger.info({ port: config.healthPort }, "health check listening on /healthz");
    }
  }
  void scheduler.start().then((n) => logger.info({ sent: n }, "scheduler started (missed posts caught up)"));
  maintenance.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing updates in flight");
    // Hard stop if something hangs: better than a process that never exits.
    setTimeout(() => process.exit(1), 8000).unref();
    // No new webhook requests first; what is stored and not handled yet waits in the inbox.
    if (server) {
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    }
    if (!(await stopRunner(intake.runner))) logger.warn("some updates were still running at shutdown");
    // A drain in progress commits its batch; jobs not reached wait for the next start.
    await followups.stop();
    await scheduler.stop();
    await syncsIdle();
    await maintenance.stop();
    closeDatabase(db);
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

await main();
