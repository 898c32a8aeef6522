import type { Db } from "./client.js";
import { eachInSavepoint, type Outcome } from "./savepoints.js";

interface Job {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: the writes handlers ask for within one turn of the event loop run
 * together, each in its own savepoint, and commit as one transaction; each caller's
 * promise settles only after that commit, so nothing is answered before it is on
 * disk. A commit rewrites every page it touched (an entry touches its row and five
 * index pages, all at the right edge of their trees), so a burst of entries committed
 * together writes those pages once instead of once per entry.
 *
 * Each job runs synchronously inside the flush: no other code can slip a write into the
 * group, and a job that throws rolls back its own savepoint only (`eachInSavepoint`).
 */
export class GroupCommit {
  private jobs: Job[] = [];
  private scheduled = false;

  constructor(private readonly sqlite: Db["$client"]) {}

  /** Runs `fn` in the next group; resolves with its result once the group committed. */
  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs.push({ run: fn, resolve: resolve as (value: unknown) => void, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // After the I/O callbacks of this turn: every handler they woke adds its job first.
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.scheduled = false;
    const jobs = this.jobs;
    this.jobs = [];
    let outcomes: Outcome<unknown>[];
    try {
      outcomes = this.sqlite.transaction(() => eachInSavepoint(this.sqlite, jobs, (job) => job.run()))();
    } catch (error) {
      // The commit itself failed: nothing of the group is stored.
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }
}

const groups = new WeakMap<Db, GroupCommit>();

/** The database's group commit (one per connection). */
export function groupCommit(db: Db): GroupCommit {
  let group = groups.get(db);
  if (!group) {
    group = new GroupCommit(db.$client);
    groups.set(db, group);
  }
  return group;
}
