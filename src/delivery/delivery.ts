// The delivery layer: queues scheduled posts per chat and sends them as fast
// as Telegram's limits allow, without provoking 429s, fairly across chats.
import { setTimeout as delay } from "node:timers/promises";
import type { Api } from "grammy";
import type { Logger } from "pino";
import { classifySendError, type SendFailure } from "./errors.js";
import { FairQueue } from "./fair-queue.js";
import { useHtmlByDefault } from "./html-default.js";
import { type LimiterWindows, type RateWindow, SendLimiter, type Slot, TELEGRAM_WINDOWS } from "./limiter.js";
import { invalidReason, type Part, planParts, sendPart } from "./parts.js";
import type { RichGate } from "./rich.js";
import type {
  Delivery,
  DeliveryHooks,
  DeliveryLimits,
  DeliveryOptions,
  DeliveryOutcome,
  DeliveryStatsSnapshot,
  Outgoing,
} from "./types.js";

const DEFAULT_MAX_429_RETRIES = 3;

/** One accepted Outgoing while it is being delivered. */
interface Job {
  msg: Outgoing;
  parts: Part[];
  /** Index of the next part to send; parts before it are delivered and never sent again. */
  next: number;
  /** Where it goes now (changes when the group migrates); also its queue key. */
  chatId: number;
  messageIds: number[];
  followedMigration: boolean;
  rateLimited: number;
  /** A send (or its aftermath) is in progress: the job must not be picked again. */
  busy: boolean;
  resolve(outcome: DeliveryOutcome): void;
}

/** Abortable sleep: an abandoned wait must not keep the process alive for up to a minute. */
const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  delay(ms, undefined, signal ? { signal } : {}).catch(() => undefined);

/** "n per unit" → a sliding window; rates below 1 per unit become 1 per longer window. */
function perUnit(rate: number | undefined, unitMs: number, fallback: RateWindow): RateWindow {
  if (rate === undefined) return fallback;
  if (!(rate > 0)) throw new RangeError(`rate limit must be positive, got ${rate}`);
  return rate >= 1 ? { limit: Math.floor(rate), windowMs: unitMs } : { limit: 1, windowMs: Math.ceil(unitMs / rate) };
}

function resolveWindows(limits: DeliveryLimits = {}, windows: Partial<LimiterWindows> = {}): LimiterWindows {
  return {
    global: windows.global ?? perUnit(limits.globalPerSecond, 1000, TELEGRAM_WINDOWS.global),
    perGroup: windows.perGroup ?? perUnit(limits.perGroupPerMinute, 60_000, TELEGRAM_WINDOWS.perGroup),
    perPrivate: windows.perPrivate ?? perUnit(limits.perPrivatePerSecond, 1000, TELEGRAM_WINDOWS.perPrivate),
  };
}

export function createDelivery(api: Api, opts: DeliveryOptions = {}): Delivery {
  useHtmlByDefault(api);
  return new Dispatcher(api, opts);
}

class Dispatcher implements Delivery {
  private readonly limiter: SendLimiter;
  private readonly queue = new FairQueue<number, Job>();
  /** Old group id → supergroup id, so later posts to the old id go straight to the new one. */
  private readonly migrations = new Map<number, number>();
  /** Chat → time before which it must not be sent to (a 429 that reached us). */
  private readonly pausedUntil = new Map<number, number>();
  private readonly accepted = new WeakMap<Outgoing, Promise<DeliveryOutcome>>();
  private readonly counts = { sent: 0, blocked: 0, failed: 0, migrated: 0 };
  private readonly idleWaiters: (() => void)[] = [];
  private readonly hooks: DeliveryHooks;
  private readonly log: Logger | undefined;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly maxRateLimitRetries: number;
  private readonly rich: RichGate | undefined;
  private pumping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly api: Api,
    opts: DeliveryOptions,
  ) {
    this.limiter = new SendLimiter(resolveWindows(opts.limits, opts.windows));
    this.hooks = opts.hooks ?? {};
    this.rich = opts.rich;
    this.log = opts.logger;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? defaultSleep;
    this.maxRateLimitRetries = opts.maxRateLimitRetries ?? DEFAULT_MAX_429_RETRIES;
  }

  send(msg: Outgoing): Promise<DeliveryOutcome> {
    // The same object handed in twice (a retried scheduler tick) is delivered once.
    const existing = this.accepted.get(msg);
    if (existing) return existing;
    const outcome = this.accept(msg);
    this.accepted.set(msg, outcome);
    return outcome;
  }

  sendMany(msgs: Outgoing[]): Promise<DeliveryOutcome[]> {
    return Promise.all(msgs.map((m) => this.send(m)));
  }

  idle(): Promise<void> {
    if (this.queue.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stats(): DeliveryStatsSnapshot {
    return { queued: this.queue.size, ...this.counts };
  }

  private accept(msg: Outgoing): Promise<DeliveryOutcome> {
    const parts = planParts(msg);
    const invalid = invalidReason(msg, parts);
    if (invalid) {
      this.counts.failed++;
      this.log?.warn({ chatId: msg.chatId, label: msg.label, reason: invalid }, "delivery: refused before sending");
      return Promise.resolve({ status: "failed", chatId: msg.chatId, description: invalid });
    }
    return new Promise((resolve) => {
      const chatId = this.currentId(msg.chatId);
      const job: Job = {
        msg,
        parts,
        next: 0,
        chatId,
        messageIds: [],
        followedMigration: false,
        rateLimited: 0,
        busy: false,
        resolve,
      };
      this.queue.push(chatId, job);
      this.kick();
    });
  }

  /** Follows known migrations (a chain at most as long as the map, in case of a cycle). */
  private currentId(chatId: number): number {
    let id = chatId;
    for (let hops = 0; hops <= this.migrations.size; hops++) {
      const next = this.migrations.get(id);
      if (next === undefined) return id;
      id = next;
    }
    return id;
  }

  /** Starts the pump, or wakes it if it is waiting for a timer (new work or a freed slot). */
  private kick(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
    if (this.pumping) return;
    this.pumping = true;
    // Started on the next microtask, so a batch queued in one go is scheduled as a whole (fairly).
    queueMicrotask(() => void this.pump());
  }

  /**
   * The only place sends start. Each turn sends to every chat that may send
   * now (round-robin, so a backlogged or rate-capped chat does not hold up the
   * others), then sleeps until the earliest moment another send could fit, or
   * until woken by an answer or a new message.
   */
  private async pump(): Promise<void> {
    try {
      while (this.queue.size > 0) {
        const now = this.now();
        const globalAt = this.limiter.globalAllowedAt(now);
        if (globalAt <= now) {
          const chatId = this.queue.pick((id, head) => !head.busy && this.readyAt(id, now) <= now);
          if (chatId !== undefined) {
            this.start(this.queue.peek(chatId)!);
            continue;
          }
        }
        // While the global window is full nobody can send: no need to look at every chat.
        const wakeAt = globalAt > now ? globalAt : this.earliestReady(now);
        await this.waitUntil(wakeAt, now);
      }
    } catch (error) {
      this.log?.error({ err: error }, "delivery: scheduler loop failed");
    } finally {
      // Cleared in the very tick the loop saw an empty queue (not a tick later, e.g. in a
      // .finally()): a message accepted right after must start a new pump, not be stranded.
      this.pumping = false;
    }
  }

  private readyAt(chatId: number, now: number): number {
    return Math.max(this.limiter.allowedAt(chatId, now), this.pausedUntil.get(chatId) ?? 0);
  }

  private earliestReady(now: number): number {
    let earliest = Infinity;
    for (const chatId of this.queue.keys()) {
      if (this.queue.peek(chatId)!.busy) continue;
      earliest = Math.min(earliest, this.readyAt(chatId, now));
    }
    // Never spin: if something claims to be ready but was not picked, look again a tick later.
    return earliest <= now ? now + 1 : earliest;
  }

  /** Infinity means "until an answer frees a slot": every answer kicks the pump. */
  private async waitUntil(at: number, now: number): Promise<void> {
    const woken = new Promise<void>((resolve) => (this.wake = resolve));
    if (at === Infinity) return woken;
    const timer = new AbortController();
    await Promise.race([this.sleep(at - now, timer.signal), woken]);
    timer.abort();
    this.wake = undefined;
  }

  private start(job: Job): void {
    job.busy = true;
    const slot = this.limiter.reserve(job.chatId);
    void this.run(job, slot);
  }

  private async run(job: Job, slot: Slot): Promise<void> {
    let failure: SendFailure | undefined;
    try {
      const messageId = await sendPart(this.api, job.chatId, job.msg.threadId, job.parts[job.next]!, {
        ...(this.rich ? { rich: this.rich } : {}),
        ephemeralTo: job.msg.ephemeralTo,
      });
      job.messageIds.push(messageId);
      this.partSent(job, messageId, job.next++);
    } catch (error) {
      failure = classifySendError(error);
    } finally {
      // The answer's arrival bounds when the server counted the send (see limiter.ts).
      slot.settle(this.now());
    }
    try {
      if (failure) await this.handleFailure(job, failure);
      else if (job.next === job.parts.length) {
        this.finish(job, { status: "sent", chatId: job.chatId, messageIds: job.messageIds });
      }
    } catch (error) {
      // Only a bug gets here; the message must still settle.
      this.finish(job, { status: "failed", chatId: job.chatId, description: `internal: ${String(error)}` });
    } finally {
      job.busy = false;
      this.kick();
    }
  }

  /** The caller's record of a part that reached the chat; its failure is logged, the part stays sent. */
  private partSent(job: Job, messageId: number, part: number): void {
    try {
      job.msg.onPartSent?.(messageId, part);
    } catch (error) {
      this.log?.error({ err: error, label: job.msg.label, messageId }, "delivery: recording a sent part failed");
    }
  }

  private async handleFailure(job: Job, failure: SendFailure): Promise<void> {
    switch (failure.kind) {
      case "blocked":
        return this.blocked(job, failure.description);
      case "migrated":
        return this.migrated(job, failure.newChatId, failure.description);
      case "rateLimited": {
        if (++job.rateLimited > this.maxRateLimitRetries) {
          this.finish(job, { status: "failed", chatId: job.chatId, description: failure.description });
          return;
        }
        // Someone else spends the same budget (interactive replies, another process), or auto-retry gave up.
        this.pausedUntil.set(job.chatId, this.now() + failure.retryAfterMs);
        this.log?.warn(
          { chatId: job.chatId, label: job.msg.label, retryAfterMs: failure.retryAfterMs },
          "delivery: 429 reached the delivery layer",
        );
        return;
      }
      case "failed":
        this.finish(job, { status: "failed", chatId: job.chatId, description: failure.description });
        return;
    }
  }

  /**
   * 403 is final: no retry. The other posts already queued for that chat would
   * get the same answer, so they end as blocked without spending the budget.
   */
  private async blocked(job: Job, description: string): Promise<void> {
    const chatId = job.chatId;
    this.finish(job, { status: "blocked", chatId, description });
    for (const other of this.queue.drain(chatId, (j) => j.busy)) {
      this.finish(other, { status: "blocked", chatId, description });
    }
    await this.callHook("onBlocked", () => this.hooks.onBlocked?.(chatId, description));
  }

  private async migrated(job: Job, newChatId: number, description: string): Promise<void> {
    if (job.followedMigration || newChatId === job.chatId) {
      this.finish(job, { status: "failed", chatId: job.chatId, description });
      return;
    }
    const oldChatId = job.chatId;
    job.followedMigration = true;
    this.migrations.set(oldChatId, newChatId);
    this.counts.migrated++;
    // The whole backlog of the old id moves with it; `job` stays busy, so it is not re-sent before the hook ran.
    for (const queued of this.queue.items(oldChatId)) queued.chatId = newChatId;
    this.queue.merge(oldChatId, newChatId);
    this.pausedUntil.delete(oldChatId);
    this.log?.info({ oldChatId, newChatId, label: job.msg.label }, "delivery: group migrated to a supergroup");
    await this.callHook("onMigrated", () => this.hooks.onMigrated?.(oldChatId, newChatId));
  }

  /** Hook failures are logged, never turned into delivery failures (the message did go out, or will). */
  private async callHook(name: string, call: () => void | Promise<void>): Promise<void> {
    try {
      await call();
    } catch (error) {
      this.log?.error({ err: error, hook: name }, "delivery: hook failed");
    }
  }

  private finish(job: Job, outcome: DeliveryOutcome): void {
    this.queue.remove(job.chatId, job);
    this.counts[outcome.status]++;
    if (outcome.status !== "sent") {
      this.log?.warn({ label: job.msg.label, ...outcome }, `delivery: ${outcome.status}`);
    }
    job.resolve(outcome);
    if (this.queue.size === 0) this.becameIdle();
  }

  private becameIdle(): void {
    // Nothing left: forget per-chat windows and pauses that no longer matter.
    const now = this.now();
    this.limiter.prune(now);
    for (const [chatId, until] of this.pausedUntil) if (until <= now) this.pausedUntil.delete(chatId);
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
