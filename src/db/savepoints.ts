import type { Db } from "./client.js";

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Runs `fn` for each item in a savepoint of its own, inside the caller's transaction:
 * an item that throws is rolled back alone and reported in its outcome. Some errors (a
 * full disk, an I/O error) end the whole transaction, not the savepoint: the items
 * before are gone with it, and the ones after must not run outside it (each would
 * commit on its own while its caller is told it failed), so such an error is rethrown.
 */
export function eachInSavepoint<T, R>(sqlite: Db["$client"], items: readonly T[], fn: (item: T) => R): Outcome<R>[] {
  const one = sqlite.transaction(fn);
  const outcomes: Outcome<R>[] = [];
  for (const item of items) {
    try {
      outcomes.push({ ok: true, value: one(item) });
    } catch (error) {
      if (!sqlite.inTransaction) throw error;
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}
