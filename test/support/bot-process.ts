// Runs the real entry point as `npm start` does: the compiled dist/main.js, rebuilt
// first when the sources changed (the same staleness check as `prestart`).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The compiled entry point `npm start` runs. */
export const BOT_MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
const BUILD = fileURLToPath(new URL("../../scripts/build.mjs", import.meta.url));

let built = false;
/** `npm run prestart`'s step, once per test process (vitest's global setup runs it first). */
export function ensureBuilt(): void {
  if (built) return;
  execFileSync(process.execPath, [BUILD, "--if-stale"], { stdio: ["ignore", "ignore", "inherit"] });
  built = true;
}

export interface BotProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  out(): string;
  err(): string;
  /** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. */
  crash(): Promise<void>;
}

/** `args`: node's arguments instead of the bot's entry point (another script). */
export function startBotProcess(env: Record<string, string>, cwd: string, args?: string[]): BotProcess {
  if (!args) ensureBuilt();
  const child = spawn(process.execPath, args ?? [BOT_MAIN], {
    cwd,
    env: { PATH: process.env["PATH"] ?? "", NODE_PATH: "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    out: () => stdout,
    err: () => stderr,
    async crash() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** A free-looking local port (tests run a few processes at a time). */
export function randomPort(): number {
  return 20_000 + Math.floor(Math.random() * 30_000);
}
