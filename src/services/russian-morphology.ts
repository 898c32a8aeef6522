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
  /** Which analyser produced it: "Dictionary" for a known word, else a guess. */
  parser?: string;
  /** What a guess left out of `word` ("энерго" of "энергоучёта", read as "учёта"). */
  prefix?: string;
  inflect(grammemes: string[]): AzParse | false;
}
interface AzModule {
  load(url: string, type: string, callback: (err: Error | null, data?: unknown) => void): void;
  Morph: ((word: string, config?: { ignoreCase?: boolean }) => AzParse[]) & {
    init(path: string, callback: (err: Error | null) => void): void;
  };
}

const NOUNS = new Set(["NOUN"]);
const ADJS = new Set(["ADJF", "ADJS", "PRTF", "PRTS", "NUMR"]);
const VERBS = new Set(["VERB", "INFN", "GRND", "ADVB", "PRED", "PREP", "CONJ", "PRCL", "INTJ", "NPRO", "COMP", "PRTS"]);

let loaded: Morphology | null = null;

function properOf(tag: AzTag, parser = "Dictionary"): WordAnalysis["proper"] {
  // A guessed word is not guessed to be a proper name ("Альфатех" is no first name); its guess still tells its case.
  if (parser !== "Dictionary") return undefined;
  if (tag.Surn) return "surname";
  if (tag.Name || tag.Patr) return "name";
  if (tag.Orgn) return "org";
  if (tag.Geox) return "geo";
  return undefined;
}

function verbTense(tag: AzTag): WordAnalysis["tense"] {
  if (tag.POST === "INFN") return "infn";
  if (tag.MOod === "impr") return "impr";
  if (tag.TEns === "past") return "past";
  if (tag.TEns === "futr") return "futr";
  if (tag.TEns === "pres") return "pres";
  return undefined;
}

/**
 * A surname's nominative in the bearer's gender: the dictionary's lemma is the man's
 * ("Орловой" → "орлов"), a woman's is built from it ("Орлова", "Кузьмина", "Троицкая").
 */
function surnameBase(p: AzParse): string {
  const lemma = (p.inflect(["nomn", "sing"]) || p).word;
  if (p.tag.GNdr !== "femn") return lemma;
  if (/(?:ов|ев|ёв|ин|ын)$/u.test(lemma)) return `${lemma}а`;
  if (/(?:ский|цкий|ской|цкой)$/u.test(lemma)) return `${lemma.slice(0, -2)}ая`;
  return lemma;
}

/**
 * Loads the dictionary (synchronously, about 0.3 s, once per process: it is
 * read-only data like the i18n tables) and returns the analyser, with a small cache.
 */
/** The longest word, and the most hyphens in one, the dictionary is asked about. */
const MAX_WORD = 40;
const MAX_HYPHENS = 3;

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
  // A word is parsed once whatever cases it is then read in: the parse is the costly part.
  const parsed = new Map<string, AzParse[]>();
  const parse = (word: string): AzParse[] => {
    // The analyser tries every split of a hyphenated word, so its time grows with the cube of the hyphens: "а-а-а-…" typed
    // to a message's length would hold the bot for minutes. No name or word of a report is that long or that split.
    if (word.length > MAX_WORD || (word.match(/-/g)?.length ?? 0) > MAX_HYPHENS) return [];
    let all = parsed.get(word);
    if (!all) {
      all = az.Morph(word, { ignoreCase: true });
      if (parsed.size > 20_000) parsed.clear();
      parsed.set(word, all);
    }
    return all;
  };
  const analyse = (word: string, cases: readonly GramCase[] | null): WordAnalysis | null => {
    // Case is ignored so that a lowercase "смирнову" still finds the surname (the dictionary
    // keeps proper names capitalised); the reader decides from context whether it is a name.
    const parses = parse(word);
    if (parses.length === 0) return null;
    const inCase = cases ? parses.filter((p) => p.tag.CAse !== undefined && cases.includes(p.tag.CAse as GramCase)) : [];
    const pool = inCase.length > 0 ? inCase : parses;
    // No reading in the cases asked for ("для Автодора" guessed only as a nominative "дора"): the guess missed the case.
    const offCase = cases !== null && inCase.length === 0 ? { offCase: true } : {};
    // A client is seldom a city: a common noun beats a place unless the place is far likelier
    // ("Атланту" is Атлант, not Atlanta; "Вегу", a place only, is Вега).
    const rank = (p: AzParse) => p.score * (p.tag.Geox ? 0.4 : 1);
    const top = pool.reduce((a, b) => (rank(b) > rank(a) ? b : a));
    const verb = VERBS.has(top.tag.POST ?? "") ? top : null;
    // A word the dictionary does not know is guessed from its tail: a guessed verb ("Металлоторг" read like
    // "отторг") or adjective ("ТехноКом" read as "технокий") is only a guess, and the reader treats it so.
    const guessed = !parses.some((p) => p.parser === "Dictionary");
    if (guessed && verb) return { base: word, pos: "other", guessed };
    // Only a dictionary word tells its tense: a guess from the suffix reads "демо" as a participle.
    const tense = verb && verb.parser === "Dictionary" ? verbTense(verb.tag) : undefined;
    // "пришли деньги" / "пришли КП": a form that is both an order and a past plural says neither alone.
    const pastToo =
      tense === "impr" && parses.some((p) => p.parser === "Dictionary" && VERBS.has(p.tag.POST ?? "") && p.tag.TEns === "past");
    // A surname is read as one, not as an adjective ("Смирнову" → "Смирнов", never "Смирновый");
    // other proper readings (first names, places) only when they are the likeliest anyway.
    const proper = pool.filter((p) => properOf(p.tag, p.parser) === "surname");
    // Typed in the nominative with no preposition asking for another case: it stays as typed.
    const nominative =
      (cases === null || cases.includes("nomn")) &&
      parses.some(
        (p) =>
          p.tag.CAse === "nomn" &&
          rank(p) >= rank(top) &&
          p.tag.NMbr !== "plur" &&
          (NOUNS.has(p.tag.POST ?? "") || ADJS.has(p.tag.POST ?? "")),
      );
    // "ООО Цифровые Решения": a name after its legal form or its trade ("в клинику Здоровье") stays as typed
    // when it can be a nominative, plural included.
    const nominativeAny = parses.some((p) => p.tag.CAse === "nomn" && (NOUNS.has(p.tag.POST ?? "") || ADJS.has(p.tag.POST ?? "")));
    const best = proper.length > 0 && (!verb || proper[0]!.score >= top.score) ? proper.reduce((a, b) => (b.score > a.score ? b : a)) : top;
    const post = best.tag.POST ?? "";
    const kind = properOf(best.tag, best.parser);
    if (!kind && VERBS.has(post)) return { base: word, pos: "verb", tense, nominative, ...(pastToo ? { pastToo } : {}) };
    if (!kind && !NOUNS.has(post) && !ADJS.has(post)) return { base: word, pos: "other", nominative };
    if (kind === "surname")
      return { base: surnameBase(best), pos: "noun", proper: kind, nominative, ...(nominativeAny ? { nominativeAny } : {}) };
    // Keep number (and an adjective's gender): "Рогами" → "Рога", "Северной" → "Северная".
    const wanted = ["nomn", best.tag.NMbr ?? "sing"];
    // "с Уютным Офисом", "в Сибирском Льне": a form both masculine and neuter is read masculine, as most names' nouns are.
    const alsoMasculine =
      best.tag.GNdr === "neut" && parses.some((p) => ADJS.has(p.tag.POST ?? "") && p.tag.GNdr === "masc" && p.tag.CAse === best.tag.CAse);
    if (ADJS.has(post) && best.tag.NMbr !== "plur" && best.tag.GNdr) wanted.push(alsoMasculine ? "masc" : best.tag.GNdr);
    const nominativeForm = best.inflect(wanted) || best.inflect(["nomn"]);
    // "для Энергоучёта", "из Автотранса", "Логистик-Центру": a word read as a dictionary word behind a known beginning
    // ("энерго", "авто") or a hyphen keeps that beginning; a guess behind an unknown one ("тепл|острой") is no reading.
    const left = (best.parser === "PrefixKnown" || best.parser === "HyphenWords") && typeof best.prefix === "string" ? best.prefix : "";
    return {
      base: nominativeForm ? left + nominativeForm.word : word,
      pos: NOUNS.has(post) ? "noun" : "adj",
      proper: kind,
      nominative,
      ...(nominativeAny ? { nominativeAny } : {}),
      ...(guessed ? { guessed, ...offCase } : {}),
    };
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
