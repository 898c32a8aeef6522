// What a team taught the free-text reader by correcting it: a phrase as managers type it
// and what it means ("альфа трейд" → «Альфа-Трейд», "воркшоп" → a presentation,
// "сотка" → 100 000 ₽). Pure: a correction in, the phrases to remember out.
import { foldText } from "./search-text.js";
import { ACTIVITY_KINDS, type ActivityKind } from "./types.js";

export const ALIAS_FIELDS = ["client", "kind", "amount"] as const;
export type AliasField = (typeof ALIAS_FIELDS)[number];

export interface TextAlias {
  field: AliasField;
  /** Normalised as `aliasPhrase` does. */
  phrase: string;
  /** A client's name, an activity kind, or an amount in kopecks as digits. */
  value: string;
}

/** Longest phrase remembered; a longer one is a sentence, not a name for something. */
export const MAX_ALIAS_PHRASE = 60;

/** A phrase as it is compared: lower case, ё as е, single spaces, no quotes or edge punctuation. */
export function aliasPhrase(typed: string): string {
  return foldText(typed.replace(/[«»"“”„]/g, ""))
    .replace(/^[\s.,:;!?—–-]+|[\s.,:;!?—–-]+$/gu, "")
    .slice(0, MAX_ALIAS_PHRASE);
}

export const isActivityKind = (v: string): v is ActivityKind => (ACTIVITY_KINDS as readonly string[]).includes(v);

/** Where each value was read from in the message: the words as the manager typed them. */
export interface ReadPhrases {
  client: string | null;
  kind: string | null;
  amount: string | null;
}

/** What the reader proposed and what the manager stored instead. */
export interface Correction {
  read: { kind: ActivityKind; clientName: string | null; amountMinor: number | null };
  phrases: ReadPhrases;
  stored: { kind: ActivityKind; clientName: string | null; amountMinor: number | null };
}

const sameClient = (a: string | null, b: string | null) =>
  (a ?? "")
    .toLowerCase()
    .replace(/[«»"“”]/g, "")
    .trim() ===
  (b ?? "")
    .toLowerCase()
    .replace(/[«»"“”]/g, "")
    .trim();

/**
 * The phrases a correction teaches: each field the manager changed, keyed by the words
 * it was read from. A field read from nothing the manager typed teaches nothing.
 */
export function aliasesFromCorrection(c: Correction): TextAlias[] {
  const out: TextAlias[] = [];
  const add = (field: AliasField, typed: string | null, value: string) => {
    const phrase = typed ? aliasPhrase(typed) : "";
    // One or two letters would match inside too many messages.
    if (phrase.length >= 2 && /\p{L}/u.test(phrase)) out.push({ field, phrase, value });
  };
  if (c.stored.kind !== c.read.kind) add("kind", c.phrases.kind, c.stored.kind);
  if (c.stored.clientName && !sameClient(c.stored.clientName, c.read.clientName)) add("client", c.phrases.client, c.stored.clientName);
  if (c.stored.kind === "deal" && c.stored.amountMinor !== null && c.stored.amountMinor !== c.read.amountMinor)
    add("amount", c.phrases.amount, String(c.stored.amountMinor));
  return out;
}
