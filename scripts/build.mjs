// `npm run build`: compiles src/ to dist/ (one .js per .ts, same folders, so paths
// relative to a module — fonts, migrations, the page script — resolve as in src/) and
// bundles the Mini App's script to dist/web/app.js.
// `--if-stale` (prestart, prepare): does nothing when dist/ was built from the same
// sources, judged by a fingerprint of every input's path, size and mtime (a few ms).
// Plain JavaScript on purpose: it runs before anything is compiled, with no loader.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SRC = join(ROOT, "src");
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-stamp");
/** Browser code: bundled into dist/web/app.js, never run by node. */
const CLIENT_DIR = join(SRC, "web", "client");
const INPUT_FILES = ["package.json", "package-lock.json", "scripts/build.mjs"];

/** Every file and folder under `dir` (a folder's mtime changes when a file is added or removed). */
function walk(dir, out) {
  out.push(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

function fingerprint() {
  const hash = createHash("sha256");
  const paths = [...walk(SRC, []), ...INPUT_FILES.map((f) => join(ROOT, f)).filter((f) => existsSync(f))];
  for (const path of paths.sort()) {
    const st = statSync(path);
    hash.update(`${relative(ROOT, path)}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

function sources(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== CLIENT_DIR) sources(path, out);
    } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const ifStale = process.argv.includes("--if-stale");
const print = fingerprint();
if (ifStale && existsSync(STAMP) && readFileSync(STAMP, "utf8") === print) process.exit(0);

const started = performance.now();
// Built beside dist/ and swapped in, so a bot running from dist/ (or a test building
// at the same time) never sees a half-written folder, and a deleted source leaves no module behind.
const OUT = join(ROOT, `.dist-${process.pid}`);
rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: sources(SRC, []),
  outdir: OUT,
  outbase: SRC,
  bundle: false,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
});
// The page script, with the options the server's on-demand build uses.
const { BUILD_OPTIONS } = await import(pathToFileURL(join(OUT, "web", "bundle.js")).href);
await build({ ...BUILD_OPTIONS, outfile: join(OUT, "web", "app.js"), logLevel: "warning" });
writeFileSync(join(OUT, ".build-stamp"), print);
const old = `${DIST}.old-${process.pid}`;
if (existsSync(DIST)) renameSync(DIST, old);
renameSync(OUT, DIST);
rmSync(old, { recursive: true, force: true });
console.log(`built ${sources(SRC, []).length} modules and the Mini App script into dist/ in ${Math.round(performance.now() - started)} ms`);
