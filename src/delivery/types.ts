// Public types of the delivery layer (scheduled posts to group and private chats).
import type { InputRichMessage } from "grammy/types";
import type { Logger } from "pino";
import type { LimiterWindows } from "./limiter.js";
import type { RichGate } from "./rich.js";

export interface Outgoing {
  chatId: number;
  /** Forum topic: message_thread_id. */
  threadId?: number;
  /** Text (HTML parse mode), ≤ 4096 visible chars; or the caption when `photo` is set. */
  html: string;
  photo?: { data: Buffer; filename: string };
  /** The same text as a rich message (native tables): sent instead of `html` where the chat takes one. */
  rich?: InputRichMessage | null;
  /** A message in a group that only this user sees (an ephemeral message); no photo. */
  ephemeralTo?: number;
  /** Caller's label for logs, e.g. "summary:team 5". */
  label?: string;
  /**
   * Called with each part's message id the moment Telegram answers, before anything
   * else runs (no other send, no other post's work): a caller that must never send a
   * part twice records it here, synchronously, so a crash right after loses nothing.
   * Parts: the text; or the photo, then its text when the caption did not fit.
   */
  onPartSent?(messageId: number, part: number): void;
}

export type DeliveryOutcome =
  | { status: "sent"; chatId: number; messageIds: number[] }
  /** 403: the user blocked the bot, or it was kicked, or the chat is gone. */
  | { status: "blocked"; chatId: number; description: string }
  /** Anything else, after the retries the layer allows itself. */
  | { status: "failed"; chatId: number; description: string };

export interface DeliveryHooks {
  /** A group became a supergroup: persist the new id (later posts should use it). */
  onMigrated?(oldChatId: number, newChatId: number): void | Promise<void>;
  onBlocked?(chatId: number, description: string): void | Promise<void>;
}

/** Telegram's limits, in the units its docs use. */
export interface DeliveryLimits {
  globalPerSecond?: number;
  perGroupPerMinute?: number;
  perPrivatePerSecond?: number;
}

export interface DeliveryOptions {
  limits?: DeliveryLimits;
  /** Exact windows, overriding `limits` (tests use short windows to stay fast). */
  windows?: Partial<LimiterWindows>;
  hooks?: DeliveryHooks;
  /** Which chats get rich messages (none when omitted). */
  rich?: RichGate;
  logger?: Logger;
  now?: () => number;
  /** Waits `ms`; should resolve early (or reject) when `signal` aborts, so no timer outlives the queue. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How many 429s per message (ones auto-retry did not absorb) are waited out before giving up. Default 3. */
  maxRateLimitRetries?: number;
}

export interface DeliveryStatsSnapshot {
  /** Messages accepted and not finished yet (waiting or being sent). */
  queued: number;
  sent: number;
  blocked: number;
  failed: number;
  /** Group → supergroup migrations followed. */
  migrated: number;
}

export interface Delivery {
  /** Queues a message; resolves when it is delivered or given up. Never rejects. */
  send(msg: Outgoing): Promise<DeliveryOutcome>;
  sendMany(msgs: Outgoing[]): Promise<DeliveryOutcome[]>;
  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void>;
  stats(): DeliveryStatsSnapshot;
}
