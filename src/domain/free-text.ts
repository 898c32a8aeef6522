// Reads a manager's plain-text report ("позвонил в Ромашку, договорились о встрече",
// "closed Acme for 50k") into proposed entries. Pure: the text, the manager's known
// clients and a word analyser in, proposals out. Nothing here stores anything; the
// bot shows the proposals and stores them only after the manager confirms.
import { parseAmount } from "./amounts.js";
import type { DayRef } from "./backdating.js";
import {
  BUSINESS_TYPES,
  compact,
  type KnownClients,
  lookupKnown,
  matchKnownAt,
  norm,
  prepareKnownClients,
  sameName,
  TRADE,
} from "./client-match.js";
import { MAX_CLIENT_LENGTH, MAX_REASON_LENGTH, type ParsedEntry } from "./entry-parsing.js";
import {
  ABOUT,
  AGO,
  AHEAD_HINT,
  AMOUNT_RE,
  AND_A_HALF,
  APPOINTMENT_WORD,
  ASK_BEFORE_STORING,
  BARE_WEEKDAY,
  BOOKED_AFTER,
  BOSS_AWAY,
  CALL_WORD,
  CANCELLED,
  COMMAND,
  COMPLAINT,
  CURRENCY_FOREIGN,
  DATE_SET,
  DAY_REMARK,
  EN_ACCEPTED_IT,
  EN_BARE_WEEKDAY,
  EN_BUSY_IN_BEFORE,
  EN_EVENT_THING_AFTER,
  EN_EVENT_THING_BEFORE,
  EN_IRREGULAR_PAST_RE,
  EN_IRREGULAR_PAST_WORD,
  EN_NEGATED,
  EN_NEWLY_READ,
  EN_NOT_NAME,
  EN_PAST,
  EN_PAST_BEFORE_WEEKDAY,
  EN_RELATIVE_BEFORE,
  EN_SENT_IT,
  EN_STATUS_AFTER,
  EN_TITLE_WORD,
  EN_TOPIC_BEFORE,
  EN_WEEKDAY_AHEAD_CLAUSE,
  EN_WEEKDAY_BEFORE_PAST,
  EVENT_NOUN,
  EXPLAINED_FILLER,
  EXPO_NAME,
  EXPO_RE,
  FUTURE_WORDS,
  GATEKEEPER,
  HELD,
  INBOUND,
  JUDGED_AFTER,
  JUDGED_BEFORE,
  KIND_PATTERNS,
  LEGAL,
  MEET_WORD,
  MEETING_OUTCOME,
  MILLION_AND_HUNDREDS,
  MOVED,
  MULT,
  NEEDS_A_LOOK,
  NEGATED_ABILITY,
  NEGATED_JUST_BEFORE,
  NEGATION_BEFORE,
  NOANSWER,
  NOANSWER_AFTER_CALL,
  NOANSWER_UNLESS_REACHED,
  NOT_HELD,
  NUMBER_WORDS,
  ONLY,
  PLAN_HEADER,
  PLAN_WORDS,
  PLANNED,
  QUESTION_START,
  QUESTION_WORD,
  REACHED,
  REASON_LEAD,
  REASON_SEP,
  REFERRED,
  REFERRED_BY,
  RESCHEDULED,
  ROLES,
  SENT_VERB,
  SPOKE_FOR_CLIENT,
  STATUS_AFTER,
  STOP,
  TENDER_BID,
  TENDER_NOUN,
  TIME_REFERENCE,
  TOPIC_BEFORE,
  UNDER_WAY,
  VAGUE_PAST,
  VIDEO_RE,
  WEEKDAY,
  WEEKDAY_AHEAD,
  WEEKDAY_NAMES,
  WISH,
  WORD_AMOUNTS,
  WORDED_AMOUNT,
  WRITTEN,
  w,
} from "./free-text-words.js";
import { clientKey } from "./pipeline.js";
import { isActivityKind, type ReadPhrases, type TextAlias } from "./text-aliases.js";
import type { ActivityKind, CallOutcome } from "./types.js";

/** Grammatical cases a preposition allows for the name after it (OpenCorpora names). */
export type GramCase = "nomn" | "gent" | "datv" | "accs" | "ablt" | "loct";

/** A word's dictionary analysis: its base form (nominative) and part of speech. */
export interface WordAnalysis {
  base: string;
  pos: "noun" | "adj" | "verb" | "other";
  /** A dictionary reading as a proper name: surname, first name, organisation, place. */
  proper?: "surname" | "name" | "org" | "geo";
  /** The word can be a nominative singular as typed, so a name typed so stays as typed. */
  nominative?: boolean;
  /** A verb's tense or mood: what is done ("отправил") versus planned ("отправлю", "напомни"). */
  tense?: "past" | "pres" | "futr" | "impr" | "infn";
  /** An order that is also a past plural ("пришли"): it makes a clause neither done nor planned. */
  pastToo?: boolean;
  /** Not in the dictionary: the analysis is a guess from the word's tail. */
  guessed?: boolean;
  /** The word can be a nominative as typed, singular or plural. */
  nominativeAny?: boolean;
  /** Guessed, and no guess is in the cases asked for: the guess did not see the word's case ending. */
  offCase?: boolean;
}

/**
 * Analyses one Russian word, preferring readings in `cases`; null when it has no
 * idea. The bot plugs in a morphology dictionary; without one, simple ending rules.
 */
export type Morphology = (word: string, cases: readonly GramCase[] | null) => WordAnalysis | null;

export interface ProposedEntry extends ParsedEntry {
  /** A client name that is not among the manager's known clients. */
  clientIsNew: boolean;
  /** What must still be given before it can be stored. */
  missing: "amount" | "client" | null;
  /** The earlier day it happened ("вчера", "в пятницу"); null: the day the message was sent. */
  day: DayRef | null;
  /** The words each value was read from, so a correction teaches the team what they mean. */
  phrases?: ReadPhrases;
}

/** Why a message has nothing to log: a question, a plan or reminder, a complaint about the bot. */
export type NothingReason = "question" | "plan" | "complaint";

export type ReadingNote = "currency" | "past_day" | "amount_invalid";

export interface FreeTextReading {
  entries: ProposedEntry[];
  /** No event word was found: the entries (if any) are a guess from weaker hints. */
  guessed: boolean;
  /** One complete entry read from clear words, safe to store without asking. */
  confident: boolean;
  notes: ReadingNote[];
  /** Set when the message logs nothing by its nature; `entries` is then empty. */
  nothing: NothingReason | null;
}

/** Whether a clause reports something done, plans something, or cannot tell. */
function clauseTense(lower: string, morph: Morphology | null, irregular = true): "past" | "plan" | null {
  let past = enPast(lower, irregular).length > 0;
  let future = false;
  if (morph)
    for (const t of tokenize(lower)) {
      if (!isCyrillic(t.lower) || STOP.has(t.lower)) continue;
      const a = morph(t.lower, null);
      if (a?.tense === "past") past = true;
      else if (a?.tense === "futr" || (a?.tense === "impr" && !a.pastToo)) future = true;
    }
  if (spans(PLAN_WORDS, lower).length > 0 && !/договорил|agreed|booked/u.test(lower)) return "plan";
  // "по итогу дня: …", "итоги вторника": a summary tells what was done.
  if (/(?<![\p{L}])итог/u.test(lower)) return "past";
  if (past) return "past";
  if (future || spans(FUTURE_WORDS, lower).length > 0) return "plan";
  return null;
}

// "пытался набрать", "удалось дозвониться": a try or a success told with an infinitive is done, not promised.
const TRY = "(?:пыта|пробова|старал)\\p{L}*";
const ATTEMPT = `(?:${TRY}|(?:смог|успе|удал)\\p{L}*)`;
const ATTEMPT_BEFORE = new RegExp(`(?<![\\p{L}])${ATTEMPT}\\s+(?:\\p{L}+\\s+)?$`, "u");
// "пытаюсь дозвониться до Ориона уже неделю": a call only tried, with nothing said of reaching, was not reached.
const TRY_BEFORE = new RegExp(`(?<![\\p{L}])${TRY}\\s+(?:\\p{L}+\\s+)?$`, "u");
// "счёт, который выставили в понедельник": a relative clause (the English form, "the invoice we sent", is EN_RELATIVE_BEFORE).
const RELATIVE_BEFORE = /(?<![\p{L}])(?:котор\p{L}*|which)\s+(?:\S+\s+){0,4}$/u;
/** "…, который мы отправили в среду": a clause opened by a relative pronoun tells about a noun of the one before. */
const RELATIVE_CLAUSE = /^(?:котор\p{L}*|which)(?![\p{L}])/iu;
const INFINITIVE_AFTER = new RegExp(`^\\s+(?!${ATTEMPT})(?:\\p{L}+\\s+)?\\p{L}+(?:ть|ться|ти)(?![\\p{L}])`, "u");

/** The English past verbs of a clause; without the irregular ones first read in round 11 when `irregular` is false. */
function enPast(lower: string, irregular = true): [number, number][] {
  const all = spans(EN_PAST, lower);
  return irregular ? all : all.filter(([a, b]) => !EN_IRREGULAR_PAST_WORD.test(lower.slice(a, b)));
}

/** The day a clause names and where: a weekday counts only as a past day, never one ahead. */
function readDays(lower: string, booking: boolean, pastTense: boolean): { day: DayRef | null; spans: [number, number][] } {
  const found: [number, number][] = [...spans(AGO, lower), ...spans(WEEKDAY_AHEAD, lower)];
  let day: DayRef | null = null;
  AGO.lastIndex = 0;
  const ago = AGO.exec(lower)?.[0];
  if (ago) day = { type: "ago", days: /^(?:позавчера|day)/u.test(ago) ? 2 : ago === "вчера" || ago === "yesterday" ? 1 : 0 };
  for (const m of allMatches(WEEKDAY, lower)) {
    found.push([m.index, m.index + m[0].length]);
    // "встреча в пятницу" is when it is set, not when it was: a weekday dates a clause only when something was done.
    // "созвонились — встреча в чт", "договорился о звонке в пятницу": the weekday of an appointment is ahead.
    const ofAppointment = /(?:встреч\p{L}*|демо|през\p{L}*|созвон\p{L}*|звонк\p{L}*|звонок|meeting|demo|call)\s+$/u.test(
      lower.slice(0, m.index),
    );
    // "обещали в пятницу заплатить": the weekday of what is promised is ahead.
    // "перезвонить в понедельник", "перезвоните в понедельник": so is the weekday right after an infinitive or an order.
    const promised =
      // "в пятницу пыталась достучаться": an infinitive after a try that was made is no promise.
      INFINITIVE_AFTER.test(lower.slice(m.index + m[0].length)) ||
      /(?<![\p{L}])\p{L}+(?:ть|ться|ти|ите|йте)\s+$/u.test(lower.slice(0, m.index)) ||
      // "оплатят в пн", "подпишут в среду": what they will do, told in the third person plural, is ahead.
      /(?<![\p{L}])\p{L}{3,}(?:ят|ут|ют)\s+$/u.test(lower.slice(0, m.index)) ||
      // "подписываем в пятницу", "отгружаем в среду": what we are about to do is ahead too.
      /(?<![\p{L}])\p{L}{3,}(?:ваем|аем|яем|уем)\s+$/u.test(lower.slice(0, m.index)) ||
      // "сказала оплата в пт": a payment named with no verb is one expected.
      (/(?<![\p{L}])оплат[аыу]\s+$/u.test(lower.slice(0, m.index)) &&
        !/^\s+(?:пришл|поступил|прошл|упал|был)/u.test(lower.slice(m.index + m[0].length)));
    // "по итогу вторника: …": a diary's day is a day past.
    // "sunday: demo for Apex": a weekday heading a line with a colon is a diary's day past.
    const heading = m[2] !== undefined && /^\s*[:—–-]/u.test(lower.slice(m.index + m[0].length));
    const ahead =
      m[3] === undefined &&
      m[4] === undefined &&
      !heading &&
      (booking ||
        promised ||
        (ofAppointment && spans(HELD, lower).length === 0) ||
        (!pastTense && /встреч|meet|демо|demo|презент/u.test(lower)));
    const name = m[1] ?? m[2] ?? m[3] ?? m[4] ?? "";
    const weekday = WEEKDAY_NAMES.find(([re]) => re.test(name))?.[1];
    // "оплатил счёт который выставили в понедельник", "paid the invoice we sent on wednesday": the weekday of a
    // relative clause dates what that clause tells, not the event.
    const relative = RELATIVE_BEFORE.test(lower.slice(0, m.index)) || EN_RELATIVE_BEFORE.test(lower.slice(0, m.index));
    if (!ahead && !relative && weekday && day === null) day = { type: "weekday", weekday };
  }
  // "they signed wednesday", "sent the contract monday": in English a weekday's full name bare after a past verb dates it.
  if (day === null && pastTense && !booking && /[a-z]/u.test(lower) && !EN_WEEKDAY_AHEAD_CLAUSE.test(lower))
    for (const m of allMatches(EN_BARE_WEEKDAY, lower)) {
      if (found.some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
      const before = lower.slice(0, m.index);
      const pastAfter = EN_WEEKDAY_BEFORE_PAST.test(lower.slice(m.index + m[0].length));
      if ((!EN_PAST_BEFORE_WEEKDAY.test(before) && !pastAfter) || EN_RELATIVE_BEFORE.test(before)) continue;
      found.push([m.index, m.index + m[0].length]);
      const weekday = WEEKDAY_NAMES.find(([re]) => re.test(m[0]))?.[1];
      if (weekday) day = { type: "weekday", weekday };
      break;
    }
  return { day, spans: found };
}

const OBLIQUE: readonly GramCase[] = ["gent", "datv", "accs", "ablt", "loct"];
const PERSON = new Set(["surname", "name"]);
/**
 * Verbs of calling and the case of whom they reach: "звонил кристаллу 3й раз" (dative), "набирал медсинтез"
 * (accusative), "недозвон техноресурс"; read as name prepositions, lower case too (see CALL_OBJECT).
 */
const CALL_OBJECT_CASES: Record<string, readonly GramCase[]> = {
  звонил: ["datv"],
  звонила: ["datv"],
  звонили: ["datv"],
  недозвон: ["nomn", "datv"],
  набрал: ["accs"],
  набрала: ["accs"],
  набрали: ["accs"],
  набирал: ["accs"],
  набирала: ["accs"],
  набирали: ["accs"],
};
/** Prepositions before a client and the cases they govern. */
const NAME_PREPS: Record<string, readonly GramCase[]> = {
  в: ["accs", "loct"],
  во: ["accs", "loct"],
  с: ["ablt", "gent"],
  со: ["ablt", "gent"],
  для: ["gent"],
  у: ["gent"],
  от: ["gent"],
  к: ["datv"],
  ко: ["datv"],
  из: ["gent"],
  до: ["gent"],
  клиенту: ["nomn", "datv"],
  клиент: ["nomn"],
  компании: ["nomn", "datv", "gent"],
  компания: ["nomn"],
  ...CALL_OBJECT_CASES,
  to: ["nomn"],
  with: ["nomn"],
  w: ["nomn"],
  for: ["nomn"],
  at: ["nomn"],
  from: ["nomn"],
};
/** The verbs of calling in NAME_PREPS, after which a lowercase word is a name only when it is a noun and no relative. */
const CALL_OBJECT: ReadonlySet<string> = new Set(Object.keys(CALL_OBJECT_CASES));
const FAMILY = /^(?:мам|пап|жен|муж|сын|доч|брат|сестр|бабушк|дедушк|друг|подруг)\p{L}{0,3}$/u;
const VERBISH = /(?:ли|ла|лся|лась|лись|ло|ть|ться|ем|им|ешь|ите|ул|ил|ал|ял|ел)$/u;

interface Token {
  possessive?: boolean;
  text: string;
  lower: string;
  start: number;
  end: number;
}

interface ClientRef {
  /** The words it was read from, as typed. */
  typed: string;
  name: string;
  isNew: boolean;
  start: number;
  /** A new name read only from a lowercase word after a preposition ("в отпуске"): weak evidence. */
  weak?: boolean;
  /** Read only by a round-11 English rule (a possessive typed without its apostrophe): confirmed, never stored unasked. */
  newlyRead?: boolean;
  /** A new name the dictionary knows as a place after "в/во/на/из" ("объект в Химках"), a person named by a role or a
   * first name, or who recommended the client: no client beside a company. */
  place?: boolean;
  /** Of those, the place ("из Томска"). */
  town?: boolean;
  /** Of those, a person one can speak to, not named after "в/на" (where "звонок в Гермес" names a company). */
  person?: boolean;
  /** A known client read from a shortened name ("байкал-серв"): confirmed, never stored unasked. */
  loose?: boolean;
  /** A known client read from the opening word of its name typed in lower case, a word the dictionary knows. */
  common?: boolean;
}

interface Clause {
  kind: ActivityKind | null;
  outcome: CallOutcome | null;
  clients: ClientRef[];
  amountMinor: number | null;
  amountInvalid: boolean;
  currency: boolean;
  reason: string | null;
  /** The reason told of one of several clients lost together ("— Алмаз дорого"), by its client's key. */
  reasonOf?: { key: string; reason: string | null };
  pastDay: boolean;
  /** The day this clause names ("вчера", "в пятницу"), null when none. */
  day: DayRef | null;
  /** Has a call word of its own ("звонил"), not only an outcome ("не отвечает"). */
  callWord: boolean;
  /** Said only "обсудили", "поговорили": a call on its own, else a remark on the event before. */
  reachedOnly: boolean;
  /** A meeting or demo still ahead ("демо на понедельник", "зовут на встречу"): the outcome of a call told before it. */
  bookedAhead: boolean;
  /** Its call word only says where something else happened ("6 people on the call", "на созвоне"). */
  callMedium: boolean;
  /** Its meeting word is only a video medium where something else happened ("5 ppl on the zoom"). */
  videoMedium: boolean;
  /** Planned, not done: "отправлю КП завтра", "напомни позвонить". */
  plan: boolean;
  /** Tells something done: a past verb, or a booking. */
  past: boolean;
  /** An appointment with no verb and a weekday ("в понедельник демо в Океане"): ahead, unless a diary of past days. */
  verblessWeekday: DayRef | null;
  /** The words the kind and the amount were read from, as typed. */
  kindPhrase: string | null;
  amountPhrase: string | null;
  /** A round-11 English rule or a round-12 rule changed this clause's reading: confirmed, never stored unasked
   * (see newlyReadEnglish). */
  newlyRead?: boolean;
  /** Words no rule of the reader accounted for ("абонент не абонент", "закрывает бизнес"): a reading to ask about. */
  unexplained: string[];
}

const isCyrillic = (s: string) => /[а-яё]/iu.test(s);
const isUpper = (s: string) => /^\p{Lu}/u.test(s);
/** A call missed, told in words no written message is missed by. */
const CALL_MISSED = /(?<![\p{L}])(?:busy\s+signal|line\s+busy|voicemail|не\s+взял\p{L}*\s+трубк|недозвон|занято|абонент\s+недоступ)/u;
/** "им", "them": the client told of before, as the object of the event. */
const OBJECT_PRONOUN = /(?<![\p{L}])(?:им|ему|ей|них|нему|ней|them|him|her)(?![\p{L}])/iu;
/** Words before a competitor's name: buying from it, leaving for it. */
const COMPETITOR_BEFORE =
  /(?:^|[^\p{L}])(?:(?:берут|брать|взял\p{L}*|уш[её]л\p{L}*|ушли|уходят|переш\p{L}*)\s+(?:у|к)|(?:купил\p{L}*|покупа\p{L}*|заказыва\p{L}*|выбрал\p{L}*)\s+(?:\p{L}+\s+)?у|в\s+пользу|(?:went|gone|going|switched)\s+(?:over\s+)?(?:with|to))\s*$/u;
/** Words of a client getting in touch first, by phone or in writing. */
const INBOUND_CONTACT =
  /сам[иа]?\s+(?:\p{L}+\s+)?(?:позвонил|набрал|перезвонил|написал|вышл|выш[её]л|обратил)|(?:позвонил|набрал|перезвонил|написал|вышл|выш[её]л)\p{L}*\s+сам|(?:called|rang|phoned|reached\s+out\s+to)\s+(?:us|me)(?![\p{L}])|called\s+in(?![\p{L}])/u;
/** A word the dictionary knows as an ordinary noun or adjective, no name of anyone or anything. */
const isCommonWord = (a: WordAnalysis | null) => a !== null && !a.guessed && !a.proper && (a.pos === "noun" || a.pos === "adj");
// "отменилась, перенесли на 10-е": a meeting called off and set for a new date is moved.
const calledOff = (lower: string) => CANCELLED.test(lower) && spans(RESCHEDULED, lower).length === 0;

function tokenize(text: string): Token[] {
  // "Здоровье+": a plus right after a letter ends a name.
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&'’-]*(?:(?<=\p{L})\+)?/gu)].map((m) => {
    // "Acme's office": the owner is the name, and the name ends there.
    const possessive = /\p{L}['’]s$/iu.test(m[0]);
    const word = possessive ? m[0].slice(0, -2) : m[0];
    return { text: word, lower: norm(word), start: m.index, end: m.index + word.length, possessive };
  });
}

/** Spans [start, end) of every match of `re` in `text`. */
function spans(re: RegExp, text: string): [number, number][] {
  return allMatches(re, text).map((m) => [m.index, m.index + m[0].length]);
}

/**
 * Every match of a global pattern, read with the pattern's own exec rather than matchAll: matchAll clones the pattern,
 * and the clone of a long alternation is compiled again whenever the engine has dropped it from its cache, which it does
 * at collections — that alone made a message read first three times slower.
 */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const memo = readMemo?.get(re)?.get(text);
  if (memo) return memo;
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.global ? re.exec(text) : null) {
    found.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  if (readMemo) {
    const byText = readMemo.get(re) ?? new Map<string, RegExpExecArray[]>();
    byText.set(text, found);
    readMemo.set(re, byText);
  }
  return found;
}
/**
 * The matches found while one message is read: a quarter of the scans repeat one already made on the same words (the
 * whole message and its clauses are asked the same questions from several rules). Set by readFreeText for the length
 * of one read, which runs to its end before any other; the matches are never changed by their readers.
 */
let readMemo: Map<RegExp, Map<string, RegExpExecArray[]>> | null = null;

const covered = (t: Token, ss: [number, number][]) => ss.some(([a, b]) => t.start < b && t.end > a);

function stripLegal(name: string): string {
  const words = name
    .replace(/[«»"“”„']/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && LEGAL.has(norm(words[0]!))) words.shift();
  while (words.length > 1 && LEGAL.has(norm(words[words.length - 1]!).replace(/\.$/, ""))) words.pop();
  return words.join(" ");
}

/** Hand-made fallback for the base form of a name word in an oblique case. */
function basicBase(word: string): string {
  const rules: [RegExp, string][] = [
    [/ой$/u, "а"],
    [/ей$/u, "я"],
    [/ку$/u, "ка"],
    [/у$/u, "а"],
    [/ю$/u, "я"],
    [/ом$/u, ""],
    [/ем$/u, "ь"],
  ];
  for (const [re, to] of rules) if (re.test(word) && word.length > 4) return word.replace(re, to);
  return word;
}

/** An adjective's base form in the gender of the noun after it: "детский" before "сад", "портовое" before "снабжение". */
function agreeing(adjective: string, noun: string, morph: Morphology): string {
  if (morph(norm(adjective), null)?.pos !== "adj") return adjective;
  const endings = /[ая]$/u.test(noun) ? ["ая", "яя"] : /[ое]$/u.test(noun) ? ["ое", "ее"] : ["ий", "ый", "ой"];
  const stem = adjective.slice(0, -2);
  const agreed = endings
    .map((e) => stem + e)
    .find((c) => {
      const a = morph(norm(c), null);
      return a?.pos === "adj" && a.base === norm(c) && !a.guessed;
    });
  return agreed ?? adjective;
}

/** Puts a (possibly inflected) name into its base form, keeping the writer's capitals. */
function baseName(
  words: Token[],
  cases: readonly GramCase[] | null,
  subject: boolean,
  morph: Morphology | null,
  apposition: "legal" | "person" | "trade" | null = null,
): string {
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  // "ООО Семена Сибири": after a legal form or a trade, a name whose first word stands as typed is typed in full.
  let firstAsTyped = false;
  return (
    words
      .map((t, i) => {
        if (i > 0 && apposition && firstAsTyped) return capital(t.text);
        // "в Фабрику Окон", "у Инвест Групп": a later word that reads only as a genitive plural with no ending is an
        // attribute of the word before it and is typed as it stands; so as the subject ("Фреш Маркет оплатил").
        if (
          i > 0 &&
          (cases || subject) &&
          morph &&
          isCyrillic(t.text) &&
          /[бвгджзклмнпрстфхцчшщ]$/u.test(t.lower) &&
          !/(?:ом|ем|ам|ям|ах|ях)$/u.test(t.lower)
        ) {
          const g = morph(t.lower, ["gent"]);
          if (g?.pos === "noun" && !g.guessed && !g.nominativeAny && /[аыи]$/u.test(g.base)) return capital(t.text);
        }
        // "у Альфа Принта", "с Бизнес Центром": a first word typed as a nominative singular before a last word that carries
        // the case is a fixed modifier and stays as typed.
        if (i === 0 && cases && morph && words.length === 2 && isCyrillic(t.text) && !t.text.includes("-")) {
          const last = words[1]!;
          const own = morph(t.lower, null);
          const lastCase = morph(last.lower, cases);
          if (own?.nominative && own.pos === "noun" && lastCase && !lastCase.nominative && /(?:[аяуюеиы]|ом|ем)$/u.test(last.lower))
            return capital(t.text);
        }
        const based = baseWord(t);
        if (i === 0) firstAsTyped = based === capital(t.text);
        return based;
      })
      // "«Портового снабжения»": an adjective declined with a neuter noun takes the neuter's ending too.
      // "с Белой Розой": so does an adjective the dictionary read as a first name ("Бела"), typed with an adjective's ending.
      .map((w, i, all) => {
        if (i !== 0 || all.length !== 2 || !morph || w === capital(words[0]!.text) || !isCyrillic(w)) return w;
        if (/[ое]$/u.test(all[1]!)) return agreeing(w, norm(all[1]!), morph);
        const typed = words[0]!.text;
        if (morph(norm(typed), null)?.proper !== "name" || !/(?:ой|ей|ому|ему|ого|его|ым|им|ую|юю)$/u.test(norm(typed))) return w;
        const agreed = agreeing(`${typed.slice(0, -2)}ый`, norm(all[1]!), morph);
        return agreed === `${typed.slice(0, -2)}ый` && morph(norm(agreed), null)?.pos !== "adj" ? w : capital(agreed);
      })
      .join(" ")
  );

  function baseWord(t: Token): string {
    // "набрал «Облицовку-М»", "в «Кровлю-Центр»": a first part typed in the accusative of a feminine noun the dictionary
    // knows declines, the rest stays as typed.
    const first = t.text.indexOf("-");
    if (cases?.includes("accs") && morph && first > 0 && isCyrillic(t.text) && !apposition && /[ую]$/u.test(t.text.slice(0, first))) {
      const head = morph(norm(t.text.slice(0, first)), ["accs"]);
      if (
        head?.pos === "noun" &&
        !head.guessed &&
        !head.proper &&
        /[ая]$/u.test(head.base) &&
        norm(head.base).slice(0, 3) === norm(t.text.slice(0, 3))
      )
        return `${t.text.charAt(0)}${head.base.slice(1)}${t.text.slice(first)}`;
    }
    // "в Транслайне": a word the dictionary does not know, with the locative's ending after a consonant, loses it
    // (unless it reads as a feminine noun's: "в Стройбазе").
    if (
      cases?.includes("loct") &&
      morph &&
      isCyrillic(t.text) &&
      !t.text.includes("-") &&
      t.lower.length > 6 &&
      /(?<=[бвгджзклмнпрстфхцчшщ])е$/u.test(t.lower) &&
      morph(t.lower, cases)?.guessed &&
      !/[ая]$/u.test(morph(t.lower, cases)?.base ?? "")
    )
      return capital(t.text.slice(0, -1));
    // "для Эко-Фермы", "с Агро-Югом": after a preposition a hyphenated name declines its last part only.
    const cut = t.text.lastIndexOf("-");
    // "в Аэро-Техник": a tail that can be typed in the nominative after "в" stays as typed.
    const typedNominative = cases?.includes("accs") && morph?.(norm(t.text.slice(cut + 1)), ["nomn"])?.nominative;
    // "демо Логистик-Центру провёл": with no preposition, a tail with a case ending no nominative has is declined too;
    // "из Техмонтаж-Групп": a tail with no singular case ending is typed as it stands.
    const tailText = norm(t.text.slice(cut + 1));
    const caseEnding = /(?:[уюаяеиы]|ом|ем|ой|ей|ами|ями)$/u.test(tailText);
    const declined = caseEnding ? (cases ?? (cut > 0 && !morph?.(tailText, ["nomn"])?.nominativeAny ? OBLIQUE : null)) : null;
    if (cut > 0 && declined && morph && isCyrillic(t.text) && isUpper(t.text.slice(cut + 1)) && !apposition && !typedNominative) {
      const tail = t.text.slice(cut + 1);
      const a = morph(norm(tail), declined);
      // "Полимер-Сибири": a place's name declines like any noun's.
      if (
        a &&
        a.pos === "noun" &&
        !a.guessed &&
        (!a.proper || a.proper === "geo") &&
        !a.nominative &&
        norm(a.base).slice(0, 2) === norm(tail).slice(0, 2)
      )
        return `${t.text.slice(0, cut + 1)}${tail.charAt(0)}${a.base.slice(1)}`;
    }
    if (!isCyrillic(t.text) || t.text.includes("-") || /[\d+]/.test(t.text) || (t.text.length <= 4 && t.text === t.text.toUpperCase()))
      return t.text;
    // "ИП Соколова", "ООО Цифровые Решения", "в клинику Здоровье": a name in apposition to its legal form or
    // its trade is typed in the nominative whatever the preposition before asks.
    const inApposition = apposition ? morph?.(t.lower, ["nomn"]) : undefined;
    // After a legal form the preposition's case already allows the nominative; a plural one, or a word the
    // dictionary does not know ("ООО Стройтехника"), was missed.
    if (
      inApposition?.nominativeAny &&
      inApposition.proper !== "surname" &&
      (apposition === "trade" ||
        (!inApposition.nominative && !inApposition.guessed) ||
        (inApposition.guessed && !/(?:ом|ем|ой|ей|ым|им|ами|ями|ах|ях|[уюеи])$/u.test(t.lower)))
    )
      return capital(t.text);
    // "ИП Кириллов оплатил", "ИП Кириллова оплатила": a sole trader opening the clause is its subject, typed in the
    // nominative ("Кириллов" is no genitive plural of "Кирилл"); so is a company's name after its form that can be one.
    // "ИП Белоусовой отправила счёт": a surname with an oblique ending is the object put first, and is declined.
    const subjectSurname = apposition === "person" && !/(?:ой|ому|ым|ом|ей|[ую])$/u.test(t.lower);
    if (cases === null && subject && (subjectSurname || (apposition === "legal" && inApposition?.nominative))) return capital(t.text);
    // "с ООО Альфатехом": a word the dictionary does not know with the instrumental's masculine ending after "с" loses it.
    if (
      cases?.includes("ablt") &&
      /(?<=[бвгджзклмнпрстфхцчшщ])ом$/u.test(t.lower) &&
      t.lower.length > 5 &&
      morph?.(t.lower, cases)?.guessed
    )
      return capital(t.text.slice(0, -2));
    // "в ТехноКом", "набрать СтройДом": a word the dictionary does not know, ending as a masculine nominative, as a
    // subject, an object or after a preposition that allows the accusative, is typed in its base form (the guess
    // from its tail would inflect it).
    if (
      (cases === null || cases.includes("accs") || cases.includes("nomn")) &&
      /[бвгджзклмнпрстфхцчшщйь]$/u.test(t.lower) &&
      morph?.(t.lower, cases)?.guessed
    )
      return capital(t.text);
    let keepTyped = cases === null ? subject : cases.includes("nomn");
    // After a verb a surname is in an oblique case ("потеряли Кузнецова" is Кузнецов, not
    // Кузнецова); any other word is read as it comes ("не взял трубку Кузнецов").
    let analysed = morph ? morph(t.lower, cases ?? (subject ? null : OBLIQUE)) : null;
    if (morph && cases === null && !subject && analysed?.proper !== "surname") {
      analysed = morph(t.lower, null);
      keepTyped = true;
    }
    // A name typed in the nominative as the subject ("Орлова подписала") stays as typed; after a
    // verb or a preposition the case decides ("потеряли Кузнецова" → Кузнецов).
    const keep = keepTyped && (cases === null || analysed?.proper !== "surname");
    if (analysed?.nominative && keep) return t.text.charAt(0).toUpperCase() + t.text.slice(1);
    let base = analysed && (analysed.pos === "noun" || analysed.pos === "adj") ? analysed.base : morph ? t.lower : basicBase(t.lower);
    // "из Техмаша", "к Альфатеху", "для Автодора": a word the dictionary cannot place in the case a preposition asks
    // for loses that case's masculine ending.
    if (morph && (!analysed || analysed.pos === "other" || analysed.offCase) && cases?.length === 1) {
      const ending = cases[0] === "gent" ? /(?<=[бвгджзклмнпрстфхцчшщ])а$/u : cases[0] === "datv" ? /(?<=[бвгджзклмнпрстфхцчшщ])у$/u : null;
      if (ending && t.lower.length > 4) base = t.lower.replace(ending, "");
    }

    // A base form that lost the word's beginning is a guess from its tail ("Медиагрупп" → "группы"): keep the word.
    if (norm(base).slice(0, 3) !== t.lower.slice(0, 3)) base = t.lower;
    // The part the base form shares with the word keeps the writer's letters: "ТехноПарком" → "ТехноПарк".
    let p = 0;
    while (p < base.length && p < t.lower.length && base[p] === t.lower[p]) p++;
    base = t.text.slice(0, p) + base.slice(p);
    if (t.text === t.text.toUpperCase() && t.text.length > 1) base = base.toUpperCase();
    else if (isUpper(t.text) || !isUpper(base)) base = base.charAt(0).toUpperCase() + base.slice(1);
    return base;
  }
}

/**
 * A quoted name after a preposition, in its base form: its words up to a number ("«Пельменной №1»") are declined, unless
 * the last of several stands in the nominative: "от «Тёплый Пол Сервис»" was typed so, and in "для «Агрохолдинга
 * Рассвет»" only the first word, a trade, takes the case.
 */
function quotedBase(name: string, cases: readonly GramCase[], morph: Morphology): string {
  const all = tokenize(name);
  const numberAt = all.findIndex((t, i) => /\d/.test(t.text) || /№/u.test(name.slice(all[i - 1]?.end ?? 0, t.start)));
  const words = numberAt < 0 ? all : all.slice(0, numberAt);
  if (words.length === 0 || !words.every((t) => isCyrillic(t.text))) return name;
  const nominative = (t: Token) => morph(t.lower, null)?.nominative === true;
  // "от «СеверСтафф»": a name the dictionary does not know that ends in a consonant is no oblique case of anything.
  const last = words[words.length - 1]!;
  // ("-ом", "-ах", "-ов" end in a consonant too: those are left to the dictionary.)
  if (/^[^-]{4,}[бгджзклнпрстфцчшщ]$/u.test(last.lower) && morph(last.lower, null)?.guessed === true) return name;
  const declined = words.length === 1 || !nominative(words[words.length - 1]!) ? words : nominative(words[0]!) ? [] : words.slice(0, 1);
  if (declined.length === 0) return name;
  const end = declined[declined.length - 1]!.end;
  return `${baseName(declined, cases, false, morph)}${name.slice(end)}`;
}

/** Whether a token can be (part of) a client's name. */
function nameish(
  t: Token,
  first: boolean,
  afterPrep: boolean,
  cases: readonly GramCase[] | null,
  morph: Morphology | null,
  unknownBeforeEvent = false,
): boolean {
  if (STOP.has(t.lower) || /^\d+$/.test(t.text)) return false;
  // "talked Q3 volumes", "арматуру А500С": a short code of letters and digits is a product or a period, no name.
  if (/^\p{L}{1,3}\d+\p{L}{0,3}$/u.test(t.text)) return false;
  // "Ran the demo for …": an English past verb opening the message is no name.
  if (first && !isCyrillic(t.text) && (EN_IRREGULAR_PAST_WORD.test(t.lower) || EN_OPENING_VERB.test(t.lower))) return false;
  if (EN_NOT_NAME.has(t.lower)) return false;
  if (LEGAL.has(t.lower)) return false;
  if (!isCyrillic(t.text)) return /\p{L}/u.test(t.text) && (isUpper(t.text) || afterPrep);
  // "с кладовщиками": a role in the plural too.
  const base = morph ? (morph(t.lower, null)?.base ?? "") : "";
  if (ROLES.has(base) || ROLES.has(base.replace(/[иы]$/u, ""))) return false;
  // "с ИТ-директором", "коммерческий-директор": a role with a prefix is a role too.
  const cut = t.lower.lastIndexOf("-");
  if (cut > 0 && morph && ROLES.has(morph(t.lower.slice(cut + 1), null)?.base ?? "")) return false;
  if (!isUpper(t.text) && TRADE.test(t.lower)) return false;
  // "Тендер «Ветлечебница №3» проиграли": a tender is whose it is, never a name, capitalised too.
  if (TENDER_NOUN.test(t.lower) && /^(?:тендер|конкурс|закупк|аукцион)\p{L}{0,3}$/u.test(t.lower)) return false;
  // "ладога отказалась": typed in lower case, a message's first word is a name when the dictionary knows it as one;
  // "уралмебель дозвон": or when it does not know it at all, a noun in the nominative right before an event word.
  if (!isUpper(t.text) && !afterPrep && !(first && (morph?.(t.lower, null)?.proper || unknownBeforeEvent))) return false;
  if (first || afterPrep) {
    // After a preposition the case it governs decides: "с Зарёй" is a noun, though
    // "зарей" alone (ё written as е) also reads as a verb form.
    const a = morph?.(t.lower, cases);
    if (a && a.pos === "verb") return false;
    if (!a && first && VERBISH.test(t.lower)) return false;
  }
  return true;
}

interface AmountHit {
  minor: number | null;
  invalid: boolean;
  foreign: boolean;
  start: number;
  end: number;
  strong: boolean;
}

function wordedAmounts(text: string): AmountHit[] {
  const hit = (m: RegExpExecArray, value: number): AmountHit => ({
    minor: Math.round(value * 100),
    invalid: false,
    foreign: false,
    start: m.index,
    end: m.index + m[0].length,
    strong: true,
  });
  const sum = (words: string) =>
    words
      .toLowerCase()
      .split(/\s+/u)
      .reduce((n, w) => n + (NUMBER_WORDS[w] ?? 0), 0);
  const count = (c: string | undefined) => (c === undefined ? 1 : /^\d+$/u.test(c) ? Number(c) : sum(c));
  const millions = allMatches(MILLION_AND_HUNDREDS, text).map((m) => hit(m, count(m[1]) * 1_000_000 + sum(m[2]!) * 1000));
  const halves = allMatches(AND_A_HALF, text).map((m) =>
    hit(m, m[3] ? 500_000 : (sum(m[1]!) + 0.5) * (/^(?:тыс|тыщ)/iu.test(m[2]!) ? 1000 : 1_000_000)),
  );
  const taken = [...millions, ...halves];
  const plain = allMatches(WORDED_AMOUNT, text)
    .filter((m) => !taken.some((t) => m.index < t.end && m.index + m[0].length > t.start))
    .map((m) => {
      let value = 0;
      for (const word of m[1]!
        .toLowerCase()
        .split(/[\s-]+/u)
        .filter(Boolean))
        value = word === "hundred" ? Math.max(value, 1) * 100 : value + (NUMBER_WORDS[word] ?? 0);
      const mult = /^(?:млн|миллион|лям|лимон|million|mln)/iu.test(m[2]!) ? 1_000_000 : 1000;
      return { minor: value * mult * 100, invalid: false, foreign: false, start: m.index, end: m.index + m[0].length, strong: true };
    });
  return [...taken, ...plain];
}

/** Every amount-looking span, read by the same parser as /deal. */
function findAmounts(text: string): AmountHit[] {
  const words = WORD_AMOUNTS.flatMap(([re, minor]) =>
    allMatches(re, text).map((m) => ({
      minor,
      invalid: false,
      foreign: false,
      start: m.index,
      end: m.index + m[0].length,
      strong: true,
    })),
  );
  // "1 миллион двести": a sum said partly in words is read once, as said, not also as its figure alone.
  const worded = wordedAmounts(text);
  const numeric = numericAmounts(text).filter((n) => !worded.some((w) => n.start < w.end && n.end > w.start));
  return [...words, ...worded, ...numeric].sort((a, b) => a.start - b.start);
}

/**
 * Whether a message names another day, a date or a moved meeting (NEEDS_A_LOOK), so its reading
 * is confirmed, not stored unasked. Its amounts are blanked first: "на 1.5 млн" is a sum, not a date.
 */
export function needsALook(lower: string): boolean {
  let text = lower;
  for (const a of findAmounts(lower)) if (a.strong) text = text.slice(0, a.start) + " ".repeat(a.end - a.start) + text.slice(a.end);
  return NEEDS_A_LOOK.test(text);
}

/** A unit after a number that makes it no sum of money. */
const AMOUNT_UNIT =
  /^\s*(?:м2|м²|кв\.?\s*м|квадрат\p{L}*|метр\p{L}*|тонн\p{L}*|кг|км|литр\p{L}*|шт\.?|штук\p{L}*|sq\.?\s*m|sqm|m2|seats?|units?|pcs)(?![\p{L}\d])/iu;

function numericAmounts(text: string): AmountHit[] {
  const hits: (AmountHit & { num: string; mult: string | undefined })[] = [];
  for (const m of allMatches(AMOUNT_RE, text)) {
    let num = m[2]!.replace(/[\s\u00A0\u202F\u2009]+$/u, "");
    const multRaw = m[3];
    // "12,500" (English thousands): a comma before exactly three digits, with no multiplier, groups thousands.
    if (!multRaw && /^\d{1,3}(?:,\d{3})+$/u.test(num)) num = num.replace(/,/gu, "");
    // "120.000 руб": so does a dot before exactly three digits, twice or with a currency.
    if (!multRaw && (/^\d{1,3}(?:\.\d{3}){2,}$/u.test(num) || (m[4] !== undefined && /^\d{1,3}\.\d{3}$/u.test(num))))
      num = num.replace(/\./gu, "");
    const cur = m[4];
    if (/^полтор/iu.test(num)) {
      if (!multRaw) continue;
      num = "1,5";
    }
    const after = text.slice(m.index + m[0].length);
    // "на 1200 м2", "60 seats": a number with a unit of area, weight or count is no sum.
    if (!multRaw && !m[4] && AMOUNT_UNIT.test(after)) continue;
    // "допник на 90 000 к основному договору": "к" after a sum written out in full is the preposition.
    if (multRaw && /^[кk]$/iu.test(multRaw) && /\d[\s\u00A0]\d{3}$/u.test(num) && /^\s+\p{L}/u.test(after)) {
      const parsed = parseAmount(num);
      if (!("error" in parsed))
        hits.push({
          minor: parsed.minor,
          invalid: false,
          foreign: false,
          start: m.index,
          end: m.index + m[2]!.length,
          strong: false,
          num,
          mult: undefined,
        });
      continue;
    }
    // "420т карбамида": tonnes of a material, not thousands.
    if (
      multRaw &&
      /^т$/iu.test(multRaw) &&
      /^\s+(?!(?:за|по|на|в|во|и|а|с|со|до|от|руб\p{L}*|р|сегодня|вчера|позавчера|утром|днем|днём|вечером|наличными|налом|безналом|переводом|аванс\p{L}*|предоплат\p{L}*)(?![\p{L}]))[а-яё]{4,}/iu.test(
        after,
      )
    )
      continue;
    // A lone year, a time or a quantity word is not money: "2 встречи" has no amount.
    const mult = multRaw ? MULT.find(([re]) => re.test(multRaw))?.[1] : undefined;
    const foreign = m[1] !== undefined || (cur !== undefined && CURRENCY_FOREIGN.test(cur));
    const strong = mult !== undefined || cur !== undefined || m[1] !== undefined;
    const parsed = parseAmount(`${num}${mult ? ` ${mult}` : ""}`);
    hits.push({
      minor: "error" in parsed ? null : parsed.minor,
      invalid: "error" in parsed,
      foreign,
      start: m.index,
      end: m.index + m[0].length,
      strong,
      num,
      mult,
    });
  }
  // "Гранит на 200 и Полюс на 300 тысяч": a bare number joined to one with a multiplier shares it.
  for (let i = hits.length - 2; i >= 0; i--) {
    const [hit, next] = [hits[i]!, hits[i + 1]!];
    if (hit.strong || !next.mult || !SHARED_MULTIPLIER.test(text.slice(hit.end, next.start))) continue;
    const parsed = parseAmount(`${hit.num} ${next.mult}`);
    if ("error" in parsed) continue;
    Object.assign(hit, { minor: parsed.minor, invalid: false, strong: true, foreign: next.foreign, mult: next.mult });
  }
  // "на 2 млн 300", "2 млн 300 тыс", "2 млн 300 000": what follows millions with no word between is the rest of the sum.
  for (let i = hits.length - 2; i >= 0; i--) {
    const [hit, next] = [hits[i]!, hits[i + 1]!];
    const thousands = next.mult === "тыс" || (!next.strong && next.mult === undefined);
    const bare = next.num.replace(/[\s\u00A0\u202F\u2009]/gu, "");
    const roubles = !next.strong && next.mult === undefined && /^\d{5,6}$/u.test(bare);
    if (
      hit.mult !== "млн" ||
      hit.minor === null ||
      !thousands ||
      !(roubles || /^\d{1,3}$/u.test(next.num)) ||
      text.slice(hit.end, next.start).trim()
    )
      continue;
    const more = parseAmount(roubles ? bare : `${next.num} тыс`);
    if ("error" in more) continue;
    Object.assign(hit, { minor: hit.minor + more.minor, end: next.end });
    hits.splice(i + 1, 1);
  }
  return hits.map(({ num: _num, mult: _mult, ...hit }) => hit);
}
const SHARED_MULTIPLIER = /^\s*(?:и|или|а|and|or|,|-|–)\s+(?:[\p{L}-]+\s+){0,3}(?:на\s+|for\s+)?$/iu;

/** What the whole message says that a clause's reading depends on. */
interface MessageContext {
  /** About an email or a chat message, with no call word anywhere. */
  written: boolean;
  /** Names a meeting, a demo or a presentation somewhere ("rescheduled the demo, … moved it"). */
  appointment: boolean;
  /** Moves (not cancels) a meeting somewhere: a call told with it is the call that moved it. */
  rebooked: boolean;
  /** Has a call word somewhere. */
  call: boolean;
  /** Calls a meeting off somewhere ("встреча отменилась"). */
  calledOff?: boolean;
  /** Tells somebody reached somewhere ("дозвонился", not "не дозвонился"). */
  reached?: boolean;
  /** Books a meeting somewhere ("договорились о встрече"). */
  booked?: boolean;
  /** About a tender ("участвуем в тендере"). */
  tender?: boolean;
  /** Names an offer in English, wanted or sent ("asked for a proposal"), that "sent it" may send. */
  offerNamed?: boolean;
}

function readClause(
  text: string,
  known: KnownClients,
  aliases: SortedAliases,
  morph: Morphology | null,
  context: MessageContext = { written: false, appointment: false, rebooked: false, call: false },
  irregular = true,
): Clause {
  const lower = norm(text);
  const clause: Clause = {
    kind: null,
    outcome: null,
    clients: [],
    amountMinor: null,
    amountInvalid: false,
    currency: false,
    reason: null,
    pastDay: spans(VAGUE_PAST, lower).length > 0,
    day: null,
    reachedOnly: false,
    callWord: false,
    bookedAhead: false,
    callMedium: false,
    videoMedium: false,
    plan: false,
    past: false,
    verblessWeekday: null,
    kindPhrase: null,
    amountPhrase: null,
    unexplained: [],
  };
  const { written, appointment: appointmentInMessage } = context;
  // "не поговорили", "couldn't get hold of": a negated word of reaching is a call not reached when the
  // negation is of being able, or when the message has a call word ("called Acme, hasn't answered");
  // "не ответил на письмо", "no reply to my email": a message left unanswered is no call at all.
  const reachedAll = written ? [] : [...spans(REACHED, lower), ...spans(SPOKE_FOR_CLIENT, lower)].sort((x, y) => x[0] - y[0]);
  const reachNegated = reachedAll.filter(([a]) => NEGATED_JUST_BEFORE.test(lower.slice(0, a)));
  const noanswer = written
    ? []
    : [
        ...spans(NOANSWER, lower),
        ...(context.call ? spans(NOANSWER_AFTER_CALL, lower) : []),
        ...(context.reached || !context.call ? [] : spans(BOSS_AWAY, lower)),
        ...(context.reached || context.booked ? [] : spans(NOANSWER_UNLESS_REACHED, lower)),
        ...reachNegated.filter(([a]) => context.call || NEGATED_ABILITY.test(lower.slice(0, a))),
      ].sort((x, y) => x[0] - y[0]);
  // "встреча в пятницу прошла": a meeting said to have taken place is held, not booked.
  const held = spans(HELD, lower).length > 0;
  // "завтра встреча с Орионом" with no verb and no call anywhere in the message books nothing: it is ahead.
  const verbless =
    enPast(lower, irregular).length === 0 && !(morph && tokenize(lower).some((t) => isCyrillic(t.lower) && morph(t.lower, null)?.tense));
  // "Сокол перенёс встречу на завтра": a meeting moved with no call told anywhere books nothing.
  const movedNoCall = !context.call && spans(MOVED, lower).length > 0;
  const meetingOutcome = held || movedNoCall || (verbless && !context.call) ? [] : spans(MEETING_OUTCOME, lower);
  const tense = meetingOutcome.length > 0 ? "past" : clauseTense(lower, morph, irregular);
  // ("соединять не будет": a gatekeeper's refusal in the future tense is a call not reached, no plan.)
  clause.plan = tense === "plan" && noanswer.length === 0;
  clause.past = tense === "past";
  // "в пт встреча с Вегой", "созвон с Меркурием в 15:00": an appointment with no verb and a
  // weekday or an hour is one still ahead; "вчера встреча" names a past day and is logged.
  // "сегодня в 16 созвон с Атлантом": an hour just before the appointment's noun sets it, today included.
  const atHour =
    /(?<![\p{L}])(?:в|at)\s+(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:ч\.?\s+)?(?:созвон|встреч|демо|през|звонок|call|meeting|demo)/u.test(
      lower,
    );
  // "sunday: demo for Apex", "вт: встреча с Вегой": a weekday heading the line with a colon is a diary's day, told after it.
  const diaryHeader = /^\s*\p{L}+\.?\s*:/u.test(lower) && spans(BARE_WEEKDAY, lower)[0]?.[0] === lower.search(/\S/u);
  const appointment =
    tense === null &&
    !diaryHeader &&
    noanswer.length === 0 &&
    (spans(AGO, lower).length === 0 || (atHour && !/вчера|позавчера|yesterday/u.test(lower))) &&
    (atHour ||
      spans(WEEKDAY, lower).length > 0 ||
      spans(BARE_WEEKDAY, lower).length > 0 ||
      /(?<![\d])(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)|1?\d\s*(?:am|pm)(?![\p{L}]))|(?<![\p{L}])(?:at|в)\s+(?:[01]?\d|2[0-3])(?:\s*(?:час\p{L}*|ч|утра|вечера|дня|o'?clock))?\s*$/u.test(
        lower,
      )) &&
    /встреч|созвон|демо|през|meeting|mtg|demo|call/u.test(lower);
  if (appointment) {
    clause.plan = true;
    WEEKDAY.lastIndex = 0;
    const named = WEEKDAY.exec(lower);
    const weekday = named ? WEEKDAY_NAMES.find(([re]) => re.test(named[1] ?? named[2] ?? named[3] ?? named[4] ?? ""))?.[1] : undefined;
    if (weekday) clause.verblessWeekday = { type: "weekday", weekday };
  }
  // "демо на понедельник", "зовут на встречу", "жду их в офисе в четверг", "they'd like to meet":
  // a meeting still ahead, with no call word of its own, is what the call before it booked.
  const meetingAhead =
    MEET_WORD.test(lower) &&
    spans(HELD, lower).length === 0 &&
    noanswer.length === 0 &&
    (tense === "plan" ||
      appointment ||
      spans(WEEKDAY_AHEAD, lower).length > 0 ||
      spans(FUTURE_WORDS, lower).length > 0 ||
      spans(AHEAD_HINT, lower).length > 0);
  const callSpans = spans(CALL_WORD, lower);
  const callWord = callSpans.length > 0;
  // "трубку не берёт" tells the outcome; the call word inside it is no call told.
  clause.callWord = callSpans.some(([a, b]) => !noanswer.some(([x, y]) => a >= x && b <= y));
  clause.callMedium =
    callWord && callSpans.every(([a]) => /(?:^|\s)(?:on\s+(?:the|our|a)|during\s+the|на|во\s+время)\s+$/u.test(lower.slice(0, a)));
  clause.bookedAhead = meetingAhead && !callWord;
  const days = readDays(lower, meetingOutcome.length > 0, tense === "past");
  clause.day = days.day;
  const reached = reachedAll.filter((r) => !reachNegated.includes(r));
  const consumed: [number, number][] = [...noanswer, ...meetingOutcome, ...reached, ...spans(VAGUE_PAST, lower), ...days.spans];
  const kindsFound = new Map<ActivityKind, [number, number][]>();
  const aboutAt = spans(ABOUT, lower)[0]?.[0] ?? lower.length;
  for (const [kind, re] of KIND_PATTERNS) {
    const all = spans(re, lower);
    consumed.push(...all);
    // "охранник соединять отказался": a refusal to put one through is the call not reached, no loss.
    const ss = all.filter(([a, b]) => a < aboutAt && !(kind === "lost" && noanswer.some(([x, y]) => x <= a && b <= y)));
    if (ss.length > 0) kindsFound.set(kind, ss);
    if (kind === "meeting")
      clause.videoMedium =
        all.length > 0 &&
        all.every(
          ([a, b]) =>
            spans(VIDEO_RE, lower.slice(a, b)).length > 0 &&
            /(?:^|\s)(?:(?:on|over|via|through|during)\s+(?:the\s+|a\s+|our\s+|their\s+)?|in\s+the\s+|на\s+|в\s+)$/u.test(
              lower.slice(0, a),
            ),
        );
  }
  // "секретарша не соединила, директор на выезде": a visit or a meeting inside what says the call was not reached is
  // where the one it was for was, no event of ours.
  for (const kind of ["meeting", "presentation"] as const) {
    const own = kindsFound.get(kind)?.filter(([a, b]) => !noanswer.some(([x, y]) => a >= x && b <= y));
    if (own?.length === 0) kindsFound.delete(kind);
    else if (own) kindsFound.set(kind, own);
  }
  // "they asked for a proposal, sent it - 1.6m": in English, "sent it" after an offer named in the message sends that offer.
  const sentIt = context.offerNamed && !kindsFound.has("proposal") ? spans(EN_SENT_IT, lower) : [];
  if (sentIt.length > 0) {
    kindsFound.set("proposal", sentIt);
    consumed.push(...sentIt);
    clause.newlyRead = true;
  }
  // "sent Initech pricing on friday, they accepted today": the offer accepted is the deal.
  const accepted = context.offerNamed && !kindsFound.has("deal") ? spans(EN_ACCEPTED_IT, lower) : [];
  if (accepted.length > 0) {
    kindsFound.set("deal", accepted);
    consumed.push(...accepted);
    clause.newlyRead = true;
  }
  const bid = context.tender ? spans(TENDER_BID, lower) : [];
  if (bid.length > 0) {
    kindsFound.delete("lead");
    kindsFound.set("proposal", bid);
    consumed.push(...bid);
  }
  // "в кафе Маяк", "в ресторане Прага": a café named is where the client is, not a meeting over coffee.
  // "обед в ресторане Пушкин с Фортуной": met there with a client named after it, the café's name is no client.
  const withSomeone = /(?<![\p{L}])(?:с|со)\s+[«"]?\p{Lu}/u.test(text);
  const atPlace = kindsFound.get("meeting")?.filter(([a, b]) => {
    const place = /^во?\s/u.test(lower.slice(a, b)) ? /^\s+[«"]?\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*)*/u.exec(text.slice(b)) : null;
    if (place && withSomeone) consumed.push([b, b + place[0].length]);
    return !place || withSomeone;
  });
  if (atPlace?.length === 0) kindsFound.delete("meeting");
  else if (atPlace) kindsFound.set("meeting", atPlace);
  // "сказали перезвонить", "надо отправить КП": an infinitive names what is still to be done;
  // "перезвон в четверг" (a callback, the noun) is one still to make.
  for (const [kind, ss] of kindsFound) {
    // "решили остаться со старым поставщиком": an infinitive after a decision taken is what was decided.
    const done = ss.filter(
      ([a]) =>
        // "потом обзвон": a ring-round named with no verb of doing is one still ahead.
        (!/^(?:\p{L}+(?:ть|ться|ти)|перезвон)(?![\p{L}])/u.test(lower.slice(a)) &&
          !(/^обзвон(?![\p{L}])/u.test(lower.slice(a)) && !clause.past)) ||
        (kind === "lost" && /(?<![\p{L}])(?:решил\p{L}*|предпочл\p{L}*)\s+$/u.test(lower.slice(0, a))) ||
        (kind === "call" && ATTEMPT_BEFORE.test(lower.slice(0, a))),
    );
    if (done.length === 0) kindsFound.delete(kind);
    else kindsFound.set(kind, done);
  }
  // "Кедр ушёл в Техномакс": gone to a company named with a capital is gone to a competitor.
  // The competitor's name is not the client's.
  const goneTo =
    /(?<![\p{L}])(?:(?:уш(?:[её]л|ла|ли)|переш(?:[её]л|ла|ли))\s+(?:к|в)|выбрал[аи]?|предпочл[аи]?)\s+([«"]\p{Lu}[^«»"]*[»"]|\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*)*)/u.exec(
      text,
    );
  // "ушёл в Гранит на встречу": a visit to the team's own client or to a meeting is no loss.
  const goneToCompetitor =
    goneTo !== null && !APPOINTMENT_WORD.test(lower) && lookupKnown(goneTo[1]!.replace(/[«»"]/gu, ""), known) === null;
  if (goneTo && goneToCompetitor) {
    // "потеряли Экспедицию, ушли в ТрансКом": the competitor is the reason's, never a client, whatever word told the loss.
    if (!kindsFound.has("lost")) kindsFound.set("lost", [[goneTo.index, goneTo.index + goneTo[0].length]]);
    consumed.push([goneTo.index, goneTo.index + goneTo[0].length]);
  }
  // "Был в СибБетоне в четверг": been at a named place is a visit.
  const beenAt = /(?<![\p{L}])(?:[Бб]ыл[аи]?|[Пп]обывал\p{L}*)\s+(?:в|во)\s+[«"]?\p{Lu}/u.exec(text);
  // "был в Москве": a city is where one was, not whom one visited.
  const beenWhere = beenAt ? /^\s*[«"]?(\p{L}+)/u.exec(text.slice(beenAt.index + beenAt[0].length - 1))?.[1] : undefined;
  const beenInPlace =
    beenWhere !== undefined && morph?.(norm(beenWhere), ["loct"])?.proper === "geo" && lookupKnown(beenWhere, known) === null;
  if (beenAt && !beenInPlace && !kindsFound.has("meeting") && !kindsFound.has("presentation"))
    kindsFound.set("meeting", [[beenAt.index, beenAt.index + beenAt[0].length - 1]]);
  // "победил Евроцемент": the competitor that won is not the client.
  const winner = /(?<![\p{L}])победила?\s+[«"]?\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*)*/u.exec(text);
  if (winner && kindsFound.has("lost")) consumed.push([winner.index, winner.index + winner[0].length]);
  const notHeld = spans(NOT_HELD, lower).length > 0;
  // "КП так и не отправил", "встречу пока не назначили": every verb of the clause negated, nothing was done.
  const verbs = morph ? tokenize(lower).filter((t) => isCyrillic(t.lower) && morph(t.lower, null)?.tense === "past") : [];
  const allNegated = verbs.length > 0 && verbs.every((t) => /(?:^|\s)не\s+$/u.test(lower.slice(0, t.start)));
  // "Hooli still hasn't replied to our proposal": in English, every past verb negated.
  const enNegated = spans(EN_NEGATED, lower);
  const enAllNegated =
    !isCyrillic(lower) && enNegated.length > 0 && enPast(lower, irregular).every(([a, b]) => enNegated.some(([x, y]) => a < y && b > x));
  const movedSpans = spans(MOVED, lower);
  const moved = movedSpans.length > 0;
  for (const [kind, ss] of kindsFound) {
    if (kind === "lost") continue;
    const done = ss.filter(([a, b]) => {
      const before = lower.slice(0, a);
      // "просили прайс — выслал": a proposal asked for and then sent in the same clause was sent.
      const sentAfter = kind === "proposal" && spans(SENT_VERB, lower).some(([x]) => x >= b);
      if ((PLANNED.test(before) && !sentAfter) || NEGATION_BEFORE.test(before) || TIME_REFERENCE.test(before) || UNDER_WAY.test(before))
        return false;
      // "звонок по оплате", "напомнил про оплату", "called about the invoice": the event word is the topic.
      if (kind !== "call" && TOPIC_BEFORE.test(before)) return false;
      // "call w/ Brightwell re overdue invoice", "went through pricing": in English, with a word on its state between.
      if (kind !== "call" && EN_TOPIC_BEFORE.test(before)) {
        clause.newlyRead = true;
        return false;
      }
      if (STATUS_AFTER.test(lower.slice(a))) return false;
      if (kind === "proposal" && (JUDGED_AFTER.test(lower.slice(a)) || JUDGED_BEFORE.test(before))) return false;
      if (kind === "deal" && paymentMoved(lower, [a, b], movedSpans)) return false;
      // "бухгалтер сказала оплата в пт": a payment told of as the client's word is promised, not made.
      if (
        kind === "deal" &&
        /^оплат[аыу](?![\p{L}])/u.test(lower.slice(a)) &&
        /(?:сказал\p{L}*|обещал\p{L}*|говор\p{L}*)\s+(?:что\s+)?$/u.test(before)
      )
        return false;
      // "Acme deal looks promising", "the Globex deal is close": how an event stands, not the event.
      if (EN_STATUS_AFTER.test(lower.slice(a))) {
        clause.newlyRead = true;
        return false;
      }
      // "he's in meetings all day", "the owner was in a meeting": somebody busy, no meeting of ours.
      if (kind === "meeting" && EN_BUSY_IN_BEFORE.test(before)) {
        clause.newlyRead = true;
        return false;
      }
      // "emailed Kestrel the demo recording", "sent the recording of the webinar": a thing made of the event, no event.
      if (kind === "presentation" && (EN_EVENT_THING_AFTER.test(lower.slice(a)) || EN_EVENT_THING_BEFORE.test(before))) {
        clause.newlyRead = true;
        return false;
      }
      // "пришлю КП", "шлю КП", "обещал выслать КП": the verb just before the event word is still to come.
      if (morph && kind !== "call") {
        const prev = /(\p{L}+)\s+$/u.exec(before)?.[1];
        // "пришли по рекомендации": a new client's coming, told by a word that is also an order, came ("пришли КП" asks).
        const prevAnalysis = prev && isCyrillic(prev) && !STOP.has(prev) ? morph(prev, null) : null;
        const tense = prevAnalysis?.pastToo && kind === "lead" ? undefined : prevAnalysis?.tense;
        if (tense === "futr" || tense === "pres" || tense === "impr" || tense === "infn") return false;
        // "позвоню", "встречусь": the event word itself in the future.
        const own = /^\p{L}+/u.exec(lower.slice(a))?.[0];
        const ownAnalysis = own && isCyrillic(own) ? morph(own, null) : null;
        const ownTense = ownAnalysis?.tense;
        // ("пришли с сайта" opening a lead is their coming, as above.)
        if (ownTense === "futr" || (ownTense === "impr" && !(ownAnalysis?.pastToo && kind === "lead"))) return false;
      }
      if ((allNegated || enAllNegated) && kind !== "call") return false;
      // A meeting moved, called off or not held was not held.
      if ((kind === "meeting" || kind === "presentation") && (moved || notHeld)) return false;
      return true;
    });
    if (done.length === 0) kindsFound.delete(kind);
    else kindsFound.set(kind, done);
  }
  // "Northwind moved our call to next week", "перенесли созвон": a call moved is an appointment, not a call made.
  const movedAt = spans(MOVED, lower)[0]?.[0];
  if (movedAt !== undefined && noanswer.length === 0 && reached.length === 0) {
    const calls = kindsFound.get("call");
    // "перенёс по телефону", "moved it over the phone": the phone is how it was moved, a call made.
    const medium = ([a, b]: [number, number]) =>
      /^по\s+телефону/u.test(lower.slice(a, b)) ||
      /(?:(?:^|\s)(?:на|во\s+время)|over\s+the|on\s+(?:a|the)|by)\s+$/u.test(lower.slice(0, a));
    // "вчерашний звонок Ромашке перенесли": a call named by its noun and moved was not made either.
    const noun = ([a]: [number, number]) =>
      /^(?:звонок|звонк[аиу]|созвон|созвон[аыу]|call|calls)(?![\p{L}])/u.test(lower.slice(a)) &&
      !/(?:^|\s)(?:на|по|on|a)\s+$/u.test(lower.slice(0, a));
    if (calls?.every((c) => (c[0] > movedAt || noun(c)) && !medium(c))) kindsFound.delete("call");
  }
  // "встреча сорвалась", "the demo fell through": said of a meeting it was not held, no deal was lost.
  const lostSpans = kindsFound.get("lost");
  if (lostSpans && APPOINTMENT_WORD.test(lower) && lostSpans.every(([a, b]) => /^(?:сорвал|fell\s+through)/u.test(lower.slice(a, b))))
    kindsFound.delete("lost");
  // "договорились о встрече", "согласились на демо" book a meeting on a call; they are not the meeting itself.
  for (const booked of ["meeting", "presentation"] as const) {
    const onlyAsOutcome = (kindsFound.get(booked) ?? []).every(
      ([a]) =>
        meetingOutcome.some(([x, y]) => a >= x && a < y) ||
        meetingOutcome.some(([x]) => x > a && BOOKED_AFTER.test(lower.slice(a, x))) ||
        // "invite sent to Bluebird for a demo": what the booking was for.
        (meetingOutcome.some(([, y]) => a >= y) && /(?:for|на)\s+(?:an?\s+|the\s+)?$/u.test(lower.slice(0, a))),
    );
    if (meetingOutcome.length > 0 && onlyAsOutcome) kindsFound.delete(booked);
  }
  if (kindsFound.has("meeting") && spans(VIDEO_RE, lower).length > 0 && noanswer.length === 0) kindsFound.delete("call");
  // "met Massive Dynamic at the expo": a contact from an exhibition is a lead, not a meeting.
  // A client the team already has, met there, was met: the meeting stands (decided once the clients are read).
  const metAtExpo = kindsFound.has("lead") && spans(EXPO_RE, lower).length > 0 ? kindsFound.get("meeting") : undefined;
  if (kindsFound.has("lead") && spans(EXPO_RE, lower).length > 0)
    for (const k of ["meeting", "call", "presentation"] as const) kindsFound.delete(k);
  // "входящий звонок от …": an inbound call from someone new is a lead.
  // "они сами позвонили и перенесли встречу": a call the client made to move a meeting is no lead.
  // "встреча отменилась, сами написали": the client's own message that called a meeting off is no lead either.
  if (kindsFound.has("lead") && INBOUND.test(lower)) kindsFound.delete(moved || context.rebooked || context.calledOff ? "lead" : "call");
  // "inbound demo request", "запрос на КП": what a new client asks for is the lead, not an event of ours.
  if (
    kindsFound.has("lead") &&
    /request|запрос|(?<!(?:тендерн|отправил|подал|направил|выслал)\p{L}*\s+)заявк\p{L}*\s+(?:на\s+)?(?!(?:\p{L}+\s+)?(?:тендер|участи|отправил|подал|направил|загрузил))/u.test(
      lower,
    )
  )
    for (const k of ["presentation", "proposal", "meeting", "call"] as const) kindsFound.delete(k);
  // "звонок Ромашка встреча": a call that booked a meeting.
  // "Hooli call: they'll come to our office thursday": a call that sets a meeting ahead booked it.
  // Only a call that happened: a past verb, or the client's own step ahead ("they'll come", "зовут").
  const callDone =
    enPast(lower, irregular).length > 0 ||
    spans(AHEAD_HINT, lower).length > 0 ||
    (morph !== null && tokenize(lower).some((t) => isCyrillic(t.lower) && morph(t.lower, null)?.tense === "past"));
  const aheadOnCall = meetingAhead && callWord && callDone && kindsFound.has("call");
  if (aheadOnCall) {
    kindsFound.delete("meeting");
    kindsFound.delete("presentation");
    // The call is done; the weekday is the meeting's, ahead.
    clause.plan = false;
    if (clause.day?.type === "weekday") clause.day = null;
  }
  const callBooked = aheadOnCall || (kindsFound.has("call") && kindsFound.has("meeting") && kindsFound.size === 2);
  if (callBooked) kindsFound.delete("meeting");
  // "met a guy from Vertex Bank at the expo", "позвонили через сайт": an event word inside a longer phrase of a lead is
  // the lead's.
  const leadSpans = kindsFound.get("lead") ?? [];
  for (const [kind, own] of kindsFound) {
    const inside = ([a, b]: [number, number]) => kind !== "lead" && leadSpans.some(([x, y]) => x <= a && b <= y && y - x > b - a);
    const kept = own.filter((sp) => !inside(sp));
    if (kept.length === 0) kindsFound.delete(kind);
    else kindsFound.set(kind, kept);
  }
  if (noanswer.length > 0 && !kindsFound.has("call")) kindsFound.set("call", noanswer);
  if (reached.length > 0 && kindsFound.size === 0) {
    kindsFound.set("call", reached);
    clause.reachedOnly = true;
  }
  clause.kind = KIND_PATTERNS.map(([k]) => k).find((k) => kindsFound.has(k)) ?? null;
  // "по рекомендации Клиники Доверие позвонила стоматология «Белый Зуб»": a company calling on a referral is a lead.
  const referred = (kindsFound.get("lead") ?? []).some(([a, b]) => /рекомендаци|referr/u.test(lower.slice(a, b)));
  if (
    clause.kind === "call" &&
    referred &&
    clause.outcome === null &&
    (/(?<![\p{L}])позвонил[аи]?\s+(?!(?:в|во|на|им|ему|ей|мне|нам|туда|опять|снова)(?![\p{L}]))\p{L}/u.test(lower) ||
      INBOUND_CONTACT.test(lower)) &&
    !/(?<![\p{L}])я\s+позвонил/u.test(lower)
  )
    clause.kind = "lead";
  // A phrase the team taught by correcting a reading names the kind, before any rule.
  for (const alias of aliases.kinds) {
    const at = phraseSpans(alias.phrase, lower)[0];
    if (!at || !isActivityKind(alias.value)) continue;
    clause.kind = alias.value;
    clause.reachedOnly = false;
    kindsFound.set(alias.value, [at]);
    consumed.push(at);
    break;
  }
  const kindSpan = clause.kind ? kindsFound.get(clause.kind)?.[0] : undefined;
  if (kindSpan) clause.kindPhrase = text.slice(kindSpan[0], kindSpan[1]);
  // "не будут брать": a loss is said in the future tense too.
  if (clause.kind === "lost") clause.plan = false;
  // "хотят встречу" alone is the outcome of a call told before it, never a call of its own.
  const wishOnly = meetingOutcome.length > 0 && meetingOutcome.every(([a]) => spans(WISH, lower).some(([x]) => x === a));
  if (meetingOutcome.length > 0 && (clause.kind === null || clause.kind === "call") && !(wishOnly && clause.kind === null))
    clause.kind = "call";
  // "Орловой набрала, встреча перенеслась на среду": a meeting moved on a call is booked anew.
  // "Initech rescheduled the demo, called them and we moved it": the meeting may be named in another clause.
  // "Лотос перенёс демо на пятницу, созвонились": the call told with the move is the one that moved it.
  const rebooked = (moved && !notHeld && (APPOINTMENT_WORD.test(lower) || appointmentInMessage) && !calledOff(lower)) || context.rebooked;
  clause.outcome =
    noanswer.length > 0
      ? "noanswer"
      : meetingOutcome.length > 0 || callBooked || rebooked
        ? "meeting"
        : reached.length > 0
          ? "reached"
          : (kindsFound.get("call") ?? []).some(([a]) => TRY_BEFORE.test(lower.slice(0, a)))
            ? "noanswer"
            : null;

  // The reason of a loss follows a dash, a colon or "потому что"; names come before it.
  let head = text;
  if (clause.kind === "lost") {
    const lostAt = kindsFound.get("lost")?.[0]?.[0] ?? 0;
    // The reason comes after the loss word: "Вега — отказ, дорого" names the client before it.
    const lostPhrase = lower.slice(lostAt, kindsFound.get("lost")?.[0]?.[1] ?? lostAt);
    // "ушли к конкуренту (какой-то Инфосек)": a loss to a competitor is its own reason; who the competitor is, in
    // brackets, is an aside. After a dash ("— Болид поставил дешевле") it may be the reason: confirmed before stored.
    const toCompetitor = /конкурент|competitor|друг(?:ому|ого|ой|ую)\s+поставщик|another\s+(?:supplier|vendor)/u.test(lostPhrase);
    const seps = allMatches(REASON_SEP, lower).filter((m) => m.index >= lostAt);
    const aside = toCompetitor ? seps.find((m) => m[0] === "(") : undefined;
    const sep = aside ? undefined : seps[0];
    if (sep && toCompetitor) clause.newlyRead = true;
    if (aside) {
      clause.reason =
        text
          .slice(lostAt, aside.index)
          .replace(/[\s,.;:—–-]+$/u, "")
          .trim()
          .slice(0, MAX_REASON_LENGTH) || null;
      head = text.slice(0, aside.index);
    }
    if (sep) {
      const keepWord = /^(?:из-за|due)/iu.test(sep[0]);
      const reason = text
        .slice(keepWord ? sep.index : sep.index + sep[0].length)
        .replace(REASON_LEAD, "")
        .replace(/[\s.!,;)]+$/gu, "")
        .replace(REASON_TAIL, "")
        .trim();
      if (reason) clause.reason = reason.slice(0, MAX_REASON_LENGTH);
      head = text.slice(0, sep.index);
      // "closed-lost: Bluebird": with no name before the separator, the name after it is the client, not the reason.
      if (findClients(text, head.length, [], known, morph).length === 0) {
        const after = findClients(text, text.length, [], known, morph).find((c) => c.start >= sep.index);
        if (after && clause.reason?.startsWith(after.typed)) {
          head = text;
          clause.reason =
            clause.reason
              .slice(after.typed.length)
              .replace(REASON_LEAD, "")
              .replace(/^[\s,.;]+/u, "") || null;
        }
      } else {
        // "Алмаз и Рубин отказались — Алмаз дорого, …": after several names, a reason opened by one of them is its own.
        const named = findClients(text, head.length, [], known, morph);
        const opener =
          named.length > 1
            ? findClients(text, text.length, [], known, morph).find((c) => c.start >= sep.index && clause.reason?.startsWith(c.typed))
            : undefined;
        if (opener && clause.reason && named.some((c) => clientKey(c.name) === clientKey(opener.name))) {
          const own = clause.reason
            .slice(opener.typed.length)
            .replace(REASON_LEAD, "")
            .replace(/^[\s,.;]+/u, "");
          clause.reasonOf = { key: clientKey(opener.name), reason: own || null };
          clause.reason = null;
        }
      }
    }
  }

  // "нива юг ушла к Агромаркету", "выбрали Косметикс Про": gone to a company named is its own reason.
  if (clause.kind === "lost" && !clause.reason && goneTo && goneToCompetitor)
    clause.reason = goneTo[0].replace(/[«»"]/gu, "").slice(0, MAX_REASON_LENGTH);
  // "ушёл к конкуренту", "went with a cheaper vendor", "купили у китайцев", "said not interested": the loss told with no
  // other reason is its own reason.
  if (clause.kind === "lost" && !clause.reason) {
    const at = kindsFound.get("lost")?.[0]?.[0] ?? 0;
    const rest = text.slice(at).replace(/[\s.!,;)]+$/gu, "");
    // "lost the harbour print tender to a cheaper bidder": whom it was lost to, ending the clause.
    const lostTo =
      /^lost(?![\p{L}])/iu.test(rest) &&
      /(?<![\p{L}])to\s+(?:(?:a|an|the)\s+)?(?:[\p{L}-]+\s+)?(?:bidder|competitor|vendor|supplier|provider|rival)s?$/iu.exec(rest)?.[0];
    if (lostTo) clause.reason = lostTo.slice(0, MAX_REASON_LENGTH);
    else if (
      /конкурент|поставщик|подрядчик|други[хм]|бюджет|budget|competitor|vendor|supplier|provider|someone\s+else|^(?:купил|взял|заказал|закупил)\p{L}*\s+у\s|^(?:не\s+интерес|неинтерес|not\s+interested|не\s+актуальн|неактуальн)/iu.test(
        rest,
      ) &&
      !/[,;:—–]/u.test(rest)
    )
      clause.reason = rest.slice(0, MAX_REASON_LENGTH);
    // "Tidewater said not interested", "not a fit for them": a lack of interest said in English is its own reason.
    else if (EN_NO_INTEREST.test(text.slice(at))) clause.reason = EN_NO_INTEREST.exec(text.slice(at))![0].toLowerCase();
    // "проиграли по цене", "отказались по срокам": what it was lost on, right after the loss word.
    else {
      const end = kindsFound.get("lost")?.[0]?.[1] ?? 0;
      const on = /^\s+((?:по|из-за)\s+\p{L}+(?:\s+\p{L}+)?)\s*$/u.exec(text.slice(end).replace(/[\s.!,;)]+$/gu, ""));
      if (on?.[1]) clause.reason = on[1];
      // "lost the Eastgate tender on price", "проиграли тендер Водоканала по цене": what it was lost on, ending the clause.
      else {
        const tail =
          /(?<![\p{L}])((?:по|из-за|on|over)\s+(?:цене|деньгам|бюджету|срокам|условиям|price|pricing|cost|budget|timing|terms))\s*$/iu.exec(
            text.slice(end).replace(/[\s.!,;)]+$/gu, ""),
          );
        if (tail?.[1]) clause.reason = tail[1];
        // "тендер проиграли цена выше чем у победителя": a price told right after the loss word, with no separator.
        else {
          const told = text.slice(end).replace(/^[\s,.;]+|[\s.!,;)]+$/gu, "");
          if (/^(?:цен[аы]|дорог\p{L}*|дешевле|too\s+expensive|cheaper)(?![\p{L}])/iu.test(told))
            clause.reason = told.slice(0, MAX_REASON_LENGTH);
        }
      }
    }
  }
  const amounts = findAmounts(text);
  for (const a of amounts) consumed.push([a.start, a.end]);
  const money = amounts.find((a) => a.strong) ?? amounts.find((a) => (a.minor ?? 0) >= 100_000) ?? null;
  if (money) clause.amountPhrase = text.slice(money.start, money.end);
  const taughtAmount = aliases.amounts.map((a) => ({ a, at: phraseSpans(a.phrase, lower)[0] })).find((x) => x.at);
  if (taughtAmount?.at) {
    clause.amountMinor = Number(taughtAmount.a.value);
    clause.amountPhrase = text.slice(taughtAmount.at[0], taughtAmount.at[1]);
    consumed.push(taughtAmount.at);
  } else if (money) {
    if (money.foreign) clause.currency = true;
    else if (money.invalid) clause.amountInvalid = true;
    else clause.amountMinor = money.minor;
  } else if (/(?:^|\s)\$\s*\d|\d\s*(?:\$|€|usd|eur)/iu.test(text)) clause.currency = true;

  clause.clients = findClients(text, head.length, consumed, known, morph);
  // "…, нужен персонал на склад": a common word opening a known name («Персонал-Центр») in a clause that tells no event is
  // the word, not the client.
  if (clause.kind === null && clause.outcome === null) clause.clients = clause.clients.filter((c) => !c.common);
  // "Ортодент позвонил сам", "Polimer-Pak rang us themselves": a known client getting in touch is a call, not a lead.
  if (
    clause.kind === "lead" &&
    clause.clients.length > 0 &&
    clause.clients.every((c) => !c.isNew) &&
    INBOUND_CONTACT.test(norm(clause.kindPhrase ?? ""))
  ) {
    clause.kind = "call";
    clause.outcome ??= "reached";
  }
  // "был в технопарке Восход, осмотрели периметр": having been at a known client's is a visit, whatever was discussed.
  // "в векторе была с техдиром": so is being at one told the other way round.
  const visited = clause.clients.some(
    (c) =>
      !c.isNew &&
      (/(?<![\p{L}])(?<!не\s)был[аи]?\s+(?:\p{L}+\s+)?(?:в|во|на)\s+$/u.test(lower.slice(0, c.start)) ||
        (/(?:^|[^\p{L}])(?:в|во)\s+$/u.test(lower.slice(0, c.start)) &&
          /^\s+был[аи]?(?![\p{L}])/u.test(lower.slice(c.start + c.typed.length)))),
  );
  if (visited && (clause.kind === null || (clause.kind === "call" && clause.reachedOnly))) {
    clause.kind = "meeting";
    clause.outcome = null;
    clause.reachedOnly = false;
  }
  // "Globex referred us to Vandelay", "по рекомендации Веги пришёл Луч": the one who recommended is not the lead.
  // "кафе Облака, пришли по рекомендации Лотоса": nor when the referrer is the only one named there.
  if (clause.kind === "lead" && clause.clients.length > 0) {
    const referrer = (c: ClientRef) => REFERRED_BY.test(text.slice(0, c.start)) || REFERRED.test(text.slice(c.start + c.typed.length));
    clause.clients = clause.clients.filter((c) => !referrer(c));
  }
  // "позвонили из Томска": a new contact from a town is a lead whose company is still to be asked.
  if (clause.kind === "lead") clause.clients = clause.clients.filter((c) => !c.town);
  if (metAtExpo && clause.kind === "lead" && clause.clients.length > 0 && clause.clients.every((c) => !c.isNew)) {
    clause.kind = "meeting";
    clause.kindPhrase = text.slice(metAtExpo[0]![0], metAtExpo[0]![1]);
  }
  clause.unexplained = unexplainedWords(text, lower, head.length, consumed, clause.clients);
  const askFirst = spans(ASK_BEFORE_STORING, lower)[0];
  if (askFirst) clause.unexplained.push(lower.slice(askFirst[0], askFirst[1]));
  // "ran the demo on Tuesday": a clause read otherwise without the English irregular past first read in round 11.
  if (irregular && /[a-z]/u.test(lower) && spans(EN_IRREGULAR_PAST_RE, lower).length > 0) {
    const was = readClause(text, known, aliases, morph, context, false);
    // Being told as done matters on its own only against a question word ("how many did I close").
    const asked = spans(QUESTION_WORD, lower).length > 0;
    const gist = (c: Clause) =>
      JSON.stringify([c.kind, c.outcome, c.plan, asked && c.past, c.day, c.bookedAhead, c.verblessWeekday, c.clients.map((x) => x.name)]);
    if (gist(was) !== gist(clause)) clause.newlyRead = true;
  }
  return clause;
}

/**
 * "оплату дебиторки переносят", "перенесли оплату на январь", "платёж задерживают": a payment with a word of moving
 * or delaying right before it or a word or two after it is not made.
 */
function paymentMoved(lower: string, [a, b]: [number, number], moved: [number, number][]): boolean {
  if (!/^(?:(?:пред)?оплат|аванс|плат[её]ж|payment|deposit)/u.test(lower.slice(a, b))) return false;
  return moved.some(
    ([x, y]) =>
      (x >= b && /^\p{L}*(?:\s+(?!(?:и|а|но|and)\s)\p{L}+)?\s+$/u.test(lower.slice(b, x))) ||
      (y <= a && /^\s+(?:\p{L}+\s+)?$/u.test(lower.slice(y, a))),
  );
}

/**
 * The content words of a clause that nothing the reader understood took: not an event, outcome, day or amount word,
 * not a client's name, not a loss's reason, not a small word. Any such word may change what the message means
 * ("абонент не абонент", "закрывает бизнес"), so a reading with one is asked about, never stored on its own.
 */
function unexplainedWords(text: string, lower: string, headEnd: number, consumed: [number, number][], clients: ClientRef[]): string[] {
  const taken: [number, number][] = [
    ...consumed,
    ...clients.map((c): [number, number] => [c.start, c.start + c.typed.length]),
    [headEnd, text.length],
  ];
  return tokenize(lower)
    .filter(
      (t) =>
        !covered(t, taken) &&
        !STOP.has(t.lower) &&
        (!LEGAL.has(t.lower) || BUSINESS_TYPES.includes(t.lower)) &&
        !/\d/.test(t.lower) &&
        t.lower.length > 1 &&
        !EXPLAINED_FILLER.test(t.lower),
    )
    .map((t) => t.lower);
}

/** A name in quotes; an apostrophe inside a word ("wouldn't", "Acme's") quotes nothing. */
const QUOTED = /(?:[«"“„]|(?<![\p{L}])')([^«»"“”„']{1,200})(?:[»"”“]|'(?![\p{L}]))/gu;

function findClients(
  text: string,
  headEnd: number,
  consumed: [number, number][],
  index: KnownClients,
  morph: Morphology | null,
): ClientRef[] {
  const found: ClientRef[] = [];
  let contactDropped = false;
  const used: [number, number][] = [];
  // Quoted names are taken as written; an apostrophe inside a word ("wouldn't", "Acme's") quotes nothing.
  for (const m of allMatches(QUOTED, text.slice(0, headEnd))) {
    let name = stripLegal(m[1]!.trim());
    // "и вообще «пишите на почту»": words quoted in lower case are what somebody said, no name.
    if (/^\p{Ll}/u.test(name) && /\s/u.test(name)) {
      used.push([m.index, m.index + m[0].length]);
      continue;
    }
    // "ушли к «Хлебпрому»": a name inside words already read (there, the loss's reason) is no client;
    // "на выставке «Здравоохранение»": nor an exhibition's.
    const eventBefore = /(\p{L}+)\s*$/u.exec(text.slice(0, m.index))?.[1];
    if (EVENT_NOUN.test(norm(eventBefore ?? ""))) used.push([m.index, m.index + m[0].length]);
    if (!name || consumed.some(([a, b]) => m.index >= a && m.index + m[0].length <= b) || EVENT_NOUN.test(norm(eventBefore ?? "")))
      continue;
    // "с «Азимутом»", "по «Инжстройпроекту»": quotes right after a preposition hold the name in the case it governs;
    // after a legal form or a trade ("в ООО «Вега»") they stand in apposition, as typed.
    const before = /(?:^|[^\p{L}])(\p{L}+)\s*$/u.exec(text.slice(0, m.index))?.[1];
    // "собственника «Пельменной №1»", "аукцион «Городской аптечной сети»": after a role or a tender, the genitive.
    const lowerBefore = norm(before ?? "");
    const governs =
      lowerBefore === "по"
        ? (["datv"] as const)
        : ROLE_OF.test(lowerBefore) || TENDER_NOUN.test(lowerBefore)
          ? (["gent"] as const)
          : NAME_PREPS[lowerBefore];
    if (governs && morph && isCyrillic(name) && !governs.includes("nomn") && name === m[1]!.trim()) name = quotedBase(name, governs, morph);
    const k = lookupKnown(name, index);
    // "отказались, берут у «Гофромастера»": whom they buy from instead is the competitor, no client.
    const competitor = !k && COMPETITOR_BEFORE.test(norm(text.slice(0, m.index)));
    found.push({ name: k?.name ?? name, isNew: !k, start: m.index, typed: m[1]!.trim(), ...(competitor ? { place: true } : {}) });
    used.push([m.index, m.index + m[0].length]);
  }
  // "бюджета нет до весны": a season or a month after "до/после" is a time, not «Весна» (but "дозвонился до весны").
  if (/(?<![\p{L}])(?:до|после)\s/iu.test(text))
    for (const t of tokenize(text.slice(0, headEnd)))
      if (SEASON_OR_MONTH.test(t.lower) && /(?:^|\s)(?!до)\p{L}*\s+(?:до|после)\s+$/u.test(` ${norm(text.slice(0, t.start))}`))
        used.push([t.start, t.end]);
  const tokens = tokenize(text).filter((t) => t.end <= headEnd && !covered(t, used));
  const bases = tokens.map((t) => (morph && isCyrillic(t.lower) ? (morph(t.lower, null)?.base ?? null) : null));
  // The team's own clients, despite case endings, spacing, legal forms and a typo; longer spans first.
  const words = tokens.map((t) => t.lower);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (LEGAL.has(t.lower) || /^\d/.test(t.lower)) continue;
    // "был в салон маркете": a trade a visit's words took may still open a known name of several words («Салон-Маркет»).
    if (covered(t, consumed) && !(TRADE.test(t.lower) && (matchKnownAt(words, bases, i, index)?.words ?? 0) > 1)) continue;
    // "Copperline Foods": a capitalised last word of a known name («Brightfield Foods») after another capitalised word
    // ends a name of its own.
    const prevToken = tokens[i - 1];
    const inRun = prevToken !== undefined && isUpper(prevToken.text) && text.slice(prevToken.end, t.start).trim() === "";
    const hit = matchKnownAt(words, bases, i, index, isUpper(t.text) && !inRun);
    if (!hit) continue;
    // ("через ГПБ", "нужен СМР": capitals after these are a bank paid through or work to do, not a client.)
    if (hit.byInitials && (t.text !== t.text.toUpperCase() || /^(?:через|по|без|нужен|нужна|нужно|для)$/u.test(tokens[i - 1]?.lower ?? "")))
      continue;
    // "стоматология «Белый Зуб»": a trade right before a name in quotes or capitals is that name's, not «Стоматология Улыбка».
    if (hit.byFirst && TRADE.test(t.lower) && /^\s*(?:[«"“]|\p{Lu})/u.test(text.slice(tokens[i + hit.words - 1]!.end))) continue;
    // "от школы №1287": a word before a number names the numbered one, not the known «Школа Перспектива».
    if (hit.byFirst && /^\s*№/u.test(text.slice(tokens[i + hit.words - 1]!.end))) continue;
    // "витаминам" beside «Витамир», "станков" beside «СтанкоМаш»: a common word typed in lower case names a known client
    // only as its own base form ("ромашке" for «Ромашка»), never a typo or a part away.
    if (hit.words === 1 && !isUpper(t.text) && isCyrillic(t.lower) && morph !== null) {
      const own = morph(t.lower, null);
      const c = hit.client;
      const lemma = own ? compact(own.base) : "";
      const typed = compact(t.lower);
      // (The capitalised part of a name of one word, "станко" of «СтанкоМаш», is no word of its own.)
      const parts = [c.key, c.words.length > 1 ? c.first : null, c.core, c.last, ...c.words].filter((x): x is string => x !== null);
      // "гранитчикам": the people of a client, named by a suffix on its name, are its own word.
      const itsOwn = parts.some((x) => x === lemma || sameName(typed, null, x, "no_typo")) || typed.startsWith(c.key);
      if (isCommonWord(own) && !itsOwn) continue;
    }
    // "с новым домом" is «Новый Дом»: a small word may open a known name of several words, never be one alone.
    if (STOP.has(t.lower) && (hit.words < 2 || t.lower.length < 4) && hit.client.key !== compact(t.lower)) continue;
    // "still in progress": a lowercase English word is no Russian client's name transliterated («Прогресс»).
    if (isCyrillic(hit.client.key) && !isCyrillic(t.lower) && !isUpper(t.text)) continue;
    // "Saltwater Grill signed": nor a Latin word inside a Latin name («Гриль-бар Уголь»).
    if (isCyrillic(hit.client.key) && !isCyrillic(t.lower) && inRun && !isCyrillic(prevToken!.lower)) continue;
    // "Соколов подписал": a surname whose base form is not the client's name is a person, not «Сокол» inflected.
    const surname = hit.words === 1 && morph !== null && isCyrillic(t.lower) && morph(t.lower, null)?.proper === "surname";
    if (surname && bases[i] && compact(bases[i]!) !== hit.client.key && compact(t.lower) !== hit.client.key) continue;
    // "ООО Вектор Плюс": a capitalised word inside another name is not a known client a typo away ("Полюс").
    const before = tokens[i - 1];
    const midName =
      before !== undefined &&
      isUpper(t.text) &&
      isUpper(before.text) &&
      text.slice(before.end, t.start).trim() === "" &&
      !covered(before, used) &&
      !covered(before, consumed) &&
      !STOP.has(before.lower) &&
      (LEGAL.has(tokens[i - 2]?.lower ?? "") || (i >= 2 && isUpper(before.text) && !morph?.(before.lower, null)?.tense));
    if (midName && hit.words === 1 && norm(t.lower) !== norm(hit.client.name)) continue;
    let last = tokens[i + hit.words - 1]!;
    // "Megapolis Trade meeting", "Kamsky Motor Plant": capitalised Latin words right after a Russian name typed in Latin
    // are that name, translated or transliterated.
    const latinRunAfter = (() => {
      const next = tokens[i + hit.words];
      return next !== undefined && !isCyrillic(next.lower) && isUpper(next.text) && text.slice(last.end, next.start) === " ";
    })();
    // "called Taxi Stolitsa": a Latin word that is only the last word of a Russian name («Экспресс Такси») opening a
    // Latin name of its own is that other name's.
    if (isCyrillic(hit.client.key) && !isCyrillic(t.lower) && isUpper(t.text) && latinRunAfter && !hit.byFirst) continue;
    if (isCyrillic(hit.client.key) && !isCyrillic(t.lower) && isUpper(t.text))
      for (let k = i + hit.words; k < tokens.length; k++) {
        const next = tokens[k]!;
        if (isCyrillic(next.lower) || !isUpper(next.text) || text.slice(last.end, next.start) !== " ") break;
        last = next;
      }
    // "kestrels line": a name found only through an "s" the client's own words lack was first read in round 11.
    const possessiveS = !isCyrillic(last.lower) && last.lower.endsWith("s") && !hit.client.words.includes(compact(last.lower));
    // "нужен персонал на склад" beside «СеверСтафф»: the opening word of a known name («Персонал-Центр») typed in lower
    // case is a common word when the dictionary knows it as one, and counts only when nothing better is named.
    // "автомойка на 3 поста" beside «ИП Сидоренко»: so is a trade typed in lower case.
    const common =
      hit.byFirst === true &&
      !isUpper(t.text) &&
      isCyrillic(t.lower) &&
      morph !== null &&
      (isCommonWord(morph(t.lower, null)) || (hit.words === 1 && TRADE.test(t.lower)));
    // A name read from its capitals alone is none beside another name either.
    const byCapitals = hit.byInitials === true;
    found.push({
      name: hit.client.name,
      isNew: false,
      start: t.start,
      typed: text.slice(t.start, last.end),
      ...(common || byCapitals ? { common: true } : {}),
      ...(possessiveS ? { newlyRead: true } : {}),
      ...(hit.loose || hit.byInitials ? { loose: true } : {}),
    });
    used.push([t.start, last.end]);
    i += hit.words - 1;
  }
  // Otherwise the named phrase: capitalised words, Latin words, or the word after "в/с/для…".
  const free = tokens.filter((t) => !covered(t, used) && !covered(t, consumed));
  const all = tokens;
  let i = 0;
  while (i < free.length) {
    const t = free[i]!;
    const idx = all.indexOf(t);
    const prev = all[idx - 1];
    const prevPrev = all[idx - 2];
    // "the owner of harbor view cafe": after a role, "of" names the company.
    const ofRole = prev?.lower === "of" && EN_ROLE_WORD.test(prevPrev?.lower ?? "") ? (["nomn"] as const) : undefined;
    const prep = prev && !covered(prev, used) ? (NAME_PREPS[prev.lower] ?? ofRole) : undefined;
    const afterLegal = prev !== undefined && LEGAL.has(prev.lower);
    // "в клинику Здоровье", "из агентства Пиксель": the name after a business's trade.
    // "в клинику денталия": typed in lower case, a word the dictionary does not know is the name after a trade too
    // (not "сети шаурмы Дёнер Кинг", where the name follows).
    const afterTrade =
      prev !== undefined &&
      !isUpper(prev.text) &&
      TRADE.test(prev.lower) &&
      (isUpper(t.text) || (isCyrillic(t.lower) && morph?.(t.lower, null)?.guessed === true && !isUpper(all[idx + 1]?.text ?? "")));
    // "с выставки Стройэкспо": an event's name is no client.
    const apposed = prev !== undefined && text.slice(prev.end, t.start).trim() === "";
    // "с выставки Стройэкспо", "на ПродЭкспо": an exhibition's name is no client.
    if ((apposed && isUpper(t.text) && EVENT_NOUN.test(prev.lower)) || (isUpper(t.text) && EXPO_NAME.test(t.lower))) {
      i++;
      while (
        i < free.length &&
        all.indexOf(free[i]!) === all.indexOf(free[i - 1]!) + 1 &&
        isUpper(free[i]!.text) &&
        text.slice(free[i - 1]!.end, free[i]!.start).trim() === ""
      )
        i++;
      continue;
    }
    // "new lead from the HoReCa expo": a name right before an exhibition's noun is the exhibition's.
    // "got through to the F&B director": an abbreviation right before a role is a department.
    const nextWord = all[idx + 1];
    if (
      nextWord !== undefined &&
      isUpper(t.text) &&
      text.slice(t.end, nextWord.start) === " " &&
      (EVENT_NOUN.test(nextWord.lower) || (EN_ROLE_WORD.test(nextWord.lower) && (t.text.includes("&") || t.text.length <= 3)))
    ) {
      i++;
      continue;
    }
    // "Отель «Купеческий»": a trade right before a name in quotes is no name of its own; nor is "L&D", "F&B" (a department).
    const nextIsKnown = all[idx + 1] !== undefined && covered(all[idx + 1]!, used) && text.slice(t.end, all[idx + 1]!.start) === " ";
    // "ТЦ в Подольске": nor is a trade's abbreviation alone.
    const tradeAbbreviation = TRADE.test(t.lower) && t.text.length <= 3 && t.text === t.text.toUpperCase();
    if (
      (TRADE.test(t.lower) && (/^\s*[«"“]/u.test(text.slice(t.end)) || nextIsKnown)) ||
      tradeAbbreviation ||
      /^\p{Lu}&\p{Lu}$/u.test(t.text)
    ) {
      i++;
      continue;
    }
    // "на выставке в Крокусе": where an exhibition is held is no client; "кировец К-742": nor is a model's number;
    // "показали новую Jura", "a live demo of the new Franke": nor a new product's brand.
    if (
      (prev !== undefined && !isUpper(prev.text) && /^(?:new|нов(?:ый|ая|ую|ое|ые|ой|ого|ом|ых))$/u.test(prev.lower)) ||
      (prev !== undefined && ["в", "во", "на"].includes(prev.lower) && EVENT_NOUN.test(prevPrev?.lower ?? "")) ||
      /^\p{L}{1,2}-\d+$/u.test(t.text)
    ) {
      i++;
      continue;
    }
    // "демо IP-телефонии", "CRM-системы": an abbreviation joined to a common word in lower case is a product, no name.
    const product = /^\p{Lu}{2,4}-(\p{Ll}+)$/u.exec(t.text);
    if (product && isCyrillic(product[1]!) && morph !== null && isCommonWord(morph(product[1]!, null))) {
      i++;
      continue;
    }
    // "в Автопарк №1", "с поликлиникой №3", "для детского сада № 12": a numbered institution is named by its number.
    const numberAfter = (x: Token) => /^\s*№\s*(\d+)/u.exec(text.slice(x.end));
    const nextFree = free[i + 1];
    const numbered =
      isCyrillic(t.lower) && !STOP.has(t.lower) && !EVENT_NOUN.test(t.lower)
        ? numberAfter(t)
          ? [t]
          : nextFree &&
              all.indexOf(nextFree) === idx + 1 &&
              isCyrillic(nextFree.lower) &&
              numberAfter(nextFree) &&
              text.slice(t.end, nextFree.start).trim() === ""
            ? [t, nextFree]
            : null
        : null;
    if (numbered) {
      const lastWord = numbered[numbered.length - 1]!;
      const no = numberAfter(lastWord)!;
      const end = lastWord.end + no[0].length;
      const words = numbered.map((x) => (morph ? (morph(x.lower, null)?.base ?? x.lower) : x.lower));
      // "детского сада": the adjective's base agrees with its noun's gender ("детский сад", not "детское").
      if (words.length === 2 && morph) words[0] = agreeing(words[0]!, words[1]!, morph);
      const base = words.join(" ");
      const name = `${base.charAt(0).toUpperCase()}${base.slice(1)} №${no[1]}`;
      const k = lookupKnown(name, index);
      found.push({ name: k?.name ?? name, isNew: !k, start: t.start, typed: text.slice(t.start, end) });
      used.push([t.start, end]);
      while (i < free.length && free[i]!.start < end) i++;
      continue;
    }
    const prepOverLegal = afterLegal && prevPrev ? NAME_PREPS[prevPrev.lower] : undefined;
    // "с ИП Петров": after a legal form the name may stay in the nominative.
    // "тендер гортранса проиграли": typed in lower case too, when the dictionary does not know the word.
    const afterTender =
      prev !== undefined &&
      !isUpper(prev.text) &&
      TENDER_NOUN.test(prev.lower) &&
      (isUpper(t.text) || (isCyrillic(t.lower) && morph?.(t.lower, null)?.guessed === true));
    // "до ИП Захарова", "у ИП Сорокина": a surname after "ИП" takes the preposition's case like any person's.
    const surnameOverLegal = prepOverLegal !== undefined && isCyrillic(t.lower) && morph?.(t.lower, prepOverLegal)?.proper === "surname";
    // "директора Альфы", "закупщику Техноплита": the company after a role word is the genitive of whose role it is.
    const afterRole =
      prev !== undefined &&
      !isUpper(prev.text) &&
      isCyrillic(prev.lower) &&
      isUpper(t.text) &&
      isCyrillic(t.lower) &&
      ROLE_OF.test(prev.lower) &&
      !PERSON.has(morph?.(t.lower, null)?.proper ?? "");
    const cases =
      afterTender || afterRole
        ? (["gent"] as const)
        : (prep ?? (prepOverLegal ? (surnameOverLegal ? prepOverLegal : [...prepOverLegal, "nomn" as const]) : null));
    const first = idx === 0 || (idx === 1 && prev !== undefined && STOP.has(prev.lower) && !prep);
    // "then harbor freight paid their invoice": lowercase Latin words right before an English past verb are its subject;
    // "closed harbor freight for 95k": right after an English event verb, its object.
    const cyrillicHead = cyrillicHeadEnd(text, all, idx, morph);
    const subjectEnd =
      latinSubjectEnd(all, idx) ??
      latinHeadEnd(text, all, idx) ??
      cyrillicHead ??
      (prev && !isCyrillic(prev.text) && EN_EVENT_VERB.test(prev.lower) && !isCyrillic(t.text) && !isEventToken(t)
        ? latinRunEnd(all, idx)
        : null);
    const next = all[idx + 1];
    const guess = first && morph && isCyrillic(t.lower) && t.lower.length >= 5 ? morph(t.lower, null) : null;
    const unknownBeforeEvent =
      guess?.guessed === true && guess.pos === "noun" && guess.nominative === true && next !== undefined && isEventToken(next);
    // "звонил кристаллу", "набирал медсинтез": after a verb of calling, a lowercase word is a name only when it is a
    // noun and no relative ("звонила маме", "звонил опять" name nobody).
    const commonAfterCall =
      prev !== undefined &&
      CALL_OBJECT.has(prev.lower) &&
      !isUpper(t.text) &&
      isCyrillic(t.lower) &&
      (FAMILY.test(t.lower) || morph?.(t.lower, null)?.pos !== "noun" || PERSON.has(morph?.(t.lower, null)?.proper ?? ""));
    if (
      commonAfterCall ||
      !nameish(t, first, cases !== null || afterLegal || afterTrade || subjectEnd !== null, cases, morph, unknownBeforeEvent)
    ) {
      i++;
      continue;
    }
    const run: Token[] = [t];
    let j = i + 1;
    while (j < free.length) {
      const n = free[j]!;
      const nIdx = all.indexOf(n);
      if (nIdx !== all.indexOf(run[run.length - 1]!) + 1) break;
      // "с Зелёной долиной": a lowercase noun after a capitalised adjective is the rest of the name.
      const prevWord = run[run.length - 1]!;
      const nounAfterAdjective =
        morph !== null &&
        run.length === 1 &&
        isCyrillic(n.text) &&
        isUpper(prevWord.text) &&
        morph(prevWord.lower, cases)?.pos === "adj" &&
        morph(n.lower, cases)?.pos === "noun" &&
        !ROLES.has(morph(n.lower, null)?.base ?? "");
      const inHead = subjectEnd !== null && nIdx < subjectEnd;
      // "кристаллу 3й раз": an ordinal after a name is no part of it.
      if (/^\d+-?(?:й|я|е|ий|ый|ой|го|th|st|nd|rd)$/iu.test(n.text)) break;
      // "Lakeside Office Supply": a small word capitalised between two capitalised Latin words is inside the name.
      const after = all[nIdx + 1];
      const insideName =
        !isCyrillic(n.text) &&
        isUpper(n.text) &&
        after !== undefined &&
        !isCyrillic(after.text) &&
        isUpper(after.text) &&
        text.slice(n.end, after.start) === " ";
      if (
        !(isUpper(n.text) || /\d/.test(n.text) || nounAfterAdjective || inHead || (!isCyrillic(n.text) && !STOP.has(n.lower))) ||
        (STOP.has(n.lower) && !insideName)
      )
        break;
      // "Crestview Labs AP": a department after a Latin name is no part of it.
      if (!isCyrillic(n.text) && n.text === n.text.toUpperCase() && EN_NOT_NAME.has(n.lower) && n.lower !== "it") break;
      // "Cyberdyne filled in the form": after a capitalised name a lowercase English word is the verb, not the name.
      if (!isCyrillic(n.text) && !isUpper(n.text) && isUpper(run[0]!.text) && !LEGAL.has(n.lower) && !inHead) break;
      if (subjectEnd !== null && nIdx >= subjectEnd) break;
      // "Hartley & Sons": an ampersand between capitalised words joins one name.
      const gap = text.slice(run[run.length - 1]!.end, n.start).trim();
      if (run[run.length - 1]!.possessive || (gap !== "" && !(gap === "&" && isUpper(n.text)))) break;
      run.push(n);
      j++;
    }
    // "the Moscow Workspace Expo": a name ending in an exhibition's noun is the exhibition's.
    // "директор по АХО Семенов": a department after a role and "по", and the person after it, are no company.
    const lastOfRun = run[run.length - 1]!;
    if (
      (run.length > 1 && (EVENT_NOUN.test(lastOfRun.lower) || EXPO_NAME.test(lastOfRun.lower))) ||
      (prev?.lower === "по" && ROLE_OF.test(prevPrev?.lower ?? ""))
    ) {
      i = j;
      continue;
    }
    // "с Верой из Звезды": the person is not the client, the company after "из" is;
    // "с Ивановым (Медтехника)": nor when the company follows in brackets.
    const after = all[all.indexOf(run[run.length - 1]!) + 1];
    // "Петру Ивановичу из Гранита": a first name with a patronymic is a person too.
    const person =
      run.length <= 2 && morph !== null && run.every((x) => isCyrillic(x.lower) && PERSON.has(morph(x.lower, cases)?.proper ?? ""));
    // "встретился с Лебедевой (ИП)": a legal form alone in brackets makes the person a sole trader, the client.
    const legalOnly = after !== undefined && LEGAL.has(after.lower) && /^\s*\)/u.test(text.slice(after.end));
    // ("ИП Карпенко (аптека)": a trade in lower case in brackets is what the person's business is, no company.)
    const bracketed =
      after !== undefined && /^\s*\(\s*$/u.test(text.slice(run[run.length - 1]!.end, after.start)) && !legalOnly && isUpper(after.text);
    // "с Тарасовым из снабжения": a department typed in lower case after "из" is where the person works, no company,
    // unless a company follows it ("из отдела закупок Ориона").
    const at = after ? all.indexOf(after) : -1;
    const rest = at >= 0 ? all.slice(at + 1, at + 4) : [];
    const department =
      rest.length > 0 &&
      isCyrillic(rest[0]!.text) &&
      rest.every((x, k) => !isUpper(x.text) && matchKnownAt(words, bases, at + 1 + k, index, false) === null);
    const fromCompany =
      after !== undefined &&
      (after.lower === "из" || after.lower === "from" || (after.lower === "at" && enPersonAt(run, after, all, used))) &&
      !department;
    const company = at >= 0 ? all[at + 1] : undefined;
    // "был у Петрова в Агроресурсе", "звонил Ивановой в Кедр": a person where a company named after "в" is (not a town).
    const inCompany =
      person &&
      (after?.lower === "в" || after?.lower === "во") &&
      company !== undefined &&
      isUpper(company.text) &&
      isCyrillic(company.text) &&
      morph?.(company.lower, ["loct", "accs"])?.proper !== "geo";
    if (
      ((run.length === 1 || person || enPersonAt(run, after, all, used)) && after && (fromCompany || (person && bracketed))) ||
      inCompany
    ) {
      i = j;
      continue;
    }
    // "Аптека Вита закинула предоплату", "встреча в Агрофирме Рассвет": a business's trade typed with a capital before
    // its name is no part of it either, and the name after it is in the nominative.
    const tradeHead = run.length >= 2 && isCyrillic(t.text) && TRADE.test(t.lower) && isUpper(run[1]!.text);
    const apposedToTrade = afterTrade || tradeHead;
    // "лид с формы: Климова, кофейня": a name set off by a colon or a dash heads its clause, typed in the nominative.
    const afterColon = prev !== undefined && !prep && /[:—–]/u.test(text.slice(prev.end, t.start));
    // "Hartley & Sons": a Latin name joined by an ampersand is kept as typed.
    const typedName = text.slice(t.start, run[run.length - 1]!.end);
    // "Oakridge Ltd": a legal form typed after the name is no part of it.
    // "harbor freight" typed in lower case is the name "Harbor Freight".
    // "цифровой двор — недозвон": a lowercase Russian head is its name as typed, in the nominative.
    const latinLower = run.every((x) => !isCyrillic(x.text) && x.text === x.lower) || (cyrillicHead !== null && run.length > 1);
    const name = (
      run.every((x) => !isCyrillic(x.text)) && typedName.includes("&")
        ? typedName
        : latinLower
          ? run.map((x) => x.text.charAt(0).toUpperCase() + x.text.slice(1)).join(" ")
          : stripLegal(
              baseName(
                tradeHead ? run.slice(1) : run,
                apposedToTrade ? null : cases,
                first || afterLegal || apposedToTrade || afterColon,
                morph,
                // "ИП Кириллов …" opening the clause: the sole trader is its subject.
                apposedToTrade ? "trade" : afterLegal ? (prev.lower === "ип" && idx === 1 ? "person" : "legal") : null,
              ),
            )
    ).slice(0, MAX_CLIENT_LENGTH);
    // A surname's base form is compared as it is: "Соколова" is Соколов, not «Сокол» with an ending.
    const surname =
      run.length === 1 &&
      morph !== null &&
      isCyrillic(t.lower) &&
      [cases ?? OBLIQUE, null].some((c) => morph(t.lower, c)?.proper === "surname");
    const k = lookupKnown(name, index, surname);
    const typed = text.slice(t.start, run[run.length - 1]!.end);
    const place =
      !k && run.length === 1 && ["в", "во", "на", "из"].includes(prev?.lower ?? "") && morph?.(t.lower, cases)?.proper === "geo";
    // "в аптеку Фармия на Ленина": a person's name after "на" is a street.
    // "в их офисе на Садовой", "переезд офиса на Лиговский": a name after "на" right after an office or a site is its street.
    const street =
      prev?.lower === "на" &&
      run.length === 1 &&
      isCyrillic(t.lower) &&
      /^(?:офис|склад|объект|шоурум|переезд|площадк|адрес|помещени|кафе|ресторан|кофейн|магазин|точк|бц|тц)\p{L}*$/u.test(
        prevPrev?.lower ?? "",
      );
    if (
      !k &&
      prev?.lower === "на" &&
      run.length === 1 &&
      isCyrillic(t.lower) &&
      (street || PERSON.has(morph?.(t.lower, ["gent"])?.proper ?? ""))
    ) {
      i = j;
      continue;
    }
    // "Northgate went with Schindler": whom they went with instead is the competitor, no client.
    const competitor = !k && prev !== undefined && COMPETITOR_BEFORE.test(norm(text.slice(0, t.start)));
    // "по рекомендации Колоса позвонила компания Агромаш", "referral from Oakridge - … Crumb & Co": who recommended is
    // not the new client when another is named.
    const referrer =
      prev?.lower === "рекомендации" ||
      prev?.lower === "рекомендацией" ||
      (["from", "by"].includes(prev?.lower ?? "") && /^(?:referral|referred|recommendation|recommended)$/u.test(prevPrev?.lower ?? ""));
    // "коммерческий директор Ковалёв": a person named by their role is the contact, not the company.
    const roleBase = prev && morph && isCyrillic(prev.lower) ? (morph(prev.lower, null)?.base ?? prev.lower) : "";
    // "…, contact Lisa", "marketing director Anna", "контакт Игорь", "reached Anna": one word after a contact or a role,
    // or the one reached, is a person there beside a company.
    // "contact Mike Dolan": two capitalised Latin words after "contact" are the person's first name and surname.
    const latinPerson = run.length === 2 && run.every((x) => !isCyrillic(x.text) && isUpper(x.text) && x.text !== x.text.toUpperCase());
    const byContact =
      !k &&
      (run.length === 1 || (latinPerson && /^contact$/u.test(prev?.lower ?? ""))) &&
      (/^(?:contact|контакт|контактное|лицо)$/u.test(prev?.lower ?? "") ||
        (prev?.lower === "is" && prevPrev?.lower === "contact") ||
        (!isCyrillic(t.text) && (EN_ROLE_WORD.test(prev?.lower ?? "") || prev?.lower === "reached")));
    if (byContact) contactDropped = true;
    // "звонил Сергею Петровичу в Кедр": nor is a person called by a first name beside a company, or by an honorific.
    const byRole =
      (!k && person2(run, morph) && (ROLES.has(roleBase) || run.some((x) => morph?.(x.lower, null)?.proper === "name"))) ||
      // "главный инженер Сомов": a capitalised name right after a role is the person in it, known to the dictionary or not.
      (!k &&
        ROLES.has(roleBase) &&
        !/^(?:клиент|заказчик|партн[её]р|поставщик|подрядчик)$/u.test(roleBase) &&
        run.length <= 2 &&
        run.every((x) => isUpper(x.text) && isCyrillic(x.text))) ||
      (!k && HONORIFIC.test(prev?.lower ?? "")) ||
      // "rang Northwind, spoke to Jim": one capitalised Latin word one spoke to is a person there.
      (!k &&
        run.length === 1 &&
        !isCyrillic(t.text) &&
        ["to", "with", "w"].includes(prev?.lower ?? "") &&
        /^(?:spoke|spoken|talked|chatted|speaking|talking|asked|ask|phone|call|chat|zoom|lunch|coffee)$/u.test(prevPrev?.lower ?? "")) ||
      // "…, contact Lisa", "marketing director Anna", "контакт Игорь", "reached Anna": one word after a contact or a role,
      // or the one reached, is a person there beside a company.
      byContact;
    found.push({
      name: k?.name ?? name,
      isNew: !k,
      start: t.start,
      weak: !k && !isUpper(t.text),
      typed,
      ...(byRole || referrer || competitor ? { place: true } : {}),
      ...(byRole && !["в", "во", "на"].includes(prev?.lower ?? "") ? { person: true } : {}),
      ...(place ? { place: true, town: true } : {}),
    });
    i = j;
  }
  // "заявка с сайта от Кварца": a lowercase word counts as a name only when nothing better is there;
  // "был в Москве у Кедра", "в СибБетоне, директор Ковалёв": nor a place or a person by their role.
  const strong = found.filter((c) => !c.weak);
  const named = strong.length > 0 ? strong : found;
  const firm = named.filter((c) => !c.place);
  // A reading that rests on the round-12 contact rule is confirmed, never stored unasked.
  if (contactDropped && firm.length > 0) for (const c of firm) c.newlyRead = true;
  const chosen = firm.length > 0 ? firm : named;
  // "нужен персонал на склад" beside «СеверСтафф»: a common word that opens a known name is none beside another name.
  // ("стройинвест и домострой встречи": names listed together are all named.)
  const listed = (c: ClientRef) =>
    chosen.some(
      (o) =>
        o !== c &&
        /^\s*(?:и|,)\s*$/u.test(
          o.start < c.start ? text.slice(o.start + o.typed.length, c.start) : text.slice(c.start + c.typed.length, o.start),
        ),
    );
  const uncommon = chosen.filter((c) => !c.common || listed(c));
  return (uncommon.length > 0 ? uncommon : chosen).sort((a, b) => a.start - b.start);
}

/** A person's role at a company ("директора", "закупщику"), which the company's name follows in the genitive. */
const ROLE_OF =
  /^(?:руководств|директор|гендиректор|гендир|финдир|бухгалтер|главбух|закупщик|снабженц|снабженец|менеджер|юрист|руководител|собственник|владельц|владелец|секретар|помощниц|помощник|инженер|технолог|логист|прораб)\p{L}{0,3}$/u;
/** "Tried BlueRiver twice", "Called Acme": an English verb of calling opening a message, capitalised. */
const EN_OPENING_VERB = /^(?:tried|called|phoned|dialed|dialled|emailed|pinged|visited|texted|rang|reached|chased)$/u;
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|mister|sir|господин|госпожа)$/u;
const SEASON_OR_MONTH =
  /^(?:(?:весн|осен|зим)\p{L}*|лет[оау]|(?:январ|феврал|март|апрел|ма[йяю]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*)$/u;
const EN_EVENT_VERB = /^(?:\p{L}+ed|paid|signed|sold|won|lost|met|sent|went|chose|picked|bought|said|rang|spoke)$/u;
const eventWords = new Map<string, boolean>();
const isEventToken = (t: Token) => {
  let event = eventWords.get(t.lower);
  if (event === undefined) {
    event = KIND_PATTERNS.some(([, re]) => spans(re, t.lower).length > 0) || spans(NOANSWER, t.lower).length > 0;
    if (eventWords.size > 5000) eventWords.clear();
    eventWords.set(t.lower, event);
  }
  return event;
};
/**
 * Where the English past verb after lowercase Latin words from `at` stands (one to three words before it, none a
 * small word or an event word: "harbor freight paid"), or null.
 */
function latinSubjectEnd(all: Token[], at: number): number | null {
  for (let k = at; k < Math.min(at + 4, all.length); k++) {
    const t = all[k]!;
    if (isCyrillic(t.text) || isUpper(t.text) || /\d/.test(t.text)) return null;
    if (k > at && EN_EVENT_VERB.test(t.lower)) return k;
    // "fenwick analytics dm picked up": the one reached, by their role, between the company and the verb.
    if (k > at && EN_ROLE_WORD.test(t.lower) && EN_EVENT_VERB.test(all[k + 1]?.lower ?? "")) return k;
    if (STOP.has(t.lower) || EN_NOT_NAME.has(t.lower) || isEventToken(t) || EN_EVENT_VERB.test(t.lower)) return null;
  }
  return null;
}

const EN_ROLE_WORD =
  /^(?:dm|ceo|cfo|cto|coo|owner|founder|manager|director|buyer|receptionist|secretary|assistant|gm|md|vp|boss|team|guy|guys|folks)$/u;

/**
 * "greystone dairy - deal closed", "oak valley farms: no answer": lowercase Latin words opening a message and set off by
 * a dash or a colon head it as its name; where they end, or null.
 */
function latinHeadEnd(text: string, all: Token[], at: number): number | null {
  const plain = (t: Token) =>
    !isCyrillic(t.text) &&
    !isUpper(t.text) &&
    !/\d/.test(t.text) &&
    !STOP.has(t.lower) &&
    !EN_NOT_NAME.has(t.lower) &&
    !isEventToken(t) &&
    // "Portview tender - we lost": what was lost or won is no part of the name.
    !/^(?:tender|bid|deal|contract|order|account|project|renewal)$/u.test(t.lower);
  // "new lead: pine hill bakery": after a colon or a dash, lowercase Latin words ending the clause name it.
  const prev = all[at - 1];
  if (prev && /[:—–]|\s-\s/u.test(text.slice(prev.end, all[at]!.start)) && all.length - at <= 3 && all.slice(at).every(plain))
    return all.length;
  if (at !== 0) return null;
  for (let k = 0; k < Math.min(3, all.length - 1); k++) {
    // "Bluestone paper - …": the first word may be capitalised when a lowercase one follows.
    const capitalHead = k === 0 && !isCyrillic(all[0]!.text) && isUpper(all[0]!.text) && all.length > 1 && plain(all[1]!);
    if (!plain(all[k]!) && !capitalHead) return null;
    if (/^\s*[-—–:]\s/u.test(text.slice(all[k]!.end, all[k + 1]!.start) + " ")) return k + 1;
  }
  return null;
}

/**
 * "цифровой двор — недозвон х3", "Ферум склад — …": two or three Russian words opening a message, lowercase after the first,
 * set off by a dash or a colon,
 * that are nouns and adjectives and no event, head it as its name; where they end, or null.
 */
function cyrillicHeadEnd(text: string, all: Token[], at: number, morph: Morphology | null): number | null {
  if (at !== 0 || !morph) return null;
  for (let k = 0; k < Math.min(3, all.length - 1); k++) {
    const t = all[k]!;
    // "Ферум склад — …": the first word may be capitalised.
    const a = isCyrillic(t.text) && (k === 0 || !isUpper(t.text)) && !STOP.has(t.lower) && !isEventToken(t) ? morph(t.lower, null) : null;
    if (!a || (a.pos !== "noun" && a.pos !== "adj") || a.tense || ROLES.has(a.base) || DAY_WORDS.has(t.lower)) return null;
    if (/^\s*[—–:]\s|^\s+-\s/u.test(`${text.slice(t.end, all[k + 1]!.start)} `)) return k >= 1 ? k + 1 : null;
  }
  return null;
}

/** Where lowercase Latin words from `at` end: at the first small word, event word or non-Latin word, at most three on. */
function latinRunEnd(all: Token[], at: number): number | null {
  let k = at;
  while (k < Math.min(at + 3, all.length)) {
    const t = all[k]!;
    if (
      isCyrillic(t.text) ||
      isUpper(t.text) ||
      /\d/.test(t.text) ||
      STOP.has(t.lower) ||
      EN_NOT_NAME.has(t.lower) ||
      isEventToken(t) ||
      EN_EVENT_VERB.test(t.lower)
    )
      break;
    k++;
  }
  return k > at ? k : null;
}

/**
 * "left a vm for Mr Collins at Redstone Builders", "Tom Baker from Globex": one or two capitalised Latin words followed
 * by "at"/"from" and a company (capitalised, or a known client already found) are a person there, not the client.
 */
function enPersonAt(run: Token[], after: Token | undefined, all: Token[], used: [number, number][]): boolean {
  if (!after || !["at", "from"].includes(after.lower) || run.length > 2) return false;
  if (!run.every((x) => !isCyrillic(x.text) && isUpper(x.text) && x.text !== x.text.toUpperCase())) return false;
  const company = all[all.indexOf(after) + 1];
  return company !== undefined && !STOP.has(company.lower) && (isUpper(company.text) || covered(company, used));
}

/** Whether a run of one or two words is a person's name by the dictionary ("Ковалёв", "Ивану Петрову"). */
const person2 = (run: Token[], morph: Morphology | null) =>
  morph !== null && run.length <= 2 && run.every((x) => isCyrillic(x.lower) && PERSON.has(morph(x.lower, null)?.proper ?? ""));

/** Splits a message into clauses: sentences, commas, and "и/and" before another event. */
function splitClauses(text: string, morph: Morphology | null, known: KnownClients | null = null): string[] {
  const parts = text
    // "St. Luke Medical", "ул. Ленина": a dot after a short abbreviation ends no clause.
    .split(
      /[!?;\n]+|\s+\d{1,2}\)\s+|(?<![^\p{L}](?:st|dr|mr|mrs|ms|ул|г|пр|д))\.(?=\s|$)|(?<!\d),\s*|,(?=\s)\s*|\s+(?:потом|затем|после\s+этого|а\s+также|then|after\s+that|also)\s+/iu,
    )
    .map((s) => s.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    // "позвонил и отправил КП" is two events; "в Acme и в Beta" is one event, two clients.
    // "Hartley & Sons": an ampersand before a capitalised word joins a name.
    // "X signed for 250k but Y went with a cheaper vendor": "но", "but", "зато" join two events like "и".
    const split = part.split(/(\s+(?:и|а|and|но|but|зато)\s+|\s+&\s+(?!\p{Lu}))/iu);
    const pieces = split.filter((_, k) => k % 2 === 0);
    let current = pieces[0]!;
    for (const [k, piece] of pieces.slice(1).entries()) {
      const l = norm(piece);
      // "Звезду на 90к и Меркурий на 150к": a second amount is a second deal.
      // Read together, so that "на 200 и на 300 тысяч" shares its multiplier.
      const joined = findAmounts(`${current} и ${piece}`).filter((a) => a.strong);
      const ownAmount = joined.some((a) => a.end <= current.length) && joined.some((a) => a.start > current.length);
      // "недозвон в понедельник был и сегодня опять тишина": silence after a call is another try not reached.
      const pieceEvent =
        KIND_PATTERNS.some(([, re]) => spans(re, l).length > 0) ||
        spans(NOANSWER, l).length > 0 ||
        (spans(NOANSWER_AFTER_CALL, l).length > 0 && spans(NOANSWER, norm(current)).length > 0);
      // "Globex and Initech both went with competitors": names joined before one event are its subjects.
      // "отправил прайс и презу", "sent pricing and the presentation to Acme": a deck sent along is part of what was sent.
      const deckSentAlong = DECK_NOUN.test(l) && spans(SENT_VERB, `${norm(current)} ${l}`).length > 0;
      if (!deckSentAlong && (ownAmount || (pieceEvent && hasEvent(norm(current))))) {
        // "Орбиту на 300 и Атлант на 200 тыс": the first piece keeps the multiplier it shared.
        const shared =
          ownAmount && !findAmounts(current).some((a) => a.strong) ? allMatches(AMOUNT_RE, piece).find((m) => m[3])?.[3] : undefined;
        if (shared) current = current.replace(/(\d)(?!.*\d)/u, `$1 ${shared}`);
        out.push(current);
        current = piece;
      } else current += `${/^\s+&/u.test(split[2 * k + 1] ?? "") ? " & " : " и "}${piece}`;
    }
    out.push(current);
  }
  return morph ? out.flatMap((c) => splitRunOn(c, morph, known)) : out;
}

const DECK = "(?:(?:the|our|a)\\s+)?(?:през[аыуе]|презентаци\\p{L}*|презух\\p{L}*|presentation|deck|slides)(?![\\p{L}])";
const DECK_NOUN = new RegExp(`^${DECK}`, "u");
const DECK_ALONG = new RegExp(`\\s(?:и|and)\\s+${DECK}`, "u");

// A day with nothing but "тоже", "опять то же", "too": the events before happened that day as well.
const SAME_AGAIN =
  /^\s*(?:\p{L}+\s+){0,2}(?:тоже|также|то\s+же\s+самое|опять\s+(?:то\s+же(?:\s+самое)?|тоже)|так\s+же|too|as\s+well|same|again)(?:\s+(?:то\s+же(?:\s+самое)?|самое))?\s*$/u;

const hasEvent = (lower: string) =>
  KIND_PATTERNS.some(([, re]) => spans(re, lower).length > 0) || spans(NOANSWER, lower).length > 0 || spans(REACHED, lower).length > 0;

const LOST_WORD = KIND_PATTERNS.find(([k]) => k === "lost")![1];
const isLoss = (lower: string) => spans(LOST_WORD, lower).length > 0;

const STILL_THINKING =
  /(?<![\p{L}])(?:дума(?:ет|ют|ем)|размышля\p{L}*|в\s+раздумьях|ещ[её]\s+реша\p{L}*|(?:is|are)\s+(?:still\s+)?(?:thinking|considering|deciding))(?![\p{L}])/u;
const DAY_WORDS = new Set(["сегодня", "вчера", "позавчера", "today", "yesterday"]);
const RUN_ON_LEAD = new Set([
  ...DAY_WORDS,
  "утром",
  "днем",
  "вечером",
  "они",
  "он",
  "она",
  "мы",
  "его",
  "ее",
  "им",
  "их",
  "ему",
  "ей",
  "уже",
  "снова",
]);

const WAITS_NOW = new Set(["ждут", "ждет", "ждем", "хотят", "просят", "waiting", "want", "wants"]);
/**
 * "звонил в полюс никто не взял потом набрал звезду поговорили отправил кп": voice input and
 * quick typing leave no commas, so a past-tense verb that starts another event starts a clause.
 */
function splitRunOn(clause: string, morph: Morphology, known: KnownClients | null): string[] {
  const tokens = tokenize(clause);
  if (tokens.length < 4) return [clause];
  const lower = norm(clause);
  // Never inside one phrase ("никто не ответил", "nobody picked up", "договорились о встрече").
  const phrases = [NOANSWER, MEETING_OUTCOME, REACHED, ...KIND_PATTERNS.map(([, re]) => re)].flatMap((re) => spans(re, lower));
  const isPast = (t: Token) =>
    isCyrillic(t.lower)
      ? morph(t.lower, null)?.tense === "past"
      : /^(?:\p{L}+ed|met|sent|spoke|rang|paid|sold|signed|closed|won|lost)$/u.test(t.lower);
  const words = tokens.map((t) => t.lower);
  const bases = tokens.map((t) => (isCyrillic(t.lower) ? (morph(t.lower, null)?.base ?? null) : null));
  const out: string[] = [];
  let from = 0;
  for (let i = 1; i < tokens.length; i++) {
    const verb = tokens[i]!;
    // "презентация прошла хорошо ждут кп": what the client now waits for or wants starts a clause of its own (a plan).
    if (!isPast(verb) && !WAITS_NOW.has(verb.lower)) continue;
    // The piece starts at its subject: "… арктика не взяла нептун поговорили" splits before
    // "нептун", the client that spoke, and before "не" of a negated verb.
    let s = i;
    if (tokens[s - 1]?.lower === "не" || tokens[s - 1]?.lower === "not") s--;
    // A name after a preposition ("созвонился с Орионом назначили") is the object of what came before.
    const governed = NAME_PREPS[tokens[s - 2]?.lower ?? ""] !== undefined;
    const subject = s >= 2 && known && !governed ? matchKnownAt(words, bases, s - 1, known) : null;
    if (subject?.words === 1 && clause.slice(tokens[s - 1]!.end, tokens[s]!.start).trim() === "") s--;
    // "…на 560к сегодня они его подписали": the day and the pronouns before the verb (or its subject) start its piece.
    const lead = s;
    while (s > lead - 3 && s > 1 && RUN_ON_LEAD.has(tokens[s - 1]!.lower)) s--;
    if (s < lead && !DAY_WORDS.has(tokens[s]!.lower)) s = lead;
    const t = tokens[s]!;
    if (s < i && t.start <= from) continue;
    if (phrases.some(([a, b]) => a < t.start && t.start < b)) continue;
    // Each piece has its own predicate: "сделка с Вектором сорвалась" is one event.
    if (!tokens.some((x) => x.start >= from && x.end <= t.start && isPast(x))) continue;
    const head = clause.slice(from, t.start);
    const rest = clause.slice(t.start);
    if (tokens.filter((x) => x.start >= from && x.end <= t.start).length < 2) continue;
    if (!hasEvent(norm(head)) || !hasEvent(norm(rest))) continue;
    // "lost Evergreen — they picked a local vendor": in English, a loss after a loss is the first one's reason.
    if (!isCyrillic(rest) && isLoss(norm(head)) && isLoss(norm(rest))) continue;
    // "договорились что приеду", "сказали что подписали": a verb after "что" reports, it does not start an event.
    if (/(?:что|чтобы|that|как)\s*$/iu.test(head)) continue;
    out.push(head.trim());
    from = t.start;
  }
  out.push(clause.slice(from).trim());
  return out.filter(Boolean);
}

interface Draft {
  kind: ActivityKind;
  outcome: CallOutcome | null;
  client: ClientRef | null;
  amountMinor: number | null;
  reason: string | null;
  day: DayRef | null;
  kindPhrase: string | null;
  amountPhrase: string | null;
}

/** The prepositions of NAME_PREPS a name taken back is typed after ("в дельту нет не в дельту а в …"). */
const NAME_PREP = `(?:${Object.keys(NAME_PREPS)
  .filter((p) => /^[а-я]{1,3}$/u.test(p) && p !== "до")
  .join("|")})`;
/** "в дельту нет не в дельту а в дельта принт", "в «Арсенал»… тьфу, то есть в ПромАрсенал": a name taken back. */
const TAKEN_BACK = [
  new RegExp(`(?<![\\p{L}])${NAME_PREP}\\s+(\\S+)[\\s,]+нет[\\s,]+не\\s+${NAME_PREP}\\s+\\1[\\s,]+а\\s+(?=${NAME_PREP}\\s)`, "giu"),
  new RegExp(
    `(?<![\\p{L}])${NAME_PREP}\\s+(?:«[^»]{1,60}»|"[^"]{1,60}"|\\S+)[\\s,.…!]*(?:тьфу[\\s,.!]*)?(?:то\\s+есть|точнее|вернее)[\\s,]+(?=${NAME_PREP}\\s)`,
    "giu",
  ),
];
/** Drops a name the writer took back (a space in its place: long runs of spaces slow every later pattern). */
function dropTakenBack(text: string): string {
  let out = text;
  for (const re of TAKEN_BACK) out = out.replace(re, " ");
  return out;
}

/** Reads a free-text report into proposed entries. */
export function readFreeText(
  typed: string,
  knownClients: readonly string[],
  morph: Morphology | null = null,
  aliases: readonly TextAlias[] = [],
): FreeTextReading {
  readMemo = new Map();
  try {
    return readWithMemo(typed, knownClients, morph, aliases);
  } finally {
    readMemo = null;
  }
}

function readWithMemo(
  typed: string,
  knownClients: readonly string[],
  morph: Morphology | null,
  aliases: readonly TextAlias[],
): FreeTextReading {
  const text = dropTakenBack(typed);
  const sorted = sortAliases(aliases);
  const index = prepareKnownClients(knownClients, sorted.clients);
  const raws = splitClauses(text.slice(0, 2000), morph, index);
  // A message about an email or a chat message with no call word: its "no answer" is no call.
  const lowerText = norm(text);
  const context: MessageContext = {
    // ("busy signal at Kedr, so sent them the quote by email": a miss told in a call's own words is a call still.)
    written: spans(WRITTEN, lowerText).length > 0 && spans(CALL_WORD, lowerText).length === 0 && !CALL_MISSED.test(lowerText),
    appointment: APPOINTMENT_WORD.test(lowerText),
    rebooked:
      spans(MOVED, lowerText).length > 0 &&
      APPOINTMENT_WORD.test(lowerText) &&
      !calledOff(lowerText) &&
      spans(NOT_HELD, lowerText).length === 0,
    // "Бриз — секретарь сказала, директор на больничном": a gatekeeper told of answered a call.
    call: [CALL_WORD, NOANSWER, GATEKEEPER].some((re) => spans(re, lowerText).length > 0),
    calledOff: calledOff(lowerText) && APPOINTMENT_WORD.test(lowerText),
    reached: [...spans(REACHED, lowerText), ...spans(SPOKE_FOR_CLIENT, lowerText)].some(
      ([a]) => !NEGATED_JUST_BEFORE.test(lowerText.slice(0, a)),
    ),
    tender: /тендер|tender|аукцион|конкурс|закупк/u.test(lowerText),
    booked: spans(MEETING_OUTCOME, lowerText).length > 0,
    offerNamed: /(?<![\p{L}])(?:proposal|quote|quotation|pricing|price\s+list|estimate|offer)(?![\p{L}])/u.test(lowerText),
  };
  const clauses = raws.map((c) => readClause(c, index, sorted, morph, context));
  // "оплатил счёт, который мы отправили в среду": a relative clause adds no event and dates none.
  for (const [i, c] of clauses.entries())
    if (RELATIVE_CLAUSE.test(raws[i]!)) Object.assign(c, { kind: null, outcome: null, day: null, clients: [], amountMinor: null });
  sentAsAsked(clauses, raws);
  // "проиграли, сказали у Дуба лучше условия": what they said right after a loss is its reason, not another client;
  // "подписал на 800к, поправка: на 850к": a sum corrected replaces the one before, confirmed first.
  for (const [i, c] of clauses.entries()) {
    const before = clauses[i - 1];
    if (!before || c.kind !== null) continue;
    const said = /^(?:сказал\p{L}*|говор(?:ят|ит)|said)\s+(?:что\s+|that\s+)?(.+)$/iu.exec(raws[i]!.trim());
    if (before.kind === "lost" && !before.reason && said?.[1]) {
      before.reason = reasonText(said[1]);
      before.newlyRead = true;
      c.clients = [];
      c.unexplained = [];
    }
    if (before.kind === "deal" && c.amountMinor !== null && /^(?:поправка|точнее|вернее|correction)(?![\p{L}])/iu.test(raws[i]!.trim())) {
      before.amountMinor = c.amountMinor;
      before.amountPhrase = c.amountPhrase;
      before.newlyRead = true;
      c.amountMinor = null;
    }
  }
  // "Азот-Снабу провёл презентацию, позавчера": a day told alone after a clause is that clause's day.
  for (const [i, c] of clauses.entries()) {
    const before = clauses[i - 1];
    if (!before || c.kind !== null || c.clients.length > 0 || !c.day || before.day || !before.kind) continue;
    if (!/^(?:вчера|позавчера|yesterday|(?:в|во|on)\s+\p{L}+)(?:\s+(?:сообщил|написал|сказал)\p{L}*)?[\s.!]*$/iu.test(raws[i]!.trim()))
      continue;
    before.day = c.day;
    before.pastDay = c.pastDay;
    c.day = null;
  }
  // "орбитамед говорят дорого, отказ", "кондитер — нет бюджета до весны, отказ": what they said, told just before the loss,
  // is its reason.
  for (const [i, c] of clauses.entries()) {
    const before = clauses[i - 1];
    if (c.kind !== "lost" || c.reason || !before || before.kind !== null) continue;
    const said = SAID_BEFORE_LOSS.exec(raws[i - 1]!);
    // "Вега — короче, отказ", "отчёт: Вега, отказ": a word or two of filler, or the client's own name, is no reason.
    const words = said?.[1]?.match(/\p{L}+/gu) ?? [];
    const afterDash = said !== null && /^\s*[—–:-]/u.test(said[0]);
    if (
      !said?.[1] ||
      /^(?:нет|no)$/iu.test(said[1]) ||
      (afterDash && words.length < 2) ||
      before.clients.some((x) => said[1]!.includes(x.typed))
    )
      continue;
    c.reason = said[1].slice(0, MAX_REASON_LENGTH);
    // Read from another clause: confirmed, never stored unasked.
    c.newlyRead = true;
  }
  // "Леонид из «ПрофТехСнаба» сам позвонил, хотят кабель — новый лид": the inbound call is how the lead came in.
  if (clauses.some((c) => c.kind === "lead"))
    for (const [i, c] of clauses.entries())
      if (c.kind === "call" && c.outcome !== "noanswer" && c.outcome !== "meeting" && INBOUND.test(norm(raws[i]!))) {
        Object.assign(c, { kind: null, outcome: null });
        c.newlyRead = true;
      }
  // "в пт отправила КП Кедру, а в сб они сами позвонили": a known client told of before getting in touch is a call.
  for (const [i, c] of clauses.entries())
    if (
      c.kind === "lead" &&
      c.clients.every((x) => x.place || x.person) &&
      INBOUND_CONTACT.test(norm(c.kindPhrase ?? "")) &&
      clauses.slice(0, i).some((b) => b.clients.some((x) => !x.isNew))
    ) {
      c.kind = "call";
      c.outcome ??= "reached";
    }
  // "Бумажный дом сами отменили встречу", "написали что встречу переносят на вторник": a meeting cancelled or moved,
  // with no call of its own, logs nothing, and its name is no client of the event before.
  for (const [i, c] of clauses.entries()) {
    const raw = norm(raws[i] ?? "");
    // ("перенесли встречу, созвонились": the call told with the move, right after it, is the one that moved it.)
    const callTold = spans(CALL_WORD, `${raw} ${norm(raws[i + 1] ?? "")}`).length > 0;
    const eventBefore = clauses.slice(0, i).some((b) => b.kind !== null);
    if (c.kind === null && eventBefore && !callTold && APPOINTMENT_WORD.test(raw) && (calledOff(raw) || spans(MOVED, raw).length > 0)) {
      c.clients = [];
      c.amountMinor = null;
    }
  }
  // "а сегодня они позвонили и сказали что отказываются", "в четверг они перезвонили и отказались": a call of theirs that
  // only brings a loss is the loss.
  for (const [i, c] of clauses.entries()) {
    const next = clauses[i + 1];
    if (
      c.kind === "call" &&
      c.clients.length === 0 &&
      (c.outcome === null || c.outcome === "reached") &&
      next?.kind === "lost" &&
      /(?:^|\s)(?:они\s+)?(?:сами\s+)?(?:позвонили|перезвонили|набрали|написали)\s*(?:и\s*)?$/u.test(norm(raws[i] ?? ""))
    )
      c.kind = null;
  }
  // "Орион – демо во вторник, договорились по телефону": an appointment ahead, then the call that set it.
  for (const [i, c] of clauses.entries()) {
    const next = clauses[i + 1];
    if (
      c.plan &&
      (c.kind === "meeting" || c.kind === "presentation") &&
      c.clients.length > 0 &&
      next?.kind === "call" &&
      next.clients.length === 0 &&
      next.outcome !== "noanswer" &&
      /договорил|согласовал|agreed|confirmed/u.test(norm(raws[i + 1] ?? ""))
    ) {
      next.clients = c.clients;
      next.outcome = "meeting";
    }
  }
  // "звонил в Кедр, хочет встречу, поставили на среду": a date set after an appointment told before is the call's booking.
  for (const [i, c] of clauses.entries())
    if (c.kind === null && i > 0 && DATE_SET.test(raws[i]!.trim()) && APPOINTMENT_WORD.test(norm(raws.slice(0, i).join(" ")))) {
      c.kind = "call";
      c.outcome = "meeting";
    }
  // "Called Redwood — no answer. Then Pinecrest, talked to Mike": a name alone after another client's event is the
  // subject of the event told next, not a second client of the one before.
  for (const [i, c] of clauses.entries()) {
    const [before, next] = [clauses[i - 1], clauses[i + 1]];
    if (c.kind !== null || c.clients.length !== 1 || c.amountMinor !== null || !before?.kind || !next?.kind) continue;
    if (tokenize(raws[i]!.replace(c.clients[0]!.typed, " ")).some((t) => !STOP.has(t.lower))) continue;
    if (!before.clients.some((x) => !x.place && clientKey(x.name) !== clientKey(c.clients[0]!.name))) continue;
    if (!next.clients.every((x) => x.place || x.weak)) continue;
    next.clients = c.clients;
    c.clients = [];
  }
  // "Волга Логистик перенесли встречу, Саша сам позвонил", "Каскад — созвонились с Олегом": a clause that names only a
  // person by a first name or a role speaks of the contact at the one company the message names elsewhere.
  // "оплатили за изыскания под ЛЭП", "«Фермер-Вет», Саратов", "Михайлов передвинул встречу": beside a company, a new
  // abbreviation is what was sold, a town where the company is, a surname alone its person — none of them a client.
  const sideWord = (x: ClientRef, raw: string): boolean => {
    // "ООО Спектр и ИП Фомин": a sole trader is a client by his surname.
    if (!x.isNew || x.place || /\s/u.test(x.typed) || /(?:^|[^\p{L}])ип\s*$/iu.test(raw.slice(0, x.start))) return false;
    if (/^[\p{Lu}]{2,5}$/u.test(x.typed)) return true;
    const proper = morph !== null && isCyrillic(x.typed) ? morph(norm(x.typed), null)?.proper : undefined;
    // A town only standing alone between commas or after a preposition of place ("Меркурий на 150к" is a client).
    return (
      proper === "surname" ||
      (proper === "geo" && (raw.trim() === x.typed || /(?:^|\s)(?:по|под|из|в|во|на)\s+$/iu.test(raw.slice(0, x.start))))
    );
  };
  const side = clauses.map((c, i) => c.clients.map((x) => sideWord(x, raws[i]!)));
  if (clauses.some((c, i) => c.clients.some((x, k) => !x.place && !x.weak && !side[i]![k])))
    for (const [i, c] of clauses.entries()) {
      const kept = c.clients.filter((_, k) => !side[i]![k]);
      if (kept.length < c.clients.length) {
        c.clients = kept.length > 0 ? kept : c.clients.map((x, k) => (side[i]![k] ? { ...x, place: true, person: true } : x));
        c.newlyRead = true;
      }
    }
  const firms = new Map<string, ClientRef>();
  for (const c of clauses) for (const x of c.clients) if (!x.place && !x.weak) firms.set(clientKey(x.name), x);
  if (firms.size === 1)
    for (const c of clauses)
      if (c.clients.length > 0 && c.clients.every((x) => x.person)) {
        c.clients = [...firms.values()];
        c.newlyRead = true;
      }
  // "отправил прайс и презу": a deck sent along, read into one proposal since round 12, is confirmed first.
  for (const [i, c] of clauses.entries())
    if (DECK_ALONG.test(norm(raws[i]!)) && spans(SENT_VERB, norm(raws[i]!)).length > 0) c.newlyRead = true;
  // "в понедельник демо в Океане, во вторник подписали": a diary of past weekdays dates the verbless entry before a
  // dated one as done that day, not as an appointment ahead.
  // "Monday: demo at Acme. Today: they signed", "в пн встреча с Зенитом, во вт КП": so does a dated event after it.
  const lastDated = clauses.findLastIndex(
    (c) =>
      (c.past && c.day !== null && (c.day.type === "weekday" || (c.day.type === "ago" && c.day.days === 0))) ||
      (c.kind !== null && !c.plan && c.day?.type === "weekday"),
  );
  for (const c of clauses.slice(0, Math.max(lastDated, 0)))
    if (c.verblessWeekday && c.kind !== null) {
      c.plan = false;
      c.day = c.verblessWeekday;
    }
  // "шоплайн: встреча у них на складе во вторник, смотрели как пакуют", "lunch meeting on Friday, went well": an
  // appointment told with no verb, followed by how it went in the past tense, was held.
  for (const [i, c] of clauses.entries()) {
    const next = clauses[i + 1];
    const remark = next !== undefined && (next.kind === null || (next.kind === c.kind && next.clients.length === 0));
    if (c.verblessWeekday && c.kind !== null && next && remark && next.past && !next.plan) {
      c.plan = false;
      c.day = c.verblessWeekday;
    }
  }
  const notes = new Set<ReadingNote>();
  const drafts: Draft[] = [];
  let copiedReason = false;
  let pendingClients: ClientRef[] = [];
  // The clause the last event was read from.
  let lastOwner: Clause | null = null;
  let lastClause: Draft[] = [];
  let amountInvalid = false;
  let pendingAmount: number | null = null;
  let pendingAmountPhrase: string | null = null;
  // "Кедр 50к, Лотос 70к — оплатили": each name told with its own amount before the deal.
  const pendingOwn = new Map<ClientRef, { minor: number; phrase: string | null }>();
  const nothing = nothingToLog(text, clauses, morph);
  if (nothing) return { entries: [], guessed: false, confident: false, notes: [], nothing };
  // A named day holds for the clauses after it until another is named ("вчера …, сегодня …").
  let day: DayRef | null = null;
  for (const c of clauses) {
    const dayBefore = day;
    if (c.day) day = c.day.type === "ago" && c.day.days === 0 ? null : c.day;
    // "…, отправлю КП": what is only planned is not logged.
    const prior = drafts[drafts.length - 1];
    const ofClient = (d: Draft) =>
      c.clients.length === 0 || c.clients.some((x) => d.client && clientKey(x.name) === clientKey(d.client.name));
    // "Техносфера поговорили, Агро-Юг назначил встречу": another client's booking is its own call.
    const othersBooking = c.kind === "call" && c.outcome === "meeting" && !lastClause.some(ofClient);
    if (c.bookedAhead && prior?.kind === "call" && prior.outcome !== "noanswer" && !othersBooking) {
      // "звонки: волна - не взяли, колос - поговорил, каскад - встреча на чт": a meeting ahead for a client the calls
      // before did not name is that client's own call, which booked it.
      if (c.clients.length > 0 && !lastClause.some(ofClient)) {
        lastClause = c.clients.map((client) => ({ ...prior, outcome: "meeting" as const, client, day }));
        drafts.push(...lastClause);
        continue;
      }
      // "called AgroNova, no answer, then Blackland picked up and we booked a demo": a call not reached booked nothing.
      for (const d of lastClause) if (d.kind === "call" && ofClient(d) && d.outcome !== "noanswer") d.outcome = "meeting";
      continue;
    }
    // "…, не берут, позавчера тоже", "…, вчера опять то же самое", "yesterday too": another day told of the same
    // events repeats them on that day (confirmed first).
    const sameRaw = raws[clauses.indexOf(c)]!;
    if (
      c.kind === null &&
      c.clients.length === 0 &&
      c.amountMinor === null &&
      c.day !== null &&
      lastClause.length > 0 &&
      lastClause.every((d) => JSON.stringify(d.day) !== JSON.stringify(day)) &&
      SAME_AGAIN.test(norm(sameRaw))
    ) {
      lastClause = lastClause.map((d) => ({ ...d, day }));
      drafts.push(...lastClause);
      c.newlyRead = true;
      continue;
    }
    // "медикор передумал, говорят будет внутренняя разработка": words after a loss are its reason, in any tense.
    const lossReason = c.kind === null && c.clients.length === 0 && prior?.kind === "lost" && !prior.reason;
    if (c.plan && !c.pastDay && !lossReason) continue;
    if (c.currency) notes.add("currency");
    if (c.amountInvalid) amountInvalid = true;
    if (c.pastDay) notes.add("past_day");
    const last = drafts[drafts.length - 1];
    // A follow-on remark ("он в отпуске") does not name a new client for an event that has one.
    // Nor does a person named by their role or a place ("…, коммерческий директор Ковалёв").
    if (last?.client && (c.kind === null || c.kind === last.kind)) c.clients = c.clients.filter((x) => !x.weak && !x.place);
    // "потом скинул им презентацию по пачкам для кофе", "sent them the proposal for backup gensets": an event told of
    // "them" is the client's before; a word in lower case or an abbreviation in what it was about names nobody new.
    if (last?.client && OBJECT_PRONOUN.test(raws[clauses.indexOf(c)] ?? ""))
      c.clients = c.clients.filter(
        (x) => !x.isNew || !(x.weak || /^\p{Lu}{2,5}$/u.test(x.typed) || (!isCyrillic(x.typed) && x.typed === x.typed.toLowerCase())),
      );
    // "бриз и кедр отказались … кедр ушли к конкуренту": a loss told again of a client already lost is that loss, with its reason.
    const lostBefore =
      c.kind === "lost"
        ? c.clients.map((x) => drafts.find((d) => d.kind === "lost" && d.client && clientKey(d.client.name) === clientKey(x.name)))
        : [];
    if (lostBefore.length > 0 && lostBefore.every((d) => d !== undefined)) {
      for (const d of lostBefore) d!.reason ??= c.reason;
      continue;
    }
    // "обсудили условия" after a meeting is a remark on it, not a call.
    // "провела встречу с Вегой, обсудили объект в Химках": a place named in the remark is no client.
    // "сходил на встречу в Формат, обсудили печать для молочки": nor a lowercase word read as a name.
    if (c.reachedOnly && last && last.kind !== "call" && c.clients.every((x) => x.place || x.weak)) {
      c.kind = null;
      c.clients = [];
    }
    // "did the demo for Acme, 6 people on the call": the call is where the event before happened.
    if (c.kind === "call" && c.callMedium && c.outcome === null && last && last.kind !== "call") c.kind = null;
    // "demo for Pinecrest went well, 5 ppl on the zoom": so is a video meeting's medium after another event.
    if (c.kind === "meeting" && c.videoMedium && last && last.kind !== "meeting") {
      c.kind = null;
      c.newlyRead = true;
    }
    // "вчера не дозвонился, сегодня дозвонился": another day is another event.
    // "звонил по дз, бухгалтер сказала платёж в понедельник": a weekday in what was said on a call reached is no new call.
    const saidOnCall =
      c.reachedOnly &&
      !c.callWord &&
      last?.kind === "call" &&
      (last.outcome === "reached" || last.outcome === null) &&
      day?.type === "weekday" &&
      last.day?.type !== "weekday";
    // The weekday of what was said dates nothing after it either.
    if (saidOnCall) day = dayBefore;
    const otherDay = last !== undefined && !sameDayRef(last.day, day);
    // "отправила прайс и КП Меркурию": the same event again, naming the client the first one lacked.
    // "был в Кедре встретился с закупщиком Денисом": a meeting told again of the same client the same day is that meeting.
    const sameMeeting =
      last?.kind === "meeting" &&
      c.kind === "meeting" &&
      last.client !== null &&
      c.clients.length > 0 &&
      c.clients.every((x) => clientKey(x.name) === clientKey(last.client!.name));
    const sameKindAsLast = last && c.kind === last.kind && (c.clients.length === 0 || !last.client || sameMeeting) && !otherDay;
    // "порекомендовали нас Кедру, в вск они сами написали": a lead told again is one lead, on the day named.
    if (last?.kind === "lead" && c.kind === "lead" && c.clients.length === 0 && last.client && (last.day === null || day === null)) {
      last.day ??= day;
      continue;
    }
    // "набрал, никто не ответил, перезвонил через час, поговорили": a call word after one not reached is a second call.
    // "Омега не отвечает, звонил опять": a call word with no outcome after an outcome told with none is that call.
    const sameCall = c.outcome === null && lastOwner !== null && !lastOwner.callWord;
    // "занято, потом ещё раз — поговорили": a reaching word told as another try is a second call.
    const again = /(?<![\p{L}])(?:ещ[её]\s+раз|снова|повторно|again)(?![\p{L}])/iu.test(raws[clauses.indexOf(c)] ?? "");
    const callAgain =
      c.kind === "call" && (!c.reachedOnly || again) && last?.outcome === "noanswer" && c.outcome !== "noanswer" && !sameCall;
    const outcomeOfLast = c.kind === "call" && last?.kind === "call" && c.outcome !== null && !otherDay && !callAgain;
    if (c.kind === null || (sameKindAsLast && !callAgain) || outcomeOfLast) {
      // A clause with no event of its own adds to the previous one.
      if (!last) {
        pendingClients.push(...c.clients);
        if (c.clients.length === 1 && c.amountMinor !== null)
          pendingOwn.set(c.clients[0]!, { minor: c.amountMinor, phrase: c.amountPhrase });
        if (pendingAmount === null) {
          pendingAmount = c.amountMinor;
          pendingAmountPhrase = c.amountPhrase;
        }
        continue;
      }
      if (c.outcome && last.kind === "call") {
        // "вчера звонил в Уралсталь, не дозвонился, сегодня набрал, поговорил": the latest call to the client is the one told of.
        const target = c.clients.length
          ? [...drafts]
              .reverse()
              .find((d) => d.kind === "call" && d.client && c.clients.some((x) => clientKey(x.name) === clientKey(d.client!.name)))
          : null;
        if (target) {
          target.outcome = c.outcome;
          // "звонил Веге и Ориону, дозвонился только до Веги": the others called then were not reached.
          if (c.outcome === "reached" && ONLY.test(norm(raws[clauses.indexOf(c)] ?? "")))
            for (const d of lastClause) if (d !== target && d.kind === "call" && d.outcome === null) d.outcome = "noanswer";
        } else if (c.clients.length === 0) {
          // "договорились о встрече, хорошо поговорили": a call that booked a meeting stays booked.
          for (const d of lastClause) if (d.kind === "call" && !(d.outcome === "meeting" && c.outcome === "reached")) d.outcome = c.outcome;
        } else {
          // "called Globex, Initech and Northwind - all voicemail": an outcome told of all is the calls' before too.
          if (/(?<![\p{L}])(?:all|both|every\s+one|none)(?![\p{L}])/iu.test(raws[clauses.indexOf(c)] ?? "") && last.client)
            for (const d of lastClause) if (d.kind === "call" && d.outcome === null) d.outcome = c.outcome;
          for (const cl of c.clients) {
            // "2 calls today, both voicemail: Globex": the call told with no client was this client's.
            if (!last.client && lastClause.includes(last)) {
              last.client = cl;
              last.outcome = c.outcome;
              continue;
            }
            const more = { ...last, client: cl, outcome: c.outcome };
            drafts.push(more);
            lastClause.push(more);
          }
        }
        continue;
      }
      // "Acme and Globex both signed, 50k each": a sum told per client is every one's of the event before.
      if (
        c.amountMinor !== null &&
        c.clients.length === 0 &&
        /(?<![\p{L}])(?:each|apiece)(?![\p{L}])/iu.test(raws[clauses.indexOf(c)] ?? "")
      )
        for (const d of lastClause)
          if ((d.kind === "deal" || d.kind === "proposal") && d.amountMinor === null && d !== last) d.amountMinor = c.amountMinor;
      // "оплатили, обещали ещё 100к": a sum only promised is not the one paid.
      if (
        c.amountMinor !== null &&
        (last.kind === "deal" || last.kind === "proposal") &&
        last.amountMinor === null &&
        (c.clients.length === 0 || !last.client) &&
        !/(?<![\p{L}])(?:по)?обеща\p{L}*|promis\p{L}*|will\s+pay/iu.test(raws[clauses.indexOf(c)] ?? "")
      )
        last.amountMinor = c.amountMinor;
      // "эверест и бриз оба отказали, эверест из за сроков, бриз дорого": a client named again after its own loss, with
      // words of its own, names that loss's reason.
      const named = c.clients.length === 1 && c.kind === null && c.amountMinor === null ? c.clients[0]! : null;
      const itsLoss = named
        ? drafts.find((d) => d.kind === "lost" && !d.reason && d.client && clientKey(d.client.name) === clientKey(named.name))
        : undefined;
      if (named && itsLoss) {
        const raw = raws[clauses.indexOf(c)] ?? "";
        itsLoss.reason = reasonText(`${raw.slice(0, named.start)} ${raw.slice(named.start + named.typed.length)}`);
        if ((itsLoss.reason?.split(/\s+/u).length ?? 0) >= 4) copiedReason = true;
        if (itsLoss.reason) {
          c.unexplained = [];
          continue;
        }
      }
      // "отказались, дорого": the words after a loss are its reason.
      if (last.kind === "lost" && !last.reason && c.clients.length === 0 && c.amountMinor === null) {
        last.reason = c.reason ?? reasonText(raws[clauses.indexOf(c)] ?? "");
        // A clause of four words or more copied whole as the reason may be a paraphrase or an event of its own: ask.
        if ((last.reason?.split(/\s+/u).length ?? 0) >= 4) copiedReason = true;
        // Its words are the reason now, read as written: nothing in them is left unexplained.
        if (last.reason) c.unexplained = [];
      } else if (
        last.kind === "lost" &&
        last.reason &&
        c.kind === null &&
        c.clients.length === 0 &&
        /^(?:там|те|у\s+(?:тех|них|него|не[её])|there|they)(?![\p{L}])/iu.test(raws[clauses.indexOf(c)] ?? "")
      ) {
        // "ушли к Цемтрасту, там отсрочка 60 дней": what the competitor offers goes on with the reason.
        last.reason = `${last.reason}, ${reasonText(raws[clauses.indexOf(c)] ?? "") ?? ""}`.slice(0, MAX_REASON_LENGTH);
        copiedReason = true;
        c.unexplained = [];
      }
      for (const cl of c.clients) {
        // "…, Acme picked up": a client the message already has an event for adds nothing new.
        if (drafts.some((d) => d.client && clientKey(d.client.name) === clientKey(cl.name))) continue;
        if (!last.client) last.client = cl;
        // "зашёл клиент с улицы, ООО Дельта": a name typed as one outranks a lowercase word read as one.
        else if (last.client.weak && !cl.weak) last.client = cl;
        // "Каскад ушёл к конкурентам, Волна думает": a second client still thinking shares no deal, loss or proposal.
        else if (last.kind !== "call" && STILL_THINKING.test(norm(raws[clauses.indexOf(c)] ?? ""))) continue;
        // A second client's deal has its own amount, or none: never the first one's.
        else {
          const more = {
            ...last,
            client: cl,
            reason: null,
            // "вчера Кедр оплатил 100к, а сегодня Лотос 200к": a clause that names its own day dates its client's event.
            day: c.day ? day : last.day,
            amountMinor: last.kind === "deal" || last.kind === "proposal" ? c.amountMinor : last.amountMinor,
            amountPhrase: last.kind === "deal" || last.kind === "proposal" ? c.amountPhrase : last.amountPhrase,
          };
          drafts.push(more);
          // "два звонка, Вега и Полюс, оба не взяли": a later outcome is told of every client named.
          if (lastClause.includes(last)) lastClause.push(more);
        }
      }
      continue;
    }
    // A follow-on event with no client of its own is about the previous one's client.
    const clients = c.clients.length ? c.clients : pendingClients.length ? pendingClients : [last?.client ?? null];
    // "Гранит на 200к и Полюс на 300к подписали": a name with its own amount before a deal is that deal's too.
    const ownDeal = c.kind === "deal" && c.clients.length > 0 && pendingAmount !== null ? pendingClients : [];
    pendingClients = [];
    lastClause = ownDeal.map((client) => ({
      kind: "deal" as const,
      outcome: null,
      client,
      amountMinor: pendingOwn.size > 0 ? (pendingOwn.get(client)?.minor ?? null) : pendingAmount,
      reason: null,
      day,
      kindPhrase: c.kindPhrase,
      amountPhrase: pendingOwn.size > 0 ? (pendingOwn.get(client)?.phrase ?? null) : pendingAmountPhrase,
    }));
    if (ownDeal.length > 0) pendingAmount = null;
    for (const client of clients) {
      lastClause.push({
        kind: c.kind,
        outcome: c.kind === "call" ? c.outcome : null,
        client,
        // A proposal's amount is kept while reading: an invoice paid later in the message hands it to the deal.
        amountMinor: c.kind === "deal" ? (c.amountMinor ?? pendingAmount) : c.kind === "proposal" ? c.amountMinor : null,
        reason:
          c.kind !== "lost" ? null : c.reasonOf ? (c.reasonOf.key === clientKey(client?.name ?? "") ? c.reasonOf.reason : null) : c.reason,
        day,
        kindPhrase: c.kindPhrase,
        amountPhrase:
          c.kind === "deal"
            ? c.amountMinor !== null
              ? c.amountPhrase
              : pendingAmountPhrase
            : c.kind === "proposal"
              ? c.amountPhrase
              : null,
      });
    }
    drafts.push(...lastClause);
    lastOwner = c;
    pendingAmount = null;
  }

  // "у Веги была, презентовала продукт": a visit at which a demo was given is the presentation;
  // "встретился, потом провёл демо" tells two in sequence.
  // The sequence word must stand between the two: "была в Медикоре — показала программу, после обеда набрала Фармию"
  // is one visit with a demo.
  const SEQUENCE = /(?<![\p{L}])(?:потом|затем|после\s+(?:этого|обеда)|then|after\s+(?:that|lunch)|afterwards|later)(?![\p{L}])/iu;
  const told = (d: Draft, from = 0) => (d.kindPhrase ? text.indexOf(d.kindPhrase, from) : -1);
  const inSequence = (d: Draft, next: Draft) => {
    const [at, nextAt] = [told(d), told(next, Math.max(told(d), 0))];
    return at < 0 || nextAt < 0 ? SEQUENCE.test(text) : SEQUENCE.test(text.slice(at, nextAt));
  };
  for (let i = drafts.length - 2; i >= 0; i--) {
    const [d, next] = [drafts[i]!, drafts[i + 1]!];
    const sameClient = !next.client || !d.client || clientKey(next.client.name) === clientKey(d.client.name);
    if (d.kind === "meeting" && next.kind === "presentation" && sameClient && sameDayRef(d.day, next.day) && !inSequence(d, next)) {
      next.client ??= d.client;
      drafts.splice(i, 1);
    }
  }
  // "выставил счёт, оплатили 60 тыс": an invoice paid in the same message is the deal's paperwork, not a proposal.
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i]!;
    const invoice = d.kind === "proposal" && /сч[её]т|invoice|выстав/iu.test(d.kindPhrase ?? "");
    const paid = invoice
      ? drafts.find((x) => x.kind === "deal" && (!x.client || !d.client || clientKey(x.client.name) === clientKey(d.client.name)))
      : undefined;
    // "оплатил 48к и заказал ещё — выставила новый счёт на 52к": an invoice for its own sum after the payment is a new one.
    const newInvoice = paid !== undefined && drafts.indexOf(paid) < i && d.amountMinor !== null && d.amountMinor !== paid.amountMinor;
    if (paid && !newInvoice) {
      // "выставил счёт на 40к, его оплатили": the amount invoiced is the amount paid when the payment names none.
      if (paid.amountMinor === null && d.amountMinor !== null) {
        paid.amountMinor = d.amountMinor;
        paid.amountPhrase = d.amountPhrase;
      }
      drafts.splice(i, 1);
    }
  }
  // "отправил КП на 560к, сегодня его подписали": a deal closed after a proposal for a sum, naming none, is for that sum.
  for (const [i, d] of drafts.entries()) {
    if (d.kind !== "deal" || d.amountMinor !== null) continue;
    const offer = drafts
      .slice(0, i)
      .reverse()
      .find((x) => x.kind === "proposal" && (!x.client || !d.client || clientKey(x.client.name) === clientKey(d.client.name)));
    if (offer?.amountMinor != null) {
      d.amountMinor = offer.amountMinor;
      d.amountPhrase = offer.amountPhrase;
    }
  }
  let guessed = false;
  if (drafts.length === 0) {
    // Nothing said what happened: the closest guess is a deal for an amount, else a call.
    guessed = true;
    const withAmount = clauses.find((c) => c.amountMinor !== null);
    const amount = withAmount?.amountMinor ?? null;
    const client = pendingClients[0] ?? null;
    // No word named the kind: the first other word is what a correction of the kind teaches.
    const kindPhrase = firstOtherWord(text, [client?.typed ?? "", withAmount?.amountPhrase ?? ""], morph);
    const guess = { outcome: null, client, reason: null, day, kindPhrase, amountPhrase: withAmount?.amountPhrase ?? null };
    if (amount !== null) drafts.push({ ...guess, kind: "deal", amountMinor: amount });
    else if (client) drafts.push({ ...guess, kind: "call", amountMinor: null });
  }
  if (amountInvalid && drafts.some((d) => d.kind === "deal" && d.amountMinor === null)) notes.add("amount_invalid");

  const entries: ProposedEntry[] = drafts.map((d) => {
    const clientName = d.client?.name ?? null;
    const missing =
      d.kind === "deal" && d.amountMinor === null ? "amount" : (d.kind === "lead" || d.kind === "lost") && !clientName ? "client" : null;
    return {
      kind: d.kind,
      outcome: d.kind === "call" ? (d.outcome ?? "reached") : null,
      clientName,
      amountMinor: d.kind === "deal" ? d.amountMinor : null,
      lostReason: d.kind === "lost" ? d.reason : null,
      clientIsNew: d.client?.isNew ?? false,
      missing,
      day: d.day,
      phrases: { client: d.client?.typed ?? null, kind: d.kindPhrase, amount: d.kind === "deal" ? d.amountPhrase : null },
    };
  });
  // Stored without asking only when complete, today, about a client the team already has, when the message names
  // no other day, no date and no moved meeting, and when it holds no word the reader did not account for.
  // A name or a sum the message holds that no entry uses is an event the reader may have dropped ("Кедр подписали на
  // 230к, а Маяк отказались" read only as the loss): ask.
  const usedNames = new Set(entries.map((e) => (e.clientName ? clientKey(e.clientName) : "")));
  const usedSums = entries.map((e) => (e.kind === "deal" ? e.amountMinor : null));
  const leftOver = clauses.some(
    (c) =>
      c.clients.some((x) => !x.weak && !x.place && !usedNames.has(clientKey(x.name))) ||
      (c.amountMinor !== null && !usedSums.includes(c.amountMinor) && !entries.some((e) => e.kind === "proposal")),
  );
  const confident =
    !guessed &&
    !leftOver &&
    // A name taken back is confirmed, never stored unasked.
    text === typed &&
    !copiedReason &&
    !clauses.some((c) => c.clients.some((x) => x.loose)) &&
    // Every word of the message taken by something the reader understood: an unexplained one may change its meaning.
    clauses.every((c) => c.unexplained.length === 0) &&
    !clauses.some((c) => c.plan) &&
    entries.length === 1 &&
    notes.size === 0 &&
    entries[0]!.missing === null &&
    entries[0]!.day === null &&
    entries[0]!.clientName !== null &&
    !entries[0]!.clientIsNew &&
    !needsALook(lowerText) &&
    !newlyReadEnglish(lowerText, clauses);
  return { entries, guessed, confident, notes: [...notes], nothing: null };
}

const PROPOSAL_WORD = KIND_PATTERNS.find(([k]) => k === "proposal")![1];
/**
 * "говорят ждут КП, отправил сразу", "asked for a quote, sent it right away": a verb of sending with nothing named, right
 * after a clause that names a proposal only wanted, sent that proposal. An inference: the reading is asked about.
 */
function sentAsAsked(clauses: Clause[], raws: string[]): void {
  for (const [i, c] of clauses.entries()) {
    const before = clauses[i - 1];
    if (!before || c.kind !== null || c.plan || c.clients.length > 0 || before.kind === "proposal" || RELATIVE_CLAUSE.test(raws[i]!))
      continue;
    const sent = spans(SENT_VERB, norm(raws[i]!))[0];
    const asked = norm(raws[i - 1]!);
    if (!sent || (spans(PROPOSAL_WORD, asked).length === 0 && !/(?<![\p{L}])сч[её]т/u.test(asked))) continue;
    c.kind = "proposal";
    c.kindPhrase = raws[i]!.slice(sent[0], sent[1]);
    c.unexplained.push(c.kindPhrase);
  }
}

/**
 * Whether the reading rests on an English family first read in round 11: a loss or a visit only its new words found, an
 * irregular past the only sign of what was done, a person named by a title, or a round-11 rule a clause applied.
 */
function newlyReadEnglish(lower: string, clauses: Clause[]): boolean {
  if (clauses.some((c) => c.newlyRead || c.clients.some((x) => x.newlyRead))) return true;
  // Every family below is spelt in Latin letters, but for a sum grouped by commas.
  if (!/[a-z]|\d,\d{3},\d{3}/u.test(lower)) return false;
  if (spans(EN_TITLE_WORD, lower).length > 0) return true;
  // A span found only now, or only before, is a family read otherwise since round 11.
  const apart = (xs: [number, number][], ys: [number, number][]) => xs.some(([x, y]) => !ys.some(([a, b]) => a === x && b === y));
  return EN_NEWLY_READ.some(([now, before]) => {
    const [is, was] = [spans(now, lower), spans(before, lower)];
    return apart(is, was) || apart(was, is);
  });
}

// "not interested", "no longer interested", "not a good fit": a loss in English whose words are its reason.
const EN_NO_INTEREST = /(?<![\p{L}])(?:not|no\s+longer)\s+(?:interested|a\s+(?:good\s+|great\s+)?fit)(?![\p{L}])/iu;
// "too expensive for them", "дорого для них": whom the reason is about adds nothing to it.
const REASON_TAIL = /\s+(?:for\s+(?:them|him|her|us|now)|для\s+(?:них|него|не[её]|нас)|у\s+нас)$/iu;

/** "говорят дорого": what a client said, as the reason of the loss told next. */
const SAID_BEFORE_LOSS = /(?:(?<![\p{L}])(?:сказал\p{L}*|говор(?:ят|ит)|said|say)\s+(?:что\s+|that\s+)?|\s[—–-]\s+|:\s+)(.+?)[\s.!]*$/iu;
/** A clause as written, as a loss reason ("отказались, дорого"). */
function reasonText(raw: string): string | null {
  // "no reason given", "без объяснений": no reason.
  if (
    /^(?:no\s+reason|without\s+(?:a\s+)?reason|без\s+(?:объяснени|причин)|причин\p{L}*\s+не\s+(?:назвал|сказал|объяснил))/iu.test(
      raw.trim(),
    )
  )
    return null;
  const cleaned = raw
    .trim()
    // "бюджета нет до весны (иронично)": a remark in brackets closing the clause is the writer's aside.
    .replace(/\s*\([^()]*\)?\s*$/u, "")
    .replace(REASON_LEAD, "")
    .replace(/[\s.!,;)]+$/gu, "")
    .replace(REASON_TAIL, "")
    .trim();
  return cleaned ? cleaned.slice(0, MAX_REASON_LENGTH) : null;
}

const sameDayRef = (a: DayRef | null, b: DayRef | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A question to the bot ("сколько у меня звонков?"), a reminder or a plan ("КП отправлю
 * завтра"), a complaint ("почему звонки не засчитались?"): nothing to log, whatever
 * event words it holds.
 */
function nothingToLog(text: string, clauses: Clause[], morph: Morphology | null): NothingReason | null {
  const lower = norm(text).trim();
  // "подготовить КП для Орбиты", "перезвонить Кедру": a message that opens with an infinitive is a to-do.
  const opening = /^\p{L}+/u.exec(lower)?.[0];
  if (opening && isCyrillic(opening) && morph?.(opening, null)?.tense === "infn" && !clauses.some((c) => c.past)) return "plan";
  if (spans(COMPLAINT, lower).length > 0 || spans(COMMAND, lower).some(([a]) => a === 0)) return "complaint";
  // ("в ромашке много встреч переносят, сегодня опять не взяли трубку": a call's outcome told of somebody named is an event.)
  if (
    spans(DAY_REMARK, lower).length > 0 &&
    clauses.every((c) => c.clients.every((x) => x.weak || x.place || x.common)) &&
    !clauses.some((c) => c.outcome !== null && c.clients.length > 0)
  )
    return "complaint";
  QUESTION_START.lastIndex = 0;
  const q = QUESTION_START.exec(lower);
  if (/\?\s*[)\p{Emoji_Presentation}]*$/u.test(lower) || (q && q.index === 0)) return "question";
  // "у меня сколько звонков сегодня", "а мои встречи за неделю где": a question word anywhere, nothing told as done.
  if (spans(QUESTION_WORD, lower).length > 0 && !clauses.some((c) => c.past || c.outcome !== null)) return "question";
  if (spans(PLAN_HEADER, lower).some(([a]) => a === 0)) return "plan";
  const events = clauses.filter((c) => c.kind !== null || c.clients.length > 0 || c.amountMinor !== null);
  if (events.length > 0 && events.every((c) => c.plan)) return "plan";
  // "ждут от нас КП до пятницы": what is awaited, with nothing else told, is a plan too.
  if (events.length === 0 && clauses.some((c) => c.plan) && spans(PLAN_WORDS, lower).length > 0) return "plan";
  return null;
}

interface SortedAliases {
  clients: { phrase: string; name: string }[];
  kinds: TextAlias[];
  amounts: TextAlias[];
}

/** The team's taught phrases by field, longest first (a longer phrase is the more specific). */
function sortAliases(aliases: readonly TextAlias[]): SortedAliases {
  const byLength = [...aliases].sort((a, b) => b.phrase.length - a.phrase.length);
  return {
    clients: byLength.filter((a) => a.field === "client").map((a) => ({ phrase: a.phrase, name: a.value })),
    kinds: byLength.filter((a) => a.field === "kind"),
    amounts: byLength.filter((a) => a.field === "amount" && /^\d{1,15}$/.test(a.value)),
  };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Where a taught phrase occurs as whole words, allowing a case ending on its last word ("презу" for "преза"). */
function phraseSpans(phrase: string, lower: string): [number, number][] {
  const stem = phrase.length > 4 ? phrase.replace(/[аяоеыиуюйь]$/u, "") : phrase;
  return spans(w(`${escapeRegex(stem).replace(/ /g, "\\s+")}\\p{L}{0,3}(?![\\p{L}])`), lower);
}

/** The first word of a message that is none of `taken` nor a small word: "воркшоп" in "воркшоп в Сигме". */
function firstOtherWord(text: string, taken: string[], morph: Morphology | null): string | null {
  const skip = new Set(taken.flatMap((t) => tokenize(t).map((x) => x.lower)));
  // A verb ("провёл") says that something was done, not what: the noun after it names the kind.
  const word = tokenize(text).find(
    (t) =>
      !skip.has(t.lower) &&
      !STOP.has(t.lower) &&
      t.lower.length >= 3 &&
      !/\d/.test(t.lower) &&
      !spans(AGO, t.lower).length &&
      (morph?.(t.lower, null)?.pos ?? "noun") !== "verb" &&
      !(morph === null && VERBISH.test(t.lower)),
  );
  return word?.text ?? null;
}

/**
 * Whether a phrase is one of the reader's own event words ("звонок", "КП", "не взял"):
 * a correction does not turn those into a team's phrase, so one odd fix cannot change
 * how every call is read; it teaches only words the reader did not know.
 */
export function isEventWord(phrase: string): boolean {
  const lower = norm(phrase);
  return [...KIND_PATTERNS.map(([, re]) => re), NOANSWER, MEETING_OUTCOME, REACHED].some((re) => spans(re, lower).length > 0);
}
