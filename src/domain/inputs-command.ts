// `/inputs market 12m [month]`, `/inputs margin 30% [month]`,
// `/inputs costs @user 150k [month]`, `/inputs overhead 50k [month]`: what the head
// typed, read into one input to store, or the reason it cannot be.

import { type InputKind, type InputValueError, parseInputMoney, parseInputMonth, parsePercent } from "./business-inputs.js";

// Russian words too, so a head can type the kind in their language.
const KIND_WORDS: ReadonlyMap<string, InputKind> = new Map([
  ["market", "market"],
  ["рынок", "market"],
  ["margin", "margin"],
  ["маржа", "margin"],
  ["costs", "costs"],
  ["cost", "costs"],
  ["затраты", "costs"],
  ["расходы", "costs"],
  ["overhead", "overhead"],
  ["накладные", "overhead"],
]);

export interface InputsCommand {
  kind: InputKind;
  /** Kopecks, or a percent for margin. */
  value: number;
  month: string;
  /** The manager named for costs, without "@". */
  username: string | null;
}

export type InputsCommandError =
  | { error: "kind"; word: string }
  | { error: "username" }
  | { error: "value"; reason: InputValueError | "missing"; word: string }
  | { error: "month"; reason: "format" | "future"; word: string };

/** Reads the text after `/inputs` against the team's current month ("YYYY-MM"). */
export function parseInputsCommand(text: string, currentMonth: string): InputsCommand | InputsCommandError {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const kindWord = (words.shift() ?? "").toLowerCase().replace(/ё/g, "е");
  const kind = KIND_WORDS.get(kindWord);
  if (kind === undefined) return { error: "kind", word: kindWord };

  let username: string | null = null;
  if (kind === "costs") {
    const who = words.shift() ?? "";
    if (!/^@[A-Za-z0-9_]{3,32}$/.test(who)) return { error: "username" };
    username = who.slice(1);
  }

  // The value may be typed with a space ("150 тыс", "30 %", "1,5 млн"); the month, if
  // any, is what is left after the longest prefix that reads as a value.
  for (let take = Math.min(words.length, 3); take >= 1; take--) {
    const valueText = words.slice(0, take).join(" ");
    const parsed = kind === "margin" ? parsePercent(valueText) : parseInputMoney(valueText);
    if ("error" in parsed) {
      if (take === 1) return { error: "value", reason: parsed.error, word: valueText };
      continue;
    }
    const monthText = words.slice(take).join(" ");
    if (!monthText) return { kind, value: parsed.value, month: currentMonth, username };
    const month = parseInputMonth(monthText, currentMonth);
    if ("error" in month) {
      if (take > 1) continue;
      return { error: "month", reason: month.error, word: monthText };
    }
    return { kind, value: parsed.value, month: month.month, username };
  }
  return { error: "value", reason: "missing", word: "" };
}
