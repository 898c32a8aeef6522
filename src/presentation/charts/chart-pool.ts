// Charts are drawn in worker threads (one, or two where there are cores to spare):
// drawing takes tens of milliseconds of synchronous canvas work, and on the main
// thread it held up replies and the scheduler's bookkeeping of what reached a chat.
// Jobs wait in one FIFO queue; each worker draws one chart at a time. A worker idle
// for a minute is stopped (its chart.js and canvas memory go with it) and started
// again on the next chart.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ChartRequest, ChartResponse } from "./chart-worker.js";
import type { ChartJob } from "./draw.js";

const IDLE_MS = 60_000;

interface Task {
  job: ChartJob;
  resolve(png: Buffer): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
  idleTimer: NodeJS.Timeout | undefined;
}

const HERE = new URL(".", import.meta.url);
/** Compiled (dist/): the worker's own module beside this one. */
const COMPILED = import.meta.url.endsWith(".js");

let devWorker: Promise<URL> | undefined;
/**
 * Running from the TypeScript sources (tsx, vitest), a worker thread cannot load
 * .ts files: the worker is bundled once with esbuild into node_modules/.cache
 * (three folders deep like src/presentation/charts, so its font paths still resolve,
 * and beside node_modules, so its packages do), named by its content's hash.
 */
function workerUrl(): Promise<URL> {
  if (COMPILED) return Promise.resolve(new URL("chart-worker.js", HERE));
  devWorker ??= (async () => {
    const { build } = await import("esbuild");
    const out = await build({
      entryPoints: [fileURLToPath(new URL("chart-worker.ts", HERE))],
      bundle: true,
      packages: "external",
      format: "esm",
      platform: "node",
      target: "node20",
      write: false,
      logLevel: "warning",
    });
    const code = out.outputFiles[0]!.text;
    const dir = fileURLToPath(new URL("../../../node_modules/.cache/kpi-coach/", HERE));
    const file = join(dir, `chart-worker-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      writeFileSync(tmp, code);
      renameSync(tmp, file);
    }
    return pathToFileURL(file);
  })();
  return devWorker;
}

export class ChartPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private starting = 0;

  constructor(private readonly size: number) {}

  draw(job: ChartJob): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Charts queued or being drawn. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.task).length;
  }

  /** Stops every worker (jobs in flight fail). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.task) this.give(slot, this.queue.shift()!);
    }
    if (this.queue.length > this.starting && this.slots.length + this.starting < this.size) this.spawn();
  }

  private spawn(): void {
    this.starting++;
    workerUrl().then(
      (url) => {
        this.starting--;
        const worker = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 2 } });
        const slot: Slot = { worker, task: undefined, idleTimer: undefined };
        worker.on("message", (res: ChartResponse) => this.answered(slot, res));
        worker.on("error", (err) => this.lost(slot, err));
        worker.on("exit", (code) => this.lost(slot, new Error(`chart worker exited (code ${code})`)));
        this.slots.push(slot);
        worker.unref();
        this.dispatch();
      },
      (err: unknown) => {
        this.starting--;
        // No worker can start: fail what waits rather than hang.
        for (const task of this.queue.splice(0)) task.reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }

  private give(slot: Slot, task: Task): void {
    clearTimeout(slot.idleTimer);
    slot.task = task;
    // Ref'd only while drawing: an idle pool never keeps the process alive.
    slot.worker.ref();
    slot.worker.postMessage({ id: 0, job: task.job } satisfies ChartRequest);
  }

  private answered(slot: Slot, res: ChartResponse): void {
    const task = slot.task;
    slot.task = undefined;
    slot.worker.unref();
    if (task) {
      if ("png" in res) task.resolve(Buffer.from(res.png.buffer, res.png.byteOffset, res.png.byteLength));
      else task.reject(new Error(res.error));
    }
    if (this.queue.length > 0) this.dispatch();
    else {
      slot.idleTimer = setTimeout(() => this.retire(slot), IDLE_MS);
      slot.idleTimer.unref();
    }
  }

  private retire(slot: Slot): void {
    if (slot.task) return;
    this.remove(slot);
    void slot.worker.terminate();
  }

  /** A worker that crashed: its chart fails, the others are drawn by a new one. */
  private lost(slot: Slot, err: Error): void {
    if (!this.remove(slot)) return;
    clearTimeout(slot.idleTimer);
    slot.task?.reject(err);
    slot.task = undefined;
    if (this.queue.length > 0) this.dispatch();
  }

  private remove(slot: Slot): boolean {
    const i = this.slots.indexOf(slot);
    if (i < 0) return false;
    this.slots.splice(i, 1);
    return true;
  }
}

/** One pool per process: one worker, two where more than two cores are available. */
export const chartPool = new ChartPool(Math.min(2, Math.max(1, availableParallelism() - 1)));
