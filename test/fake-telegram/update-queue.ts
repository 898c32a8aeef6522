import type { Update } from "grammy/types";
import { ApiError } from "./api-error.js";

/** Rejection for a long poll whose HTTP client went away; nothing is answered or recorded. */
export class RequestAborted extends Error {
  constructor() {
    super("request aborted by the client");
  }
}

interface Entry {
  update: Update;
  /** Redelivered: handed out once more even if an offset already confirmed it. */
  forced: boolean;
}

interface Waiter {
  offset: number;
  limit: number;
  resolve: (updates: Update[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * What Telegram delivers when a bot never chose (or chose an empty list): every
 * kind except these, which must be asked for by name.
 */
const OPT_IN_KINDS = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

/** The kind of an update: its one field besides update_id ("message", "chat_member", ...). */
export function updateKind(update: Omit<Update, "update_id">): string {
  return Object.keys(update).find((k) => k !== "update_id") ?? "";
}

export interface GetUpdatesParams {
  offset?: number | undefined;
  limit?: number | undefined;
  /** Seconds to hold the request open while there is nothing to deliver. */
  timeout?: number | undefined;
}

/**
 * The server side of getUpdates: updates stay queued until a later call
 * confirms them with a higher `offset`, exactly like Telegram, so tests can
 * observe redelivery after a crash and the effect of `bot.stop()` saving the offset.
 */
export class UpdateQueue {
  private queue: Entry[] = [];
  private readonly history = new Map<number, Update>();
  private nextId = 1000;
  private waiter: Waiter | undefined;
  /** The last allowed_updates list given (getUpdates or setWebhook); null: never given. */
  private allowed: ReadonlySet<string> | null = null;

  /**
   * Remembers the kinds the bot asked for, as Telegram does: a later call
   * without the field keeps the previous list; an empty list means the default.
   */
  setAllowed(kinds: unknown): void {
    if (!Array.isArray(kinds)) return;
    this.allowed = kinds.length > 0 ? new Set(kinds.map(String)) : null;
    this.queue = this.queue.filter((e) => this.isAllowed(e.update));
  }

  /** Whether Telegram would deliver this update to the bot at all. */
  isAllowed(update: Omit<Update, "update_id">): boolean {
    const kind = updateKind(update);
    return this.allowed ? this.allowed.has(kind) : !OPT_IN_KINDS.has(kind);
  }

  allowedKinds(): string[] | null {
    return this.allowed ? [...this.allowed] : null;
  }

  push(partial: Omit<Update, "update_id">): number {
    const update = { ...partial, update_id: this.nextId++ } as Update;
    this.history.set(update.update_id, update);
    // A kind the bot did not ask for is never delivered (Telegram drops it).
    if (this.isAllowed(update)) this.queue.push({ update, forced: false });
    this.wake();
    return update.update_id;
  }

  get(updateId: number): Update | undefined {
    return this.history.get(updateId);
  }

  /** Queues a known update again with its original update_id. */
  redeliver(updateId: number): void {
    const update = this.history.get(updateId);
    if (!update) throw new Error(`redeliver: unknown update_id ${updateId}`);
    const queued = this.queue.find((e) => e.update.update_id === updateId);
    if (queued) queued.forced = true;
    else this.queue.push({ update, forced: true });
    this.queue.sort((a, b) => a.update.update_id - b.update.update_id);
    this.wake();
  }

  /** Updates not yet confirmed by an offset. */
  pending(): number {
    return this.queue.length;
  }

  /** Queued updates in order, without taking them (the webhook pusher). */
  peekAll(): Update[] {
    return this.queue.map((e) => e.update);
  }

  /** Confirms one update (a webhook answered 2xx for it). */
  confirmOne(updateId: number): void {
    this.queue = this.queue.filter((e) => e.update.update_id !== updateId);
  }

  clear(): void {
    this.queue = [];
  }

  take(params: GetUpdatesParams, signal: AbortSignal): Promise<Update[]> {
    const offset = params.offset ?? 0;
    const limit = Math.min(Math.max(params.limit ?? 100, 1), 100);
    this.confirm(offset);
    const ready = this.select(offset, limit);
    const timeoutMs = Math.max(params.timeout ?? 0, 0) * 1000;
    if (ready.length > 0 || timeoutMs === 0) return Promise.resolve(ready);

    this.terminatePreviousPoll();
    return new Promise<Update[]>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(waiter.timer);
        signal.removeEventListener("abort", onAbort);
        if (this.waiter === waiter) this.waiter = undefined;
      };
      const onAbort = (): void => {
        done();
        reject(new RequestAborted());
      };
      const waiter: Waiter = {
        offset,
        limit,
        resolve: (updates) => {
          done();
          resolve(updates);
        },
        reject: (error) => {
          done();
          reject(error);
        },
        timer: setTimeout(() => waiter.resolve([]), timeoutMs),
      };
      signal.addEventListener("abort", onAbort);
      this.waiter = waiter;
    });
  }

  /** Answers a held long poll with no updates (used on close, so nothing hangs). */
  releaseAll(): void {
    this.waiter?.resolve([]);
  }

  /** Negative offsets keep the last -offset updates, as documented for getUpdates. */
  private confirm(offset: number): void {
    if (offset < 0) this.queue = this.queue.slice(offset);
    else if (offset > 0) this.queue = this.queue.filter((e) => e.forced || e.update.update_id >= offset);
  }

  private select(offset: number, limit: number): Update[] {
    this.queue = this.queue.filter((e) => this.isAllowed(e.update));
    const batch = this.queue.filter((e) => e.forced || e.update.update_id >= offset).slice(0, limit);
    for (const entry of batch) entry.forced = false; // redelivered once; a later offset confirms it
    return batch.map((e) => e.update);
  }

  private wake(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    const ready = this.select(waiter.offset, waiter.limit);
    if (ready.length > 0) waiter.resolve(ready);
  }

  /**
   * Telegram ends the older of two concurrent long polls with 409. The check is
   * deferred a little because `bot.stop()` aborts its poll and immediately
   * polls again; the abort must be seen first or we would answer a dead socket.
   */
  private terminatePreviousPoll(): void {
    const previous = this.waiter;
    if (!previous) return;
    this.waiter = undefined;
    setTimeout(() => {
      previous.reject(
        new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"),
      );
    }, 20);
  }
}
