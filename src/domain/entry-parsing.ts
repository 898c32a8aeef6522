import { parseAmount, splitAmountAndRest } from "./amounts.js";
import { type DayRef, parseDayToken } from "./backdating.js";
import { LOCALES, type Locale } from "./locales.js";
import { type ActivityKind, CALL_OUTCOMES, type CallOutcome } from "./types.js";

export const MAX_CLIENT_LENGTH = 200;
export const MAX_REASON_LENGTH = 500;

/** Kinds that mean nothing without a client (a lead, a loss); the others may name one. */
export const CLIENT_REQUIRED: Readonly<Record<ActivityKind, boolean>> = {
  call: false,
  meeting: false,
  proposal: false,
  presentation: false,
  lead: true,
  deal: false,
  lost: true,
};

export interface ParsedEntry {
  kind: ActivityKind;
  outcome: CallOutcome | null;
  clientName: string | null;
  amountMinor: number | null;
  lostReason: string | null;
  /** A deal's own gross margin % (`/deal 120k Acme margin 35%`); absent: the team's monthly margin. */
  marginPct?: number | null;
}

export type EntryError =
  | "client_required"
  | "client_too_long"
  | "reason_too_long"
  | "unknown_outcome"
  | "amount_required"
  | "amount_format"
  | "amount_zero"
  | "amount_negative"
  | "amount_too_large"
  | "margin_range";

export type EntryParse = { ok: true; entry: ParsedEntry } | { ok: false; error: EntryError; detail?: string };

/**
 * The words typed as each call outcome, per language. The first word of each is
 * the one forms, /help and the command menu show (`[дозвон|встреча|недозвон]`).
 */
export const OUTCOME_WORDS: Readonly<Record<CallOutcome, Readonly<Record<Locale, readonly string[]>>>> = {
  reached: { ru: ["дозвон", "дозвонился", "дозвонилась"], en: ["reached", "reach"] },
  meeting: { ru: ["встреча", "встречу", "встреча_назначена"], en: ["meeting", "meet"] },
  noanswer: { ru: ["недозвон", "не-дозвон", "нет_ответа"], en: ["noanswer", "no-answer", "no_answer"] },
};

// A Map, so a typed word such as "constructor" is never read off Object.prototype.
const OUTCOME_BY_WORD: ReadonlyMap<string, CallOutcome> = new Map(
  CALL_OUTCOMES.flatMap((o) => LOCALES.flatMap((l) => OUTCOME_WORDS[o][l].map((w) => [w, o] as const))),
);

/** The outcome words shown to a reader of `locale`, in outcome order: ["дозвон", "встреча", "недозвон"]. */
export function outcomeChoices(locale: Locale): string[] {
  return CALL_OUTCOMES.map((o) => OUTCOME_WORDS[o][locale][0]!);
}

// Words people type as a call result that we do not track; without this list
// "/call busy Acme" would silently log a reached call with client "busy Acme".
const OUTCOME_LOOKALIKES = new Set([
  "busy",
  "voicemail",
  "callback",
  "failed",
  "missed",
  "declined",
  "rejected",
  "answered",
  "noreply",
  "занято",
  "перезвонить",
  "перезвон",
  "автоответчик",
  "сброс",
  "сбросил",
  "ответил",
  "отказ",
  "недоступен",
]);

export function parseOutcome(word: string): CallOutcome | null {
  return OUTCOME_BY_WORD.get(word.toLocaleLowerCase("ru")) ?? null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** True for a first word that is clearly meant as an outcome but is not one we know. */
function looksLikeOutcome(word: string): boolean {
  const w = word.toLocaleLowerCase("ru");
  if (OUTCOME_LOOKALIKES.has(w)) return true;
  if (w.length < 4 || /[^a-zа-яё_-]/.test(w)) return false;
  return [...OUTCOME_BY_WORD.keys()].some((k) => k.length >= 5 && editDistance(w, k) <= 2);
}

function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function client(text: string, required: boolean): { ok: true; name: string | null } | { ok: false; error: EntryError } {
  const name = cleanText(text);
  if (!name) return required ? { ok: false, error: "client_required" } : { ok: true, name: null };
  if (name.length > MAX_CLIENT_LENGTH) return { ok: false, error: "client_too_long" };
  return { ok: true, name };
}

// A deal's own margin at the end: "Acme margin 35%", "Acme маржа 27,5 %".
const MARGIN_RE = /(?:^|\s)(?:margin|маржа|маржой|маржинальность)\s+([-−–]?\d+(?:[.,]\d+)?)\s*%$/iu;

/** Takes a trailing "margin 35%" off a deal's client text; a percent outside 0–100 is an error. */
function splitMargin(text: string): { rest: string; pct: number | null; error?: string } {
  const m = MARGIN_RE.exec(text);
  if (m === null) return { rest: text, pct: null };
  const pct = Number(m[1]!.replace(/[−–]/u, "-").replace(",", "."));
  if (!(pct >= 0 && pct <= 100)) return { rest: text, pct: null, error: `${m[1]}%` };
  return { rest: text.slice(0, m.index).trim(), pct };
}

const blank = { outcome: null, clientName: null, amountMinor: null, lostReason: null };

/** Parses the text after a logging command (`/call meeting Acme` → "meeting Acme"). */
export function parseEntry(kind: ActivityKind, args: string): EntryParse {
  const text = cleanText(args);
  switch (kind) {
    case "call": {
      const [first = "", ...rest] = text.split(" ");
      const outcome = first ? parseOutcome(first) : null;
      if (!outcome && first && looksLikeOutcome(first)) return { ok: false, error: "unknown_outcome", detail: first };
      const c = client(outcome ? rest.join(" ") : text, CLIENT_REQUIRED[kind]);
      if (!c.ok) return c;
      return { ok: true, entry: { ...blank, kind, outcome: outcome ?? "reached", clientName: c.name } };
    }
    case "meeting":
    case "proposal":
    case "presentation":
    case "lead": {
      const c = client(text, CLIENT_REQUIRED[kind]);
      return c.ok ? { ok: true, entry: { ...blank, kind, clientName: c.name } } : c;
    }
    case "lost": {
      const [namePart = "", ...reasonParts] = text.split(/\s*(?:—|–|--|\s-\s)\s*/);
      const c = client(namePart, CLIENT_REQUIRED[kind]);
      if (!c.ok) return c;
      const reason = cleanText(reasonParts.join(" — ")) || null;
      if (reason && reason.length > MAX_REASON_LENGTH) return { ok: false, error: "reason_too_long" };
      return { ok: true, entry: { ...blank, kind, clientName: c.name, lostReason: reason } };
    }
    case "deal": {
      if (!text) return { ok: false, error: "amount_required" };
      if (/^[-−–]\s*\d/.test(text)) return { ok: false, error: "amount_negative" };
      const { amountText, rest } = splitAmountAndRest(text);
      if (!amountText) return { ok: false, error: "amount_format", detail: text.split(" ")[0] };
      const amount = parseAmount(amountText);
      if ("error" in amount) return { ok: false, error: `amount_${amount.error}` as EntryError, detail: amountText };
      const margin = splitMargin(rest);
      if (margin.error) return { ok: false, error: "margin_range", detail: margin.error };
      const c = client(margin.rest, CLIENT_REQUIRED[kind]);
      if (!c.ok) return c;
      const entry: ParsedEntry = { ...blank, kind, amountMinor: amount.minor, clientName: c.name };
      if (margin.pct !== null) entry.marginPct = margin.pct;
      return { ok: true, entry };
    }
  }
}

/**
 * A logging command's arguments with the day they are for taken out: the last word
 * ("/deal 50k Acme 25.11", "/call вчера"), or for kinds without an amount also the
 * first ("/meeting вчера Acme"); for a loss, a word of the client part, so the
 * reason stays as typed. `day` is null when none is named (the entry is for now).
 */
export function splitEntryDay(kind: ActivityKind, args: string): { args: string; day: DayRef | "bad_date" | null } {
  const text = cleanText(args);
  if (kind === "lost") {
    const dash = /\s*(?:—|–|--|\s-\s)\s*/.exec(text);
    const head = dash ? text.slice(0, dash.index) : text;
    const split = splitEntryDay("meeting", head);
    return split.day === null ? { args: text, day: null } : { args: split.args + (dash ? text.slice(dash.index) : ""), day: split.day };
  }
  const words = text ? text.split(" ") : [];
  const last = words.length > (kind === "deal" ? 1 : 0) ? parseDayToken(words[words.length - 1]!) : null;
  if (last !== null) return { args: words.slice(0, -1).join(" "), day: last };
  const first = kind !== "deal" && words.length > 1 ? parseDayToken(words[0]!) : null;
  if (first !== null) return { args: words.slice(1).join(" "), day: first };
  return { args: text, day: null };
}
