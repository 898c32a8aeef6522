// `/bonus add …` as typed: `over_plan 5%`, `big_deal 300k 10k`, `plan_hit deals 15k`.
// Money goes through the same parser as `/deal`; the words for kinds and metrics
// come from the i18n files (passed in as parsers).

import { parseAmount, splitAmountAndRest } from "./amounts.js";
import { BONUS_KINDS, type BonusKind, type BonusParams, MAX_BONUS_MINOR } from "./bonus.js";
import type { MetricKey, MetricParser } from "./metrics.js";

export type BonusValueError = "format" | "zero" | "negative" | "too_large";

export type BonusCommandResult =
  | { params: BonusParams }
  | { error: "usage" }
  | { error: "kind"; word: string }
  | { error: "metric"; word: string }
  | { error: "percent"; reason: BonusValueError; word: string }
  | { error: "money"; reason: BonusValueError; word: string }
  | { error: "extra"; word: string };

/** Reads a kind word ("over_plan", "сверх_плана") as a kind, or null. */
export type BonusKindParser = (word: string) => BonusKind | null;

/** A kind parser over the keys themselves and the given aliases (lower case, "-" and spaces as "_"). */
export function bonusKindParser(aliases: Readonly<Record<BonusKind, readonly string[]>>): BonusKindParser {
  const byWord = new Map<string, BonusKind>();
  for (const k of BONUS_KINDS) {
    byWord.set(k, k);
    byWord.set(k.replace(/_/g, ""), k);
    for (const w of aliases[k]) byWord.set(normalize(w), k);
  }
  return (word) => byWord.get(normalize(word)) ?? null;
}

function normalize(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s-]+/g, "_");
}

const PERCENT_RE = /^(\d+(?:[.,]\d{1,2})?)\s*%?$/u;

/** "5%", "5", "2,5 %" → hundredths of a percent; above 0 and at most 100. */
export function parseBonusPercent(text: string): { percentBp: number } | { error: BonusValueError } {
  const t = text.trim();
  if (/^[-−]/u.test(t)) return { error: "negative" };
  const m = PERCENT_RE.exec(t);
  if (m === null) return { error: "format" };
  const [whole, frac = ""] = m[1]!.split(/[.,]/);
  const bp = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  if (bp === 0) return { error: "zero" };
  return bp > 100 * 100 ? { error: "too_large" } : { percentBp: bp };
}

/** Money as `/deal` takes it, capped at 100 млн ₽ (more is a typo, not a bonus). */
export function parseBonusMoney(text: string): { minor: number } | { error: BonusValueError } {
  const r = parseAmount(text);
  if ("error" in r) return r;
  return r.minor > MAX_BONUS_MINOR ? { error: "too_large" } : r;
}

/** One amount at the start of `text` (it may contain spaces: "300 000"), and what follows it. */
function takeMoney(text: string): { ok: number; rest: string } | { error: BonusValueError; word: string } | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const { amountText } = splitAmountAndRest(trimmed);
  // Not the splitter's rest: it drops a leading "-", and "300k -10k" must stay negative.
  const rest = trimmed.slice(amountText.length).trim();
  const r = parseBonusMoney(amountText);
  return "error" in r ? { error: r.error, word: amountText } : { ok: r.minor, rest };
}

/** The first word and the rest as typed (spaces inside the rest kept, so an error can echo it). */
function firstWord(text: string): [string, string] {
  const m = /^(\S+)\s*([\s\S]*)$/u.exec(text.trim());
  return m ? [m[1]!, m[2]!.trim()] : ["", ""];
}

/** Parses what follows `/bonus add`. */
export function parseBonusCommand(text: string, kindOf: BonusKindParser, metricOf: MetricParser): BonusCommandResult {
  const [kindWord, rest] = firstWord(text);
  if (kindWord === "") return { error: "usage" };
  const kind = kindOf(kindWord);
  if (kind === null) return { error: "kind", word: kindWord };
  switch (kind) {
    case "over_plan": {
      if (rest === "") return { error: "usage" };
      const p = parseBonusPercent(rest);
      return "error" in p ? { error: "percent", reason: p.error, word: rest } : { params: { kind, percentBp: p.percentBp } };
    }
    case "big_deal": {
      const threshold = takeMoney(rest);
      if (threshold === null) return { error: "usage" };
      if ("error" in threshold) return { error: "money", reason: threshold.error, word: threshold.word };
      const amount = takeMoney(threshold.rest);
      if (amount === null) return { error: "usage" };
      if ("error" in amount) return { error: "money", reason: amount.error, word: amount.word };
      if (amount.rest.trim() !== "") return { error: "extra", word: amount.rest.trim() };
      return { params: { kind, thresholdMinor: threshold.ok, amountMinor: amount.ok } };
    }
    case "plan_hit": {
      const [metricWord, moneyText] = firstWord(rest);
      if (metricWord === "") return { error: "usage" };
      const metric: MetricKey | null = metricOf(metricWord);
      if (metric === null) return { error: "metric", word: metricWord };
      const amount = takeMoney(moneyText);
      if (amount === null) return { error: "usage" };
      if ("error" in amount) return { error: "money", reason: amount.error, word: amount.word };
      if (amount.rest.trim() !== "") return { error: "extra", word: amount.rest.trim() };
      return { params: { kind, metric, amountMinor: amount.ok } };
    }
  }
}
