// Scores the free-text reader on the hand-written corpus, per field; shared by the
// accuracy test and `npm run bench:nlu`.
import { type FreeTextReading, type Morphology, readFreeText } from "../../src/domain/free-text.js";
import { clientKey } from "../../src/domain/pipeline.js";
import { CORPUS, CORPUS_KNOWN_CLIENTS, type CorpusItem, type ExpectedEntry } from "./corpus.js";

export interface Score {
  messages: number;
  kind_accuracy: number;
  outcome_accuracy: number;
  amount_accuracy: number;
  client_accuracy: number;
  split_accuracy: number;
  exact_accuracy: number;
  p50_ms: number;
  failures: { text: string; expected: ExpectedEntry[]; got: FreeTextReading["entries"] }[];
}

const LEGAL = /^(ооо|ао|зао|пао|ип|llc|inc|ltd)\s+/u;
const name = (s: string | null) => (s === null ? null : clientKey(s).replace(LEGAL, "").replace(/ё/g, "е"));

const ratio = (ok: number, n: number) => (n === 0 ? 1 : Math.round((ok / n) * 1000) / 1000);

export function scoreCorpus(morph: Morphology, items: CorpusItem[] = CORPUS): Score {
  const t = { kind: [0, 0], outcome: [0, 0], amount: [0, 0], client: [0, 0], split: [0, 0], exact: [0, 0] };
  const times: number[] = [];
  const failures: Score["failures"] = [];
  const count = (k: keyof typeof t, ok: boolean) => {
    t[k][0]! += ok ? 1 : 0;
    t[k][1]! += 1;
  };
  for (const item of items) {
    const start = process.hrtime.bigint();
    const reading = readFreeText(item.text, CORPUS_KNOWN_CLIENTS, morph);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const exp = item.expected;
    // A message with nothing to read passes when the reader proposes nothing or only a flagged guess.
    const got = exp.length === 0 && reading.guessed ? [] : reading.entries;
    const same = <T>(f: (e: ExpectedEntry) => T, g: (e: FreeTextReading["entries"][number]) => T) =>
      got.length === exp.length && exp.every((e, i) => f(e) === g(got[i]!));
    const kind = same(
      (e) => e.kind,
      (e) => e.kind,
    );
    const split = got.length === exp.length;
    count("kind", kind);
    count("split", split);
    const calls = exp.some((e) => e.kind === "call");
    const outcome = same(
      (e) => e.outcome,
      (e) => e.outcome,
    );
    if (calls) count("outcome", outcome);
    const deals = exp.some((e) => e.kind === "deal");
    const amount = same(
      (e) => (e.amount === "ask" ? null : e.amount),
      (e) => (e.amountMinor === null ? null : e.amountMinor / 100),
    );
    if (deals) count("amount", amount);
    const client = same(
      (e) => name(e.client),
      (e) => name(e.clientName),
    );
    if (exp.length > 0) count("client", client);
    const reason = exp.every((e, i) => e.reason === null || name(e.reason) === name(got[i]?.lostReason ?? null));
    const exact = kind && split && (!calls || outcome) && (!deals || amount) && client && reason;
    count("exact", exact);
    if (!exact) failures.push({ text: item.text, expected: exp, got });
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    messages: items.length,
    kind_accuracy: ratio(t.kind[0]!, t.kind[1]!),
    outcome_accuracy: ratio(t.outcome[0]!, t.outcome[1]!),
    amount_accuracy: ratio(t.amount[0]!, t.amount[1]!),
    client_accuracy: ratio(t.client[0]!, t.client[1]!),
    split_accuracy: ratio(t.split[0]!, t.split[1]!),
    exact_accuracy: ratio(t.exact[0]!, t.exact[1]!),
    p50_ms: Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 1000) / 1000,
    failures,
  };
}
