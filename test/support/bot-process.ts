// Runs the real entry point (src/main.ts, as `npm start` does) as a child process.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
// tsx's loader by absolute URL: the child may run in a temporary folder with no node_modules.
const TSX = new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).href;

export interface BotProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  out(): string;
  err(): string;
  /** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. */
  crash(): Promise<void>;
}

/** `args`: node's arguments instead of the bot's entry point (another script). */
export function startBotProcess(env: Record<string, string>, cwd: string, args = ["--import", TSX, MAIN]): BotProcess {
  const child = spawn(process.execPath, args, {
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
