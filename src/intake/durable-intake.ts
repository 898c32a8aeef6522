import {
  createConcurrentSink,
  createRunner,
  createSource,
  createUpdateFetcher,
  type RunnerHandle,
  type UpdateSupplier,
} from "@grammyjs/runner";
import type { Bot, Context } from "grammy";
import type { Update } from "grammy/types";
import type { AppDeps } from "../services/deps.js";

/** runner's abort signal (its own shim type). */
type RunnerSignal = Parameters<UpdateSupplier<Update>["supply"]>[1];

/**
 * Updates handled at once by default. Updates of one chat or one person run in turn
 * (`sequentialize`), so beyond the chats active at once more in flight only wait in
 * memory — in a burst, garbage collection then costs every update more (bench:ingest:
 * about 20 % of the CPU per update at runner's default of 500). A hundred chats progressing
 * at once is far beyond what Telegram lets a bot answer (about 30 messages a second); what
 * waits stays in the inbox.
 */
export const INTAKE_CONCURRENCY = 100;
/** Telegram's most updates per getUpdates. */
const MAX_FETCH = 100;
/** How long a fetch may wait for a quarter of the slots to free (see `supply`). */
const FETCH_GATHER_MS = 20;

export interface IntakeOptions {
  /** Updates handled at once (runner's concurrent sink; default INTAKE_CONCURRENCY). */
  concurrency?: number;
  /** Starts that may replay an update before it is given up (it keeps killing the process). */
  maxReplays?: number;
}

export interface IntakeStats {
  /** Stored in this process (new ones only). */
  received: number;
  /** Handled in this process (replayed ones included). */
  handled: number;
  /** Taken in (stored or replayed) and not handled yet. */
  backlog: number;
  /** When the last update finished handling (ms), or null. */
  lastHandledAt: number | null;
}

/** The runner over the inbox: `stopRunner(intake.runner)` stops it gracefully. */
export interface Intake {
  runner: RunnerHandle;
  stats(): IntakeStats;
}

export interface WebhookIntake extends Intake {
  /**
   * Stores an update (synced to disk) and queues it for handling; resolves once it is
   * stored, so the webhook can answer Telegram at once. An update stored before (a
   * redelivery) is not queued again. Rejects when it could not be stored: the webhook
   * then fails and Telegram delivers it again.
   */
  accept(update: Update): Promise<void>;
}

/**
 * Waits for updates pushed by the webhook server; the runner pulls them like it
 * pulls getUpdates batches.
 */
class PushQueue {
  private items: Update[] = [];
  private wake: (() => void) | undefined;

  push(updates: Update[]): void {
    this.items.push(...updates);
    this.wake?.();
  }

  async take(max: number, signal: RunnerSignal): Promise<Update[]> {
    while (this.items.length === 0) {
      if (signal.aborted) throw new Error("aborted");
      await new Promise<void>((resolve) => {
        const done = () => {
          this.wake = undefined;
          signal.removeEventListener("abort", done);
          resolve();
        };
        this.wake = done;
        signal.addEventListener("abort", done);
      });
    }
    return this.items.splice(0, max);
  }
}

/**
 * Shared by both modes: the updates a previous process stored but never finished
 * go first (in update order, so per-chat order holds through `sequentialize`), then
 * whatever `next` supplies; each handled update is counted for the health check.
 */
function startIntake<C extends Context>(
  bot: Bot<C>,
  deps: AppDeps,
  stats: IntakeStats,
  next: (batchSize: number, signal: RunnerSignal) => Promise<Update[]>,
  opts: IntakeOptions,
): Intake {
  const { inbox, updates: processed } = deps.repos;
  const maxReplays = opts.maxReplays ?? 3;

  const replay: Update[] = [];
  for (const p of inbox.pending()) {
    if (p.replays < maxReplays) replay.push(p.update);
    else {
      deps.logger.error({ update_id: p.update.update_id }, `update given up: ${maxReplays} starts did not finish it`);
      processed.markProcessed(p.update.update_id, deps.now());
    }
  }
  inbox.countReplays(replay.map((u) => u.update_id));
  if (replay.length > 0) deps.logger.warn({ updates: replay.length }, "handling updates left unhandled by the previous run");
  stats.backlog += replay.length;

  const concurrency = opts.concurrency ?? INTAKE_CONCURRENCY;
  // Woken each time an update is handled (a slot frees).
  let wake: (() => void) | undefined;
  const slotFreed = () => new Promise<void>((resolve) => (wake = resolve));
  const supplier: UpdateSupplier<Update> = {
    async supply(batchSize, signal) {
      await bot.init();
      if (replay.length > 0) return replay.splice(0, batchSize);
      // Each fetch is a getUpdates and a synced inbox write: when only a few slots are
      // free, wait a moment (at most FETCH_GATHER_MS) for more, and fetch them at once.
      const minimum = Math.ceil(concurrency / 4);
      const until = Date.now() + FETCH_GATHER_MS;
      while (concurrency - stats.backlog < minimum && !signal.aborted) {
        const left = until - Date.now();
        if (left <= 0) break;
        await Promise.race([slotFreed(), new Promise((r) => setTimeout(r, left))]);
      }
      return next(Math.max(batchSize, Math.min(MAX_FETCH, concurrency - stats.backlog)), signal);
    },
  };
  const sink = createConcurrentSink<Update, unknown>(
    {
      consume: async (update) => {
        try {
          await bot.handleUpdate(update);
        } finally {
          // skip-processed marks it too; this also covers an update some middleware
          // before it dropped, which would otherwise be replayed at every start.
          if (!processed.isProcessed(update.update_id)) processed.markProcessed(update.update_id, deps.now());
          stats.handled++;
          stats.backlog--;
          stats.lastHandledAt = deps.now();
          wake?.();
        }
      },
    },
    async (error) => {
      try {
        await bot.errorHandler(error as Parameters<typeof bot.errorHandler>[0]);
      } catch (err) {
        deps.logger.error({ err }, "error handler failed");
      }
    },
    { concurrency: opts.concurrency ?? INTAKE_CONCURRENCY },
  );
  const runner = createRunner(createSource(supplier), sink);
  runner.start();
  return { runner, stats: () => ({ ...stats }) };
}

/** Stores a batch (on the disk when it resolves); counts and returns the updates not stored before. */
async function store(deps: AppDeps, stats: IntakeStats, updates: Update[]): Promise<Update[]> {
  const fresh = await deps.repos.inbox.store(updates, deps.now());
  stats.received += fresh.length;
  stats.backlog += fresh.length;
  return fresh;
}

const emptyStats = (): IntakeStats => ({ received: 0, handled: 0, backlog: 0, lastHandledAt: null });

/**
 * Long polling through the inbox. runner's fetcher confirms a batch with the next
 * getUpdates offset, and it asks for the next batch only after this supplier has
 * returned: so storing the batch here, before returning it, is storing it before
 * Telegram is told. A batch Telegram sends again (the offset was never confirmed
 * because the process died) is stored already and is not handed out twice.
 */
export function startPollingIntake<C extends Context>(
  bot: Bot<C>,
  deps: AppDeps,
  opts: IntakeOptions & { allowedUpdates?: readonly string[]; pollTimeoutSeconds?: number } = {},
): Intake {
  // runner's own report of a failed poll prints the error as is, the request URL (token
  // included) with it; this one goes through the logger, which strips the token.
  // Every call of the bot passes here (each reply too): only getUpdates gets a wrapper.
  bot.api.config.use((prev, method, payload, signal) => {
    const call = prev(method, payload, signal);
    if (method !== "getUpdates") return call;
    return call.catch((err: unknown) => {
      if (!signal?.aborted) deps.logger.warn({ err }, "fetching updates failed: retrying");
      throw err;
    });
  });
  const fetchUpdates = createUpdateFetcher(bot, {
    silent: true,
    fetch: {
      timeout: opts.pollTimeoutSeconds ?? 30,
      ...(opts.allowedUpdates ? { allowed_updates: opts.allowedUpdates as never } : {}),
    },
  });
  const stats = emptyStats();
  return startIntake(
    bot,
    deps,
    stats,
    async (batchSize, signal) => {
      for (;;) {
        const got = await fetchUpdates(batchSize, signal);
        const fresh = await store(deps, stats, got);
        // All seen before: fetch again (which confirms them) instead of yielding nothing.
        if (fresh.length > 0 || got.length === 0) return fresh;
      }
    },
    opts,
  );
}

/** Webhook mode: the server stores each update and answers; the runner handles it from the queue. */
export function startWebhookIntake<C extends Context>(bot: Bot<C>, deps: AppDeps, opts: IntakeOptions = {}): WebhookIntake {
  const queue = new PushQueue();
  const stats = emptyStats();
  const intake = startIntake(bot, deps, stats, (batchSize, signal) => queue.take(batchSize, signal), opts);
  // Updates arrive on several connections at once and each flush ends when the disk is done
  // with it: queued in the order they were stored (one chat's messages in turn), not the
  // order their flushes ended.
  let inOrder: Promise<unknown> = Promise.resolve();
  return {
    ...intake,
    accept(update) {
      const stored = store(deps, stats, [update]);
      const queued = inOrder.then(() => stored).then((fresh) => queue.push(fresh));
      inOrder = queued.catch(() => undefined);
      return queued;
    },
  };
}
