// What `npm start` loads before the first update: the static imports of the compiled
// dist/main.js, followed module by module. The heavy packages used by one feature each
// (charts, xlsx files, the Russian dictionary, the page bundler) are imported where they
// are first used, so they cost no memory in a process that never uses them.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ensureBuilt } from "../support/bot-process.js";

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
const LOADED_ON_FIRST_USE = ["chart.js", "chartjs-node-canvas", "canvas", "exceljs", "az", "esbuild"];

/** Every module reached from `entry` by static imports: relative files and bare package names. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const code = readFileSync(file, "utf8");
    // esbuild's output: `import … from "x"`, `export … from "x"`, `import "x"` (dynamic `import(` is not matched).
    for (const m of code.matchAll(/^(?:import|export)\s(?:[^;"']*?\sfrom\s*)?["']([^"']+)["']/gm)) {
      const spec = m[1]!;
      if (spec.startsWith(".")) stack.push(join(dirname(file), spec));
      else if (!spec.startsWith("node:")) packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
    }
  }
  return { files, packages };
}

describe("what the compiled bot loads at start", () => {
  it("reaches none of the packages loaded on first use", () => {
    ensureBuilt();
    const { files, packages } = staticGraph(join(DIST, "main.js"));
    // The walk works: it reaches the bot, the scheduler and their packages.
    expect(files.size).toBeGreaterThan(100);
    expect([...packages]).toEqual(expect.arrayContaining(["grammy", "drizzle-orm", "better-sqlite3", "pino"]));
    expect([...packages].filter((p) => LOADED_ON_FIRST_USE.includes(p))).toEqual([]);
    // The chart builders (which bring chart.js with them) are not part of it.
    expect([...files].filter((f) => f.includes(join("presentation", "charts", "renderer.js")))).toEqual([]);
    expect(existsSync(join(DIST, "presentation", "charts", "draw.js"))).toBe(true);
  });
});
