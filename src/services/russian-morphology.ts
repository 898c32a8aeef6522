// The Russian word analyser behind free-text reading: the OpenCorpora dictionary
// (about 10 MB, shipped inside the `az` package, read from disk once) plus its
// suffix-based guesses for words it has never seen, so "с Альфатехом" → "Альфатех".
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { GramCase, Morphology, WordAnalysis } from "../domain/free-text.js";

interface AzTag {
  POST?: string;
  CAse?: string;
  NMbr?: string;
  GNdr?: string;
  [grammeme: string]: unknown;
}
interface AzParse {
  word: string;
  tag: AzTag;
  score: number;
  inflect(grammemes: string[]): AzParse | false;
}
interface AzModule {
  load(url: string, type: string, callback: (err: Error | null, data?: unknown) => void): void;
  Morph: ((word: string) => AzParse[]) & { init(path: string, callback: (err: Error | null) => void): void };
}

const NOUNS = new Set(["NOUN"]);
const ADJS = new Set(["ADJF", "ADJS", "PRTF", "PRTS", "NUMR"]);
const VERBS = new Set(["VERB", "INFN", "GRND", "ADVB", "PRED", "PREP", "CONJ", "PRCL", "INTJ", "NPRO", "COMP"]);

let loaded: Morphology | null = null;

/**
 * Loads the dictionary (synchronously, about 0.3 s, once per process: it is
 * read-only data like the i18n tables) and returns the analyser, with a small cache.
 */
export function russianMorphology(): Morphology {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const az = require("az") as AzModule;
  const dicts = join(dirname(require.resolve("az/package.json")), "dicts");
  // Az reads its files asynchronously; reading them synchronously (and answering once
  // init has counted every file) completes init before this returns, so no caller
  // has to wait for a "ready" promise.
  const answers: (() => void)[] = [];
  az.load = (url, type, callback) => {
    const buf = readFileSync(url);
    const data = type === "json" ? JSON.parse(buf.toString("utf8")) : buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    answers.push(() => callback(null, data));
  };
  let done = false;
  az.Morph.init(dicts, (err) => {
    if (err) throw err;
    done = true;
  });
  for (const answer of answers) answer();
  if (!done) throw new Error("morphology dictionary did not load");

  const cache = new Map<string, WordAnalysis | null>();
  const analyse = (word: string, cases: readonly GramCase[] | null): WordAnalysis | null => {
    const parses = az.Morph(word);
    if (parses.length === 0) return null;
    const inCase = cases ? parses.filter((p) => p.tag.CAse !== undefined && cases.includes(p.tag.CAse as GramCase)) : [];
    const best = (inCase.length > 0 ? inCase : parses).reduce((a, b) => (b.score > a.score ? b : a));
    const post = best.tag.POST ?? "";
    if (VERBS.has(post)) return { base: word, pos: "verb" };
    if (!NOUNS.has(post) && !ADJS.has(post)) return { base: word, pos: "other" };
    // Keep number (and an adjective's gender): "Рогами" → "Рога", "Северной" → "Северная".
    const wanted = ["nomn", best.tag.NMbr ?? "sing"];
    if (ADJS.has(post) && best.tag.NMbr !== "plur" && best.tag.GNdr) wanted.push(best.tag.GNdr);
    const nominative = best.inflect(wanted) || best.inflect(["nomn"]);
    return { base: nominative ? nominative.word : word, pos: NOUNS.has(post) ? "noun" : "adj" };
  };
  loaded = (word, cases) => {
    const key = `${word}|${cases?.join(",") ?? ""}`;
    if (cache.has(key)) return cache.get(key)!;
    const result = analyse(word, cases);
    if (cache.size > 20_000) cache.clear();
    cache.set(key, result);
    return result;
  };
  return loaded;
}
