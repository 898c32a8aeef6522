// Charts are drawn in a child process (chart-process.ts): drawing takes tens of
// milliseconds of synchronous canvas work, and on the bot's thread it held up replies
// and the scheduler's record of what reached a chat (a kill in that gap sent a part
// again). Jobs wait in one FIFO queue; the process draws one chart at a time. It starts
// on the first chart and stops after a minute idle, its memory going with it.
import { type ChildProcess, fork } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ChartRequest, ChartResponse } from "./chart-process.js";
import type { ChartJob } from "./draw.js";

const IDLE_MS = 60_000;
/** A chart not back by then is taken as a hung process: it is killed and the chart fails. */
const CHART_TIMEOUT_MS = 30_000;

interface Task {
  job: ChartJob;
  resolve(png: Buffer): void;
  reject(err: Error): void;
}

const HERE = new URL(".", import.meta.url);
/** Compiled (dist/): the process's own module beside this one. */
const COMPILED = import.meta.url.endsWith(".js");

let devEntry: Promise<string> | undefined;
/**
 * Running from the TypeScript sources (tsx, vitest), the entry is bundled once with
 * esbuild into node_modules/.cache (three folders deep like src/presentation/charts,
 * so its font paths still resolve, and beside node_modules, so its packages do),
 * named by its content's hash.
 */
function entryPath(): Promise<string> {
  if (COMPILED) return Promise.resolve(fileURLToPath(new URL("chart-process.js", HERE)));
  devEntry ??= (async () => {
    const { build } = await import("esbuild");
    const out = await build({
      entryPoints: [fileURLToPath(new URL("chart-process.ts", HERE))],
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
    const file = join(dir, `chart-process-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      writeFileSync(tmp, code);
      renameSync(tmp, file);
    }
    return file;
  })();
  return devEntry;
}

export class ChartPool {
  constructor(private readonly chartTimeoutMs = CHART_TIMEOUT_MS) {}

  private child: ChildProcess | undefined;
  private starting = false;
  private task: Task | undefined;
  private readonly queue: Task[] = [];
  private idleTimer: NodeJS.Timeout | undefined;
  private chartTimer: NodeJS.Timeout | undefined;

  draw(job: ChartJob): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Charts queued or being drawn. */
  get pending(): number {
    return this.queue.length + (this.task ? 1 : 0);
  }

  /** The chart process's pid while it runs (tests). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Stops the chart process (a chart in flight fails). */
  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill();
    await exited;
  }

  private dispatch(): void {
    if (this.task || this.queue.length === 0) return;
    if (this.child?.connected) {
      this.give(this.child, this.queue.shift()!);
      return;
    }
    if (!this.starting) this.spawn();
  }

  private spawn(): void {
    this.starting = true;
    entryPath().then(
      (path) => {
        this.starting = false;
        // execArgv: none of the parent's (a dev loader, inspector flags), and a 1 MB
        // young generation (−8 MB for +2 ms a chart); the environment (memory settings
        // included) is inherited.
        const child = fork(path, [], {
          serialization: "advanced",
          execArgv: ["--max-semi-space-size=1"],
          stdio: ["ignore", "inherit", "inherit", "ipc"],
        });
        this.child = child;
        child.on("message", (res: ChartResponse) => this.answered(child, res));
        child.on("error", (err) => this.lost(child, err));
        child.on("exit", (code, signal) => this.lost(child, new Error(`chart process exited (${signal ?? code})`)));
        this.idle(child);
        this.dispatch();
      },
      (err: unknown) => {
        this.starting = false;
        // No process can start: fail what waits rather than hang.
        for (const task of this.queue.splice(0)) task.reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }

  private give(child: ChildProcess, task: Task): void {
    clearTimeout(this.idleTimer);
    this.task = task;
    // Referenced only while drawing: an idle chart process never keeps the bot alive.
    child.ref();
    child.channel?.ref();
    this.chartTimer = setTimeout(() => child.kill("SIGKILL"), this.chartTimeoutMs);
    // A channel closed under us (the process just died) is reported here, not thrown.
    child.send({ job: task.job } satisfies ChartRequest, (err) => {
      if (err) child.kill("SIGKILL");
    });
  }

  private answered(child: ChildProcess, res: ChartResponse): void {
    if (this.child !== child) return;
    clearTimeout(this.chartTimer);
    const task = this.task;
    this.task = undefined;
    if (task) {
      if ("png" in res) task.resolve(Buffer.from(res.png.buffer, res.png.byteOffset, res.png.byteLength));
      else task.reject(new Error(res.error));
    }
    if (this.queue.length > 0) this.dispatch();
    else this.idle(child);
  }

  private idle(child: ChildProcess): void {
    child.unref();
    child.channel?.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.child !== child || this.task) return;
      // Let go of it first: a chart asked for before it has exited starts a new process.
      this.child = undefined;
      child.kill();
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  /** The chart process died or was stopped: its chart fails, the next one starts a new process. */
  private lost(child: ChildProcess, err: Error): void {
    if (this.child !== child) return;
    this.child = undefined;
    clearTimeout(this.idleTimer);
    clearTimeout(this.chartTimer);
    this.task?.reject(err);
    this.task = undefined;
    if (this.queue.length > 0) this.dispatch();
  }
}

/** One chart process per bot process, started on the first chart. */
export const chartPool = new ChartPool();
