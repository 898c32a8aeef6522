// parse_mode HTML is the Api default (src/delivery/html-default.ts): a call that sets
// it again is noise, and one place to change it is the point.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const THE_PLACE = "delivery/html-default.ts";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith(".ts") ? [path] : [];
  });
}

describe("parse_mode", () => {
  it(`is set in ${THE_PLACE} only`, () => {
    const found = sources(SRC)
      .filter((file) => relative(SRC, file) !== THE_PLACE)
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) => (/parse_mode\s*:/.test(line) ? [`${relative(SRC, file)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });

  it("the place exists and sets it", () => {
    expect(readFileSync(join(SRC, THE_PLACE), "utf8")).toMatch(/parse_mode: "HTML"/);
  });
});
