// Every registered command has what a user needs to find it and what the suite needs to
// guard it: a command-menu entry, a /help line in both languages and a row in the
// permission matrix. The commands are read from the feature files' registrations, so a
// new command fails here until it has all three.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MENU_COMMANDS } from "../../src/bot/commands-menu.js";
import { helpText } from "../../src/bot/features/help.js";
import { LOCALES } from "../../src/domain/locales.js";
import { ACTIVITY_KINDS } from "../../src/domain/types.js";
import { messages } from "../../src/presentation/i18n/index.js";

const FEATURES = new URL("../../src/bot/features/", import.meta.url);

/** Words that only leave a guided flow: offered by the flow's own prompt, not a command of their own. */
const FLOW_WORDS = new Set(["cancel"]);

/** `.command("name"` registrations in src/bot/features/, plus the logging commands (one per kind). */
function registeredCommands(): string[] {
  const found = new Set<string>(ACTIVITY_KINDS);
  for (const file of readdirSync(FEATURES)) {
    const text = readFileSync(new URL(file, FEATURES), "utf8");
    for (const m of text.matchAll(/\.command\("([a-z_]+)"/g)) if (!FLOW_WORDS.has(m[1]!)) found.add(m[1]!);
  }
  return [...found].sort();
}

/** The permission matrix's rows: the first word of each line of its table. */
function matrixRows(): Set<string> {
  const text = readFileSync(new URL("../e2e/permissions.test.ts", import.meta.url), "utf8");
  const table = /const MATRIX = `([\s\S]*?)`/.exec(text)![1]!;
  return new Set(
    table
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.trim().split(/\s+/)[0]!),
  );
}

describe("every registered command", () => {
  const commands = registeredCommands();

  it("is found in the feature files (the list this test is derived from)", () => {
    expect(commands).toContain("deal");
    expect(commands).toContain("report");
    expect(commands.length).toBeGreaterThan(40);
  });

  it("has a command-menu entry", () => {
    // /start is Telegram's own entry point: the client shows it, no menu entry needed.
    expect(commands.filter((c) => c !== "start" && !MENU_COMMANDS.has(c))).toEqual([]);
  });

  it("has a /help line in both languages (in the help of some role and chat)", () => {
    for (const locale of LOCALES) {
      const t = messages[locale];
      const help = [helpText(t, "head", "private", true), helpText(t, null, "group", false), helpText(t, null, "group", true)].join("\n");
      expect(
        commands.filter((c) => c !== "start" && c !== "help" && !new RegExp(`/${c}\\b`).test(help)),
        locale,
      ).toEqual([]);
    }
  });

  it("has a row in the permission matrix", () => {
    const rows = matrixRows();
    expect(commands.filter((c) => !rows.has(c))).toEqual([]);
  });
});
