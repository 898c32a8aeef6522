// Pure timing logic of outgoing sends: sliding windows per chat and overall.
// No timers, no I/O: callers pass `now`, so tests drive it with a fake clock.

/** At most `limit` sends within any `windowMs` span. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface LimiterWindows {
  /** All sends of the bot together (Telegram: about 30/s). */
  global: RateWindow;
  /** Per group / supergroup / channel, i.e. non-positive chat ids (Telegram: 20/min). */
  perGroup: RateWindow;
  /** Per private chat, i.e. positive chat ids (Telegram: about 1/s). */
  perPrivate: RateWindow;
}

export const TELEGRAM_WINDOWS: LimiterWindows = {
  global: { limit: 30, windowMs: 1000 },
  perGroup: { limit: 20, windowMs: 60_000 },
  perPrivate: { limit: 1, windowMs: 1000 },
};

/** A reserved send. It occupies its windows until `settle(at)`, and then until `at + windowMs`. */
export interface Slot {
  readonly chatId: number;
  /** Marks the send finished at `at` (idempotent: only the first call counts). */
  settle(at: number): void;
}

/**
 * One window's history: settled timestamps (ascending) plus sends still in
 * flight. An in-flight send never expires: we do not know when the server
 * counted it, only that it did so before its answer reached us. Timestamping a
 * send with the moment its answer arrived (not the moment it left) therefore
 * never undercounts the server's window, whatever the network latency.
 */
class WindowLog {
  private readonly settled: number[] = [];
  pending = 0;

  constructor(private readonly window: RateWindow) {}

  /** Earliest time >= now at which one more send fits; Infinity if only in-flight sends can free room. */
  allowedAt(now: number): number {
    this.expire(now);
    const used = this.settled.length + this.pending;
    if (used < this.window.limit) return now;
    // The oldest `excess` settled sends must leave the window first.
    const excess = used - this.window.limit + 1;
    if (excess > this.settled.length) return Infinity;
    return this.settled[excess - 1]! + this.window.windowMs;
  }

  add(at: number): void {
    // Settle times arrive almost in order; insert from the end to stay sorted.
    let i = this.settled.length;
    while (i > 0 && this.settled[i - 1]! > at) i--;
    this.settled.splice(i, 0, at);
  }

  /** True when nothing is in flight or inside the window any more (the log can be dropped). */
  isEmpty(now: number): boolean {
    this.expire(now);
    return this.pending === 0 && this.settled.length === 0;
  }

  /** Same rule as Telegram's: a send at t no longer counts from t + windowMs on. */
  private expire(now: number): void {
    let drop = 0;
    while (drop < this.settled.length && this.settled[drop]! <= now - this.window.windowMs) drop++;
    if (drop > 0) this.settled.splice(0, drop);
  }
}

const isPrivateChat = (chatId: number): boolean => chatId > 0;

export class SendLimiter {
  private readonly global: WindowLog;
  private readonly perChat = new Map<number, WindowLog>();

  constructor(private readonly windows: LimiterWindows = TELEGRAM_WINDOWS) {
    for (const w of [windows.global, windows.perGroup, windows.perPrivate]) {
      if (!(w.limit >= 1 && w.windowMs > 0)) throw new RangeError(`bad rate window ${JSON.stringify(w)}`);
    }
    this.global = new WindowLog(windows.global);
  }

  /** Earliest time >= now at which the global window has room (Infinity: wait for an answer). */
  globalAllowedAt(now: number): number {
    return this.global.allowedAt(now);
  }

  /** Earliest time >= now at which a send to `chatId` fits every window it belongs to. */
  allowedAt(chatId: number, now: number): number {
    const chat = this.perChat.get(chatId);
    return Math.max(this.global.allowedAt(now), chat ? chat.allowedAt(now) : now);
  }

  /**
   * Records a send to `chatId` leaving now. The caller checks `allowedAt(chatId, now) <= now`
   * first; reserving anyway is allowed (it just over-books) so a bug degrades into 429s, not a hang.
   */
  reserve(chatId: number): Slot {
    const chatLog = this.chatLog(chatId);
    this.global.pending++;
    chatLog.pending++;
    let settled = false;
    return {
      chatId,
      settle: (at: number) => {
        if (settled) return;
        settled = true;
        this.global.pending--;
        this.global.add(at);
        chatLog.pending--;
        chatLog.add(at);
      },
    };
  }

  /** Forgets chats with nothing in their window, so a long-running bot does not keep one log per chat ever seen. */
  prune(now: number): void {
    for (const [chatId, log] of this.perChat) if (log.isEmpty(now)) this.perChat.delete(chatId);
  }

  /** Chats with a live log (for tests and diagnostics). */
  trackedChats(): number {
    return this.perChat.size;
  }

  private chatLog(chatId: number): WindowLog {
    let log = this.perChat.get(chatId);
    if (!log) {
      log = new WindowLog(isPrivateChat(chatId) ? this.windows.perPrivate : this.windows.perGroup);
      this.perChat.set(chatId, log);
    }
    return log;
  }
}
