import { ApiError } from "./api-error.js";
import type { InjectedError } from "./types.js";

/** Errors queued with `failNext`, consumed per method in FIFO order. */
export class FailureInjector {
  private readonly queued = new Map<string, { error: InjectedError; remaining: number }[]>();

  add(method: string, error: InjectedError, times: number): void {
    if (times < 1) return;
    const list = this.queued.get(method) ?? [];
    list.push({ error, remaining: times });
    this.queued.set(method, list);
  }

  /** The error to answer this call of `method` with, if one is queued. */
  take(method: string): ApiError | undefined {
    const list = this.queued.get(method);
    const next = list?.[0];
    if (!list || !next) return undefined;
    if (--next.remaining === 0) list.shift();
    return new ApiError(next.error.error_code, next.error.description, next.error.parameters);
  }
}
