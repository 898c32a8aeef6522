import { backupInto, listBackups } from "../db/backup.js";
import type { AppDeps } from "../services/deps.js";

/** Handled updates are remembered this long: Telegram keeps an undelivered update for a day. */
export const KEEP_UPDATES_MS = 3 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;

/**
 * Housekeeping every hour: prunes old inbox and processed-update rows, and takes
 * the daily backup when the newest one is a day old. Deciding from the backups on
 * disk (not a fixed hour) means a restart at the wrong moment never skips a day.
 */
export class Maintenance {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: AppDeps) {}

  start(): void {
    this.timer = setInterval(() => void this.run(), HOUR_MS);
    this.timer.unref();
    void this.run();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One round (also for tests); never throws. */
  run(now = this.deps.now()): Promise<void> {
    this.running ??= this.round(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async round(now: number): Promise<void> {
    const { repos, logger, config } = this.deps;
    try {
      const inbox = repos.inbox.prune(now - KEEP_UPDATES_MS);
      const processed = repos.updates.prune(now - KEEP_UPDATES_MS);
      if (inbox + processed > 0) logger.info({ inbox, processed }, "old update rows pruned");
    } catch (err) {
      logger.error({ err }, "pruning failed");
    }
    if (config.backupKeep === 0) return;
    const newest = listBackups(config.backupDir)[0];
    if (newest && now - newest.takenAt < DAY_MS) return;
    try {
      const file = await backupInto(this.deps.db.$client, config.backupDir, config.backupKeep, now);
      logger.info({ path: file.path, bytes: file.bytes }, "daily backup written");
    } catch (err) {
      logger.error({ err }, "daily backup failed");
    }
  }
}
