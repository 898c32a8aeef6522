// Points per entry (the catalogue's "Motivation"): each kind earns its weight, a
// call that booked a meeting earns its own. Points are never stored: a period's
// points are the sum over its entries, so an undone or voided entry (a deleted
// row) simply stops counting.

import { ACTIVITY_KINDS, type ActivityKind, type ActivityRecord } from "./types.js";

/** What a head can weigh: each activity kind, plus a call with outcome "meeting". */
export const POINT_WEIGHT_KEYS = [...ACTIVITY_KINDS, "meeting_call"] as const;
export type PointWeightKey = (typeof POINT_WEIGHT_KEYS)[number];
export type PointWeights = Readonly<Record<PointWeightKey, number>>;

/** The catalogue's defaults. Exhaustive: a new kind does not compile until it has a weight. */
const KIND_WEIGHTS: Record<ActivityKind, number> = {
  call: 1,
  meeting: 5,
  proposal: 5,
  presentation: 5,
  lead: 2,
  deal: 20,
  lost: 0,
};

export const DEFAULT_POINT_WEIGHTS: PointWeights = { ...KIND_WEIGHTS, meeting_call: 3 };

/** A weight a head may set: a whole number of points, 0–1000. */
export const MAX_POINT_WEIGHT = 1000;

/** The points one entry earns. */
export function entryPoints(a: Pick<ActivityRecord, "kind" | "outcome">, weights: PointWeights = DEFAULT_POINT_WEIGHTS): number {
  return a.kind === "call" && a.outcome === "meeting" ? weights.meeting_call : weights[a.kind];
}

/** Stored overrides (possibly partial or stale) over the defaults. */
export function withDefaults(overrides: Partial<Record<string, number>> | undefined): PointWeights {
  const out: Record<PointWeightKey, number> = { ...DEFAULT_POINT_WEIGHTS };
  for (const k of POINT_WEIGHT_KEYS) {
    const v = overrides?.[k];
    if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_POINT_WEIGHT) out[k] = v;
  }
  return out;
}

export function isPointWeightKey(word: string): word is PointWeightKey {
  return (POINT_WEIGHT_KEYS as readonly string[]).includes(word);
}

export type PointWeightsParse =
  | { ok: true; weights: Partial<Record<PointWeightKey, number>> }
  | { ok: false; error: "empty" | "unknown_key" | "bad_value"; word: string };

/**
 * `call 2 deal 25 meeting_call 4` → the weights named, each a whole 0–1000.
 * `keyWord` reads a typed kind word (the i18n files know "звонок"); any error
 * refuses the whole line, so nothing is half-applied.
 */
export function parsePointWeights(text: string, keyWord: (w: string) => PointWeightKey | null): PointWeightsParse {
  const words = text
    .trim()
    .split(/[\s,;=:]+/)
    .filter(Boolean);
  if (words.length === 0) return { ok: false, error: "empty", word: "" };
  const out: Partial<Record<PointWeightKey, number>> = {};
  for (let i = 0; i < words.length; i += 2) {
    const key = keyWord(words[i]!);
    if (key === null) return { ok: false, error: "unknown_key", word: words[i]! };
    const raw = words[i + 1];
    if (raw === undefined || !/^\d{1,4}$/.test(raw) || Number(raw) > MAX_POINT_WEIGHT) {
      return { ok: false, error: "bad_value", word: raw ?? "" };
    }
    out[key] = Number(raw);
  }
  return { ok: true, weights: out };
}
