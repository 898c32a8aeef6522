import type { AppDeps } from "./deps.js";

const WINDOW_MS = 60_000;

export type HeavyVerdict = { ok: true } | { ok: false; max: number; retryInS: number };

/**
 * How many heavy requests (reports, rankings, exports, Mini App views) each person
 * started in the last minute. One per process, shared by the bot and the Mini App,
 * so neither way round the other gives more.
 */
export class HeavyRequestLimiter {
  private readonly started = new Map<number, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Counts a request by `userId` at `now`, or says when the next one is allowed (nothing counted). */
  take(userId: number, now: number): HeavyVerdict {
    const recent = (this.started.get(userId) ?? []).filter((at) => now - at < WINDOW_MS);
    if (recent.length >= this.perMinute) {
      this.started.set(userId, recent);
      return { ok: false, max: this.perMinute, retryInS: Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - now) / 1000)) };
    }
    recent.push(now);
    this.started.set(userId, recent);
    // Keeps the map to people active in the last minute.
    if (this.started.size > 1000) for (const [id, times] of this.started) if (now - times.at(-1)! >= WINDOW_MS) this.started.delete(id);
    return { ok: true };
  }
}

const limiters = new WeakMap<AppDeps, HeavyRequestLimiter>();

/** The process's limiter (one per `deps`, i.e. per running bot). */
export function heavyRequests(deps: AppDeps): HeavyRequestLimiter {
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = new HeavyRequestLimiter(deps.config.heavyRequestsPerMinute);
    limiters.set(deps, limiter);
  }
  return limiter;
}
