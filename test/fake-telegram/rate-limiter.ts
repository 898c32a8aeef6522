import { ApiError } from "./api-error.js";
import type { RateLimitOptions, RateWindow } from "./types.js";

export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = {
  global: { limit: 30, windowMs: 1000 },
  perGroup: { limit: 20, windowMs: 60_000 },
  // 1 message/s on average, but 3 quick replies in a row are fine.
  perPrivateChat: { limit: 3, windowMs: 3000 },
};

/**
 * Sliding-window limiter mirroring Telegram's documented send limits.
 * Only admitted sends are remembered, so a bot that retries too early keeps
 * getting 429 without making its own situation worse (as on Telegram).
 */
export class RateLimiter {
  private readonly limits: Required<RateLimitOptions>;
  private readonly global: number[] = [];
  private readonly perChat = new Map<string, number[]>();

  constructor(
    options: true | RateLimitOptions,
    private readonly now: () => number,
  ) {
    this.limits = { ...DEFAULT_RATE_LIMITS, ...(options === true ? {} : options) };
  }

  /** Throws a 429 ApiError if a send to `chatId` is not allowed now; otherwise records it. */
  admit(chatId: number | string): void {
    const now = this.now();
    const chatWindow = isPrivate(chatId) ? this.limits.perPrivateChat : this.limits.perGroup;
    const chatLog = this.perChat.get(String(chatId)) ?? [];
    const allowedAt = Math.max(allowedFrom(this.global, this.limits.global, now), allowedFrom(chatLog, chatWindow, now));
    if (allowedAt > now) {
      const retryAfter = Math.max(1, Math.ceil((allowedAt - now) / 1000));
      throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    this.global.push(now);
    chatLog.push(now);
    this.perChat.set(String(chatId), chatLog);
  }
}

/** Drops expired timestamps and returns the earliest time another send fits in the window. */
function allowedFrom(log: number[], window: RateWindow, now: number): number {
  while (log.length > 0 && log[0]! <= now - window.windowMs) log.shift();
  if (log.length < window.limit) return now;
  return log[log.length - window.limit]! + window.windowMs;
}

function isPrivate(chatId: number | string): boolean {
  return typeof chatId === "number" && chatId > 0;
}
