import type { Context, Middleware, MiddlewareFn, NextFunction } from "grammy";

/**
 * Runs middleware in order, as the same `bot.use` calls one after another would,
 * but flat. grammY joins each `use` to the ones before it with an async wrapper, so
 * every update, even one the first feature answers, holds one suspended frame per
 * registered middleware (about fifty here) until its handler is done; in a burst
 * those frames outlive young-generation collections and are promoted, and the
 * collector's work was the largest single cost of an update (bench:ingest). Here a
 * middleware costs an update only when the update reaches it.
 */
export function chain<C extends Context>(middleware: readonly Middleware<C>[]): MiddlewareFn<C> {
  return (ctx, next) => {
    // What a middleware's promise resolves to is never read (grammY ignores it too).
    const step = (i: number): Promise<void> => {
      if (i === middleware.length) return next();
      const m = middleware[i]!;
      // A Composer's middleware is read per update, as grammY does (it may gain handlers later).
      const fn = typeof m === "function" ? m : m.middleware();
      let called = false;
      const rest: NextFunction = () => {
        if (called) throw new Error("`next` already called before!");
        called = true;
        return step(i + 1);
      };
      return Promise.resolve(fn(ctx, rest)) as Promise<void>;
    };
    return step(0);
  };
}
