// Scores the free-text reader on a labelled corpus (see corpus.ts), per field; shared
// by the accuracy tests and `npm run bench:nlu`.
import type { DayRef } from "../../src/domain/backdating.js";
import { type FreeTextReading, type Morphology, readFreeText } from "../../src/domain/free-text.js";
import { clientKey } from "../../src/domain/pipeline.js";
import type { Corpus, CorpusEvent, DayLabel } from "./corpus.js";

export interface Score {
  messages: number;
  kind_accuracy: number;
  outcome_accuracy: number;
  amount_accuracy: number;
  client_accuracy: number;
  split_accuracy: number;
  day_accuracy: number;
  /** Share of nothing-to-log messages that produce no unflagged entry. */
  nothing_accuracy: number;
  exact_accuracy: number;
  exact_ru: number;
  exact_en: number;
  /** Wrong readings the reader called confident: `autolog` would store them. */
  confident_wrong: number;
  /** Share of messages read confidently (right or wrong): what `autolog` would store without asking. */
  confident_share: number;
  p50_ms: number;
  failures: { id: string; text: string; expected: CorpusEvent[]; got: GotEvent[]; confident: boolean }[];
}

/** One proposed entry in the corpus's terms. */
export interface GotEvent {
  kind: string;
  outcome: string | null;
  client: string | null;
  amount: number | null;
  day: DayLabel | null;
  reason: string | null;
}

const LEGAL = /^(ооо|ао|зао|пао|ип|llc|inc|ltd)\s+/u;
// "Umbrella LLC" and "Umbrella" are one client: a legal form after the name counts no more than one before it.
const LEGAL_AFTER = /\s+(ооо|ао|зао|пао|llc|inc|ltd)\.?$/u;
const name = (s: string | null) => (s === null ? null : clientKey(s).replace(LEGAL, "").replace(LEGAL_AFTER, "").replace(/ё/g, "е"));
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, "е")
    .match(/[\p{L}\p{N}]+/gu) ?? [];
/**
 * A loss's reason agrees with its label when one is the other with a few words around it that carry
 * no reason of their own ("дорого им" for "дорого", "on price" for "price"): the shorter must be a run of
 * the longer's words and cover at least half of them. A reason half missing or another reason still fails.
 */
export function sameReason(expected: string, got: string | null): boolean {
  if (got === null) return false;
  const [a, b] = [words(expected), words(got)];
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0 || short.length * 2 < long.length) return false;
  for (let i = 0; i + short.length <= long.length; i++) if (short.every((w, j) => long[i + j] === w)) return true;
  return false;
}
const ratio = (ok: number, n: number) => (n === 0 ? 1 : Math.round((ok / n) * 1000) / 1000);

const WEEKDAYS: readonly DayLabel[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/** A day the reader names, as a corpus label; today is null. */
export function dayLabel(ref: DayRef | null): DayLabel | null {
  if (ref === null) return null;
  if (ref.type === "ago") return ref.days === 0 ? null : ref.days === 1 ? "yesterday" : ref.days === 2 ? "day_before_yesterday" : null;
  if (ref.type === "weekday") return WEEKDAYS[ref.weekday - 1] ?? null;
  return null;
}
const sameDay = (a: DayLabel | null, b: DayLabel | null) => (a === "today" ? null : a) === (b === "today" ? null : b);

/** The entries as the bot would store them, each with the day it would be dated. */
export function gotEvents(reading: FreeTextReading): GotEvent[] {
  return reading.entries.map((e) => ({
    kind: e.kind,
    outcome: e.outcome,
    client: e.clientName,
    amount: e.amountMinor === null ? null : e.amountMinor / 100,
    day: dayLabel(e.day),
    reason: e.lostReason,
  }));
}

export interface ScoreOptions {
  /**
   * Read as the bot does once a team has used it: the clients each message is labelled with join the known clients
   * after it is read, as confirmed entries join the clients the bot reads the next message against.
   */
  memory?: boolean;
}

export function scoreCorpus(morph: Morphology | null, corpus: Corpus, options: ScoreOptions = {}): Score {
  const known = [...corpus.known_clients];
  const knownKeys = new Set(known.map(name));
  const t = { kind: [0, 0], outcome: [0, 0], amount: [0, 0], client: [0, 0], split: [0, 0], day: [0, 0], nothing: [0, 0] };
  const exact = { all: [0, 0], ru: [0, 0], en: [0, 0] };
  const times: number[] = [];
  const failures: Score["failures"] = [];
  let confidentWrong = 0;
  let confident = 0;
  const count = (c: number[], ok: boolean) => {
    c[0]! += ok ? 1 : 0;
    c[1]! += 1;
  };
  for (const item of corpus.messages) {
    const start = process.hrtime.bigint();
    const reading = readFreeText(item.text, known, morph);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const exp = item.events;
    if (options.memory)
      for (const e of exp)
        if (e.client !== null && !knownKeys.has(name(e.client))) {
          known.push(e.client);
          knownKeys.add(name(e.client));
        }
    // Nothing to log passes when the reader proposes nothing, or only a flagged guess.
    const got = exp.length === 0 && (reading.guessed || reading.nothing) ? [] : gotEvents(reading);
    const same = <T>(f: (e: CorpusEvent) => T, g: (e: GotEvent) => T) =>
      got.length === exp.length && exp.every((e, i) => f(e) === g(got[i]!));
    const kind = same(
      (e) => e.kind,
      (e) => e.kind,
    );
    const split = got.length === exp.length;
    const calls = exp.some((e) => e.kind === "call");
    const outcome = same(
      (e) => e.outcome,
      (e) => e.outcome,
    );
    const deals = exp.some((e) => e.kind === "deal");
    // Only a deal stores a sum: a proposal's or an invoice's sum in a label ("КП на 300к") is no field of the entry.
    const amount = same(
      (e) => (e.kind === "deal" ? e.amount : null),
      (e) => (e.kind === "deal" ? e.amount : null),
    );
    const client = same(
      (e) => name(e.client),
      (e) => name(e.client),
    );
    const day = got.length === exp.length && exp.every((e, i) => sameDay(e.day, got[i]!.day));
    const reason = exp.every((e, i) => e.reason === null || sameReason(e.reason, got[i]?.reason ?? null));
    if (exp.length === 0) count(t.nothing, got.length === 0);
    else {
      count(t.kind, kind);
      count(t.split, split);
      count(t.client, client);
      count(t.day, day);
      if (calls) count(t.outcome, outcome);
      if (deals) count(t.amount, amount);
    }
    const ok = kind && split && (!calls || outcome) && (!deals || amount) && client && day && reason;
    count(exact.all, ok);
    count(exact[item.lang], ok);
    if (reading.confident) confident++;
    if (!ok && reading.confident) confidentWrong++;
    if (!ok) failures.push({ id: item.id, text: item.text, expected: exp, got, confident: reading.confident });
  }
  const sorted = [...times].sort((a, b) => a - b);
  const r = (c: number[]) => ratio(c[0]!, c[1]!);
  return {
    messages: corpus.messages.length,
    kind_accuracy: r(t.kind),
    outcome_accuracy: r(t.outcome),
    amount_accuracy: r(t.amount),
    client_accuracy: r(t.client),
    split_accuracy: r(t.split),
    day_accuracy: r(t.day),
    nothing_accuracy: r(t.nothing),
    exact_accuracy: r(exact.all),
    exact_ru: r(exact.ru),
    exact_en: r(exact.en),
    confident_wrong: confidentWrong,
    confident_share: ratio(confident, corpus.messages.length),
    p50_ms: Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 1000) / 1000,
    failures,
  };
}
