// A virtual clock for the delivery layer: `now` and an abortable `sleep` that
// only fire when the test advances time, so minutes of rate-limit waiting
// run in milliseconds and every timestamp is exact.
import { setImmediate as flushIo } from "node:timers/promises";

interface Timer {
  at: number;
  resolve: () => void;
}

export class FakeClock {
  private current: number;
  private timers: Timer[] = [];

  constructor(start = 0) {
    this.current = start;
  }

  readonly now = (): number => this.current;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      const timer: Timer = { at: this.current + Math.max(0, ms), resolve };
      this.timers.push(timer);
      signal?.addEventListener("abort", () => {
        this.timers = this.timers.filter((t) => t !== timer);
        resolve();
      });
    });

  pendingTimers(): number {
    return this.timers.length;
  }

  /** Lets every promise chain that can progress without time passing do so. */
  async settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await flushIo();
  }

  /** Moves time forward to `target`, firing timers in order on the way. */
  async advanceTo(target: number): Promise<void> {
    await this.settle();
    for (;;) {
      const next = this.earliest();
      if (!next || next.at > target) break;
      this.fire(next);
      await this.settle();
    }
    this.current = Math.max(this.current, target);
    await this.settle();
  }

  /** Fires timers one after another until `done` settles; throws if nothing is left to fire (a hang). */
  async runUntil<T>(done: Promise<T>, maxMs = 24 * 3600_000): Promise<T> {
    let finished = false;
    const result = done.finally(() => (finished = true));
    await this.settle();
    while (!finished) {
      const next = this.earliest();
      if (!next) throw new Error(`stuck at t=${this.current}: nothing to wait for, but not done`);
      if (next.at > maxMs) throw new Error(`still not done at t=${next.at}`);
      this.fire(next);
      await this.settle();
    }
    return result;
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) if (!best || t.at < best.at) best = t;
    return best;
  }

  private fire(timer: Timer): void {
    this.timers = this.timers.filter((t) => t !== timer);
    this.current = Math.max(this.current, timer.at);
    timer.resolve();
  }
}
