// Runs the real entry point as `npm start` does: the compiled dist/main.js, rebuilt
// first when the sources changed (the same staleness check as `prestart`), with the
// start script's environment settings and node flags.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach } from "vitest";
import type { FakeTelegram } from "../fake-telegram/index.js";

/** The compiled entry point `npm start` runs. */
export const BOT_MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
const BUILD = fileURLToPath(new URL("../../scripts/build.mjs", import.meta.url));
const PACKAGE = fileURLToPath(new URL("../../package.json", import.meta.url));

/** `npm start`'s script, `[NAME=value …] [exec] node [flag …] dist/main.js`, taken apart. */
export function startCommand(): { env: Record<string, string>; nodeArgs: string[] } {
  const script = (JSON.parse(readFileSync(PACKAGE, "utf8")) as { scripts: { start: string } }).scripts.start;
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let i = 0;
  for (; /^[A-Z_][A-Z0-9_]*=/.test(words[i] ?? ""); i++) {
    const [name, ...value] = words[i]!.split("=");
    env[name!] = value.join("=");
  }
  if (words[i] === "exec") i++;
  const end = words.indexOf("dist/main.js");
  if (words[i] !== "node" || end !== words.length - 1) throw new Error(`unexpected start script: ${script}`);
  return { env, nodeArgs: words.slice(i + 1, end) };
}

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
  const start = startCommand();
  const child = spawn(process.execPath, args ?? [...start.nodeArgs, BOT_MAIN], {
    cwd,
    env: { PATH: process.env["PATH"] ?? "", NODE_PATH: "", LOG_LEVEL: "warn", ...(args ? {} : start.env), ...env },
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

/** Kills the test's bot process (SIGKILL) and closes its fake Bot API after each test. */
export function killAfterEach(current: () => { bot: BotProcess | undefined; fake: FakeTelegram | undefined }): void {
  afterEach(async () => {
    const { bot, fake } = current();
    bot?.child.kill("SIGKILL");
    await bot?.exited;
    await fake?.close();
  });
}

/** Polls `check` until it holds; a check that throws (a file not there yet) counts as not yet. */
export async function until(what: string, check: () => boolean, timeoutMs = 45_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (check()) return;
    } catch {
      // not there yet
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One number read from the bot's database file (read-only, beside the running process). */
export function countIn(path: string, sql: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}
