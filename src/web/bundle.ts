import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildOptions } from "esbuild";

// src/web or, compiled, dist/web: the project's root is two folders up either way.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The page's script, as `npm run build` writes it (git-ignored). */
export const BUNDLE_FILE = join(ROOT, "dist", "web", "app.js");
/** Browser code stays in src/ (the build bundles it; it is never compiled alone). */
export const CLIENT_ENTRY = join(ROOT, "src", "web", "client", "app.ts");

export interface ClientBundle {
  code: string;
  /** Content hash: the script URL carries it, so the file can be cached forever. */
  hash: string;
}

/** esbuild options shared by the npm script and the on-demand build. */
export const BUILD_OPTIONS: BuildOptions = {
  entryPoints: [CLIENT_ENTRY],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  platform: "browser",
  legalComments: "none",
};

let cached: Promise<ClientBundle> | undefined;

/**
 * The built page script: the file from `npm run build` when present, else
 * built once in memory, so a fresh checkout (or a test) works without the script step.
 */
export function clientBundle(): Promise<ClientBundle> {
  cached ??= load();
  return cached;
}

async function load(): Promise<ClientBundle> {
  let code: string;
  // A file older than the page's source is stale (edited since the last build): build afresh.
  // An install with dist/ and no src/ serves the built file as it is.
  if (existsSync(BUNDLE_FILE) && (!existsSync(CLIENT_ENTRY) || statSync(BUNDLE_FILE).mtimeMs >= statSync(CLIENT_ENTRY).mtimeMs))
    code = readFileSync(BUNDLE_FILE, "utf8");
  else {
    const { build } = await import("esbuild");
    const out = await build({ ...BUILD_OPTIONS, write: false });
    code = out.outputFiles![0]!.text;
  }
  return { code, hash: createHash("sha256").update(code).digest("hex").slice(0, 16) };
}
