// Dead translations drift: every message key must be read somewhere outside the
// translation files. A key is "read" when its name appears as a word in src/
// (ctx.t.remove.usage, t.settings.weekdays, { usage } = …); keys nested deeper
// than two levels are per-item records (metric words, stages) and are skipped.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../../src/presentation/i18n/en.js";

const SRC = join(import.meta.dirname, "../../../src");
const I18N = join(SRC, "presentation/i18n");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    // Message files (en.ts, ru.ts and the sections they import, like crm-en.ts) define keys, they don't read them.
    const messageFile = dir === I18N && /^(en|ru|[a-z]+-(en|ru))\.ts$/.test(e.name);
    return e.name.endsWith(".ts") && !messageFile ? [path] : [];
  });
}

function keyPaths(o: object, path: string[] = []): string[][] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) && path.length < 1 ? keyPaths(v, [...path, k]) : [[...path, k]],
  );
}

describe("i18n keys", () => {
  it("every message key is used by the code", () => {
    const code = sources(SRC)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const unused = keyPaths(en)
      .filter((p) => !new RegExp(`\\b${p.at(-1)}\\b`).test(code))
      .map((p) => p.join("."));
    expect(unused).toEqual([]);
  });
});
