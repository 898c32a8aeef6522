// The benches' database cache. A bench database takes from seconds to minutes to
// build, so each one is built once and kept in .bench-cache/ under a key made of
// everything that decides its contents; the builder runs in a child process, so
// the bench's own peak RSS is what it measures alone. Run directly (by `fork`),
// this module is that child.

import { fork } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BenchDataOptions, type BenchDataResult, buildBenchDatabase } from "./bench-data.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CACHE = join(ROOT, ".bench-cache");
/** The generator's sources: a change to any of them means different rows. */
const GENERATOR_SOURCES = ["src/cli/bench-data.ts", "src/cli/simulate.ts", "src/domain/pipeline.ts"];

export type BuiltBenchDatabase = BenchDataResult & { peakRssMb: number };

export interface CachedBenchDatabase {
  path: string;
  /** The build's numbers, or null when the cached file was used. */
  built: BuiltBenchDatabase | null;
}

function sha(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/**
 * The build parameters, every file of the migration set (names and contents: a
 * new or changed migration means a different schema or indexes) and the
 * generator's sources.
 */
function cacheKey(params: BenchDataOptions): string {
  const migrations = filesUnder(join(ROOT, "drizzle")).map((f) => `${relative(ROOT, f)}:${sha(readFileSync(f))}`);
  const sources = GENERATOR_SOURCES.map((f) => `${f}:${sha(readFileSync(join(ROOT, f)))}`);
  return sha(JSON.stringify({ params, migrations, sources })).slice(0, 16);
}

function buildInChild(path: string, params: BenchDataOptions): Promise<BuiltBenchDatabase> {
  return new Promise((resolve, reject) => {
    // fork keeps this process's execArgv, so the child runs under tsx as well.
    const child = fork(fileURLToPath(import.meta.url), ["--build-child", path, JSON.stringify(params)], { stdio: "inherit" });
    let result: BuiltBenchDatabase | undefined;
    child.on("message", (m) => void (result = m as BuiltBenchDatabase));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 && result ? resolve(result) : reject(new Error(`bench database build failed (exit ${code})`))));
  });
}

/** Drops older caches of the same bench and size: they are stale now and only take disk space. */
function dropStale(prefix: string, size: string): void {
  for (const f of readdirSync(CACHE)) {
    if (!f.startsWith(`${prefix}-`) || !f.endsWith(".json")) continue;
    const meta = JSON.parse(readFileSync(join(CACHE, f), "utf8")) as { size?: string };
    if (meta.size !== size) continue;
    const base = join(CACHE, f.replace(/\.json$/, ".db"));
    for (const p of [base, `${base}-wal`, `${base}-shm`, join(CACHE, f)]) rmSync(p, { force: true });
  }
}

/**
 * The path of a bench database built with `params`, from the cache or built now.
 * `prefix` names the bench that owns it (each keeps its own sizes); `rebuild`
 * ignores a cached file.
 */
export async function cachedBenchDatabase(
  params: BenchDataOptions,
  opts: { prefix: string; rebuild: boolean },
): Promise<CachedBenchDatabase> {
  mkdirSync(CACHE, { recursive: true });
  const key = cacheKey(params);
  const path = join(CACHE, `${opts.prefix}-${key}.db`);
  if (existsSync(path) && !opts.rebuild) return { path, built: null };
  const size = `${params.teams}x${params.managersPerTeam}x${params.days}`;
  dropStale(opts.prefix, size);
  console.log(`Building ${relative(ROOT, path)} (${params.teams} teams × ${params.managersPerTeam} managers × ${params.days} days)…`);
  const partial = `${path}.partial`;
  const built = await buildInChild(partial, params);
  for (const s of ["-wal", "-shm"]) rmSync(partial + s, { force: true });
  renameSync(partial, path);
  const meta = { size, params, builtAt: new Date().toISOString(), ...built };
  writeFileSync(join(CACHE, `${opts.prefix}-${key}.json`), JSON.stringify(meta, null, 2));
  return { path, built };
}

/** A path relative to the project, for the benches' tables. */
export function projectPath(path: string): string {
  return relative(ROOT, path);
}

// Child mode: build the database, hand the numbers to the parent, exit.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && process.argv[2] === "--build-child") {
  const [path, json] = process.argv.slice(3);
  const result = buildBenchDatabase(path!, JSON.parse(json!) as BenchDataOptions);
  process.send!({ ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 }, () => process.exit(0));
}
