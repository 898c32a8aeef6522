// The words `/top` takes besides a metric and a period: how to rank (`fair`: by % of
// one's own plan, `improved`: against one's own past) and `rookies` (newcomers ranked
// apart). Like the period words, they are command syntax, so they live here.

import type { TopMode } from "./fair-ranking.js";

// Maps: "constructor" is not a mode.
const MODE_WORDS: ReadonlyMap<string, Exclude<TopMode, "plain">> = new Map([
  ["fair", "fair"],
  ["plan", "fair"],
  ["честный", "fair"],
  ["честно", "fair"],
  ["план", "fair"],
  ["improved", "improved"],
  ["improvement", "improved"],
  ["рост", "improved"],
  ["прогресс", "improved"],
]);
const ROOKIE_WORDS = new Set(["rookies", "rookie", "новички", "новичков", "новички_отдельно"]);

export interface TopArgs {
  mode: TopMode;
  /** Newcomers (first 30 days in the team) ranked in a list of their own. */
  rookies: boolean;
  /** What is left: `[metric] [period]`, as plain `/top` reads it. */
  rest: string;
}

/** `/top [fair|improved] [metric] [period] [rookies]`: the mode word first, `rookies` anywhere. */
export function parseTopArgs(text: string): TopArgs {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.toLowerCase() ?? "";
  const mode = MODE_WORDS.get(first) ?? "plain";
  if (mode !== "plain") words.shift();
  const kept = words.filter((w) => !ROOKIE_WORDS.has(w.toLowerCase()));
  return { mode, rookies: kept.length !== words.length, rest: kept.join(" ") };
}
