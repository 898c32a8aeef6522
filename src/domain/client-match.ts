// Finds the team's known clients and open leads in what a manager typed, tolerantly:
// case, hyphens and spaces ("альфа трейд" is «Альфа-Трейд"), ё/е, a Russian case ending
// ("Альфа-Трейду"), legal forms, one typo ("СтроМаркет"), a Latin transliteration
// ("Atlant"), or the first word of a longer name when no other client shares it ("Альфу").
// Pure: names in, matches out.

/**
 * A business's type by its initials, typed like a legal form: "СК Монолит", "ТСК Профиль", "НПО Вектор". Read as no part
 * of the name, but a reading resting on one is confirmed before it is stored: "ПК" or "СК" may also be what is sold.
 */
export const BUSINESS_TYPES: readonly string[] = ["ск", "тск", "пк", "тпк", "пкф", "нпо", "нпп", "нпк", "нпф", "чоп"];

/**
 * Common nouns of a trade or a product that open many companies' names, as whole words with a case ending
 * ("ресторану", "типографию", not "Стройинвест"): no known client is read from one alone.
 */
const TRADE_WORD =
  /^(?:ресторан|кафе|типографи|печат|аптек|клиник|магазин|салон|агрофирм|агрохолдинг|хлебозавод|завод|фабрик|компани|склад|сервис|групп|торгов|строй|снаб|логистик|упаковк|клининг|уборк|доставк|ремонт|охран|страхов|курьер|косметик|кровл|стеллаж|техник|центр)\p{L}{0,3}$/u;

// A business's trade typed in lower case before its name ("в клинику Здоровье", "из агентства Пиксель",
// "в страховой Восточный Щит", "тендер Пулково"): not part of the name, which follows in the nominative.
export const TRADE =
  /^(?:компани|клиник|кафе|ресторан|гостиниц|отел[ьяюе]|стоматолог|агентств|страхов(?:ой|ая|ую|ую)|кофе[йе]н|магазин|салон|аптек|школ[аыеуо]|завод|фабрик|бар(?:а|е|у|ом)?$|пекарн|столов(?:ой|ая|ую)$|типографи|автосалон|автосервис|студи[ияюей]|холдинг|бюро$|фирм[аыеуо]|кондитерск|пиццери|бистро$|хостел|санатори|лаборатори|медцентр|кардиоцентр|клуб|коворкинг|фитнес|азс$|барбершоп|трк$|прачечн|химчистк|ферм[аыеуо]$|фермерск|птицефабрик|аквапарк|молзавод|пивзавод|мясокомбинат|хлебокомбинат|комбинат|таксопарк|шиномонтаж|автоцентр|трактир|бургерн|чайхон|пельменн|гастроном|гриль$|юрфирм|автомойк|агрофирм|агрохолдинг|сет(?:ь|и|ью)$|банк(?:а|е|у|ом)?$|ателье$|маркет$|гипермаркет|супермаркет|торгов(?:ый|ого|ом|ому)\s|тц$|трц$|бц$|жк$|технопарк|склад)/u;

/** Legal forms and business types typed before or after a company's name ("ООО", "ИП", "LLC", "ГБУ", "ТК", "СК"): no part of the name. */
export const LEGAL_WORDS: ReadonlySet<string> = new Set([
  "ооо",
  "оао",
  "зао",
  "пао",
  "ао",
  "ип",
  "ip",
  "нко",
  "ано",
  "чоу",
  "гк",
  "тд",
  "llc",
  "inc",
  "ltd",
  "gmbh",
  "corp",
  "co",
  "plc",
  "гбу",
  "гуп",
  "муп",
  "фгуп",
  "фгбу",
  "мбу",
  "гку",
  "тк",
  "ук",
  "спк",
  "кфх",
  ...BUSINESS_TYPES,
]);

/** Case endings a name may take after its stem. */
const ENDINGS = [
  "",
  "а",
  "я",
  "у",
  "ю",
  "е",
  "ы",
  "и",
  "ой",
  "ей",
  "ом",
  "ем",
  "ою",
  "ею",
  "ам",
  "ям",
  "ами",
  "ями",
  "ах",
  "ях",
  "ов",
  "ев",
  "ым",
  "ым",
  "ого",
  "ому",
];
const LONGEST_ENDING = Math.max(...ENDINGS.map((e) => e.length));
const FINAL_VOWEL = /[аяоеыиуюйь]$/u;

// Shared by every message read against the same list (see prepareKnownClients): read-only throughout.
export interface KnownClient {
  /** As the team wrote it. */
  readonly name: string;
  /** Letters and digits only, lower case, ё as е, legal forms dropped: "альфатрейд". */
  readonly key: string;
  /** The first word of a name of several words ("альфа"), else null. */
  readonly first: string | null;
  /** The last word of a name of several words ("кедр" of «Сибирский Кедр»), else null. */
  readonly last: string | null;
  /** Each word of the name ("белый", "парус"), for a name typed with every word inflected. */
  readonly words: readonly string[];
  /** The words of a name that are not its trade, joined ("урюк" of «Чайхона Урюк», "сосновыйбор"), else null. */
  readonly core: string | null;
}

export interface KnownClients {
  readonly all: readonly KnownClient[];
  /** Which first words belong to only one client. */
  readonly uniqueFirst: ReadonlySet<string>;
  /** Which last words belong to only one client. */
  readonly uniqueLast: ReadonlySet<string>;
  /** Which cores belong to only one client and open no other's name. */
  readonly uniqueCore: ReadonlySet<string>;
  /** The client a name's capitals stand for ("жкс" for «ЖилКомСервис»: three or four parts), when only one has them. */
  readonly byInitials: ReadonlyMap<string, KnownClient>;
}

// Russian case mapping has nothing locale-specific, so the plain lower case gives the same key for every character and
// spares the locale lookup on every word.
/** Lower case with ё as е: how names and messages are compared. */
export const norm = (s: string) => s.toLowerCase().replace(/ё/g, "е");
/** A phrase's letters and digits only, as a comparison key. */
export const compact = (s: string) => norm(s).replace(/[^\p{L}\p{N}]/gu, "");

function nameWords(name: string): string[] {
  const words = norm(name)
    .replace(/[«»"“”„'’]/g, " ")
    .split(/[\s-]+/u)
    .filter(Boolean);
  while (words.length > 1 && LEGAL_WORDS.has(words[0]!.replace(/\.$/, ""))) words.shift();
  while (words.length > 1 && LEGAL_WORDS.has(words[words.length - 1]!.replace(/\.$/, ""))) words.pop();
  return words;
}

/**
 * The team's clients, plus the phrases it taught for them by correcting a reading
 * ("ат" → «Альфа-Трейд»), matched by the same rules.
 */
// A team's known clients are prepared for every message it sends, and change far more rarely than it writes: the last
// few lists prepared are kept, keyed by their content (a list changed is a new key).
const PREPARED_KEPT = 16;
const prepared = new Map<string, KnownClients>();

/** The index of a team's known clients and taught phrases (shared: never change it). */
export function prepareKnownClients(names: readonly string[], taught: readonly { phrase: string; name: string }[] = []): KnownClients {
  const cacheKey = JSON.stringify([names, taught.map((t) => [t.phrase, t.name])]);
  const hit = prepared.get(cacheKey);
  if (hit) return hit;
  const index = buildKnownClients(names, taught);
  if (prepared.size >= PREPARED_KEPT) prepared.delete(prepared.keys().next().value!);
  prepared.set(cacheKey, index);
  return index;
}

function buildKnownClients(names: readonly string[], taught: readonly { phrase: string; name: string }[]): KnownClients {
  const seen = new Set<string>();
  const all: KnownClient[] = [];
  const firstCount = new Map<string, number>();
  const lastCount = new Map<string, number>();
  const coreCount = new Map<string, number>();
  const initialsOf = new Map<string, KnownClient[]>();
  for (const name of names) {
    const words = nameWords(name);
    const key = compact(words.join(""));
    if (!key || seen.has(key)) continue;
    seen.add(key);
    // "ТехноПарк" is typed "техно парк" too: its capitals mark the words.
    const parts =
      words.length > 1
        ? words
        : name
            .replace(/[«»"“”„']/g, "")
            .split(/(?<=\p{Ll})(?=\p{Lu})/u)
            .map(norm);
    // "St Luke" for «St. Luke Medical»: a short first word is read together with the next.
    const first =
      parts.length > 1 && parts[0]!.length >= 4
        ? compact(parts[0]!)
        : parts.length > 2 && compact(parts[0]!).length >= 2
          ? compact(parts[0]! + parts[1]!)
          : null;
    if (first) firstCount.set(first, (firstCount.get(first) ?? 0) + 1);
    // ("ЦБК" of «Карельский ЦБК»: an abbreviation of three letters is a last word too.)
    const lastTyped =
      name
        .replace(/[«»"“”„']/g, "")
        .trim()
        .split(/\s+/u)
        .pop() ?? "";
    const last =
      words.length > 1 && (words[words.length - 1]!.length >= 4 || /^\p{Lu}{3}$/u.test(lastTyped))
        ? compact(words[words.length - 1]!)
        : null;
    if (last) lastCount.set(last, (lastCount.get(last) ?? 0) + 1);
    const own = words.filter((w) => !TRADE_WORD.test(compact(w)) && !TRADE.test(w));
    // ("Сосновый Бор" of «Санаторий Сосновый Бор»: a core of two words is read as they are typed together.)
    const core =
      words.length > 1 && own.length >= 1 && own.length < words.length && own.join("").length >= 4
        ? compact(own.join(""))
        : words.length > 1 && own.length === 1 && own[0]!.length >= 4
          ? compact(own[0]!)
          : null;
    if (core) coreCount.set(core, (coreCount.get(core) ?? 0) + 1);
    const client: KnownClient = { name, key, first, last, words: words.map(compact), core };
    all.push(client);
    if (parts.length >= 3 && parts.length <= 4) {
      const initials = parts.map((p) => p.charAt(0)).join("");
      initialsOf.set(initials, [...(initialsOf.get(initials) ?? []), client]);
    }
  }
  for (const t of taught) {
    const key = compact(t.phrase);
    if (key && !seen.has(key)) all.push({ name: t.name, key, first: null, last: null, words: [key], core: null });
    seen.add(key);
  }
  const uniqueFirst = new Set([...firstCount].filter(([, n]) => n === 1).map(([w]) => w));
  // A last word shared with a first word of another client ("Плюс Вектор") names neither for sure.
  const uniqueLast = new Set([...lastCount].filter(([w, n]) => n === 1 && !firstCount.has(w)).map(([w]) => w));
  const uniqueCore = new Set(
    [...coreCount].filter(([w, n]) => n === 1 && (firstCount.get(w) ?? 0) + (lastCount.get(w) ?? 0) <= 1).map(([w]) => w),
  );
  const byInitials = new Map([...initialsOf].filter(([, clients]) => clients.length === 1).map(([w, [client]]) => [w, client!]));
  // Longer names first, so "Альфа Банк" wins over "Альфа".
  all.sort((a, b) => b.key.length - a.key.length);
  return { all, uniqueFirst, uniqueLast, uniqueCore, byInitials };
}

/**
 * Whether `a` and `b` are at most one edit apart (optimal string alignment: one letter changed, added, dropped, or two
 * neighbours swapped). Read for every word against every known client's name, so it compares the parts after the first
 * difference instead of filling a table.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
  if (a.length < b.length) return a.slice(i) === b.slice(i + 1);
  return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

const TRANSLIT: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "sch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};
const translit = (s: string) => [...s].map((c) => TRANSLIT[c] ?? c).join("");
/**
 * How a Latin name sounds, roughly, as its consonants: "nordicfoods" and "нордикфудс" (transliterated
 * "nordikfuds") are both "nrdkfds", "skyline" and "скайлайн" both "skln".
 */
const sounds = (latin: string) =>
  latin
    .replace(/kh/g, "h")
    .replace(/gh/g, "")
    .replace(/ck|q|c(?=[aou]|$|[^eiyh])/g, "k")
    .replace(/ph/g, "f")
    .replace(/th/g, "t")
    .replace(/w/g, "v")
    .replace(/x/g, "ks")
    .replace(/c/g, "s")
    .replace(/(?<=.)[aeiouyj]/g, "")
    .replace(/(.)\1+/g, "$1");
const isCyrillic = (s: string) => /[а-я]/u.test(s);
/** A Latin spelling with the choices a writer makes for Russian sounds evened out: "farmacentr", "farmatsentr" alike. */
const latinSkeleton = (s: string) =>
  s
    .replace(/kh|ch/g, "h")
    .replace(/qu/g, "kv")
    .replace(/ts|tz/g, "c")
    .replace(/c(?![eiy])/g, "k")
    .replace(/c/g, "s")
    .replace(/x/g, "ks")
    .replace(/[yj]/g, "i")
    .replace(/zh|g(?=e)/g, "j")
    .replace(/w/g, "v")
    .replace(/ph/g, "f")
    .replace(/(.)\1+/g, "$1");

// sameName is asked of every typed word against every known name: a name's Latin forms are worked out once.
const REMEMBERED = 4096;
const memos = new Map<(s: string) => string, Map<string, string>>();
function remembered(f: (s: string) => string, s: string): string {
  let memo = memos.get(f);
  if (!memo) memos.set(f, (memo = new Map()));
  let v = memo.get(s);
  if (v === undefined) {
    if (memo.size >= REMEMBERED) memo.clear();
    v = f(s);
    memo.set(s, v);
  }
  return v;
}
const latinOfCyrillic = (key: string) => latinSkeleton(translit(key));
const latinOf = (key: string) => remembered(latinOfCyrillic, key);

/**
 * Whether a typed word (letters only, lower case) names `key`: exactly, with a case
 * ending, as the dictionary's base form, with one typo (names of six letters or more),
 * or transliterated.
 */
export function sameName(word: string, base: string | null, key: string, tolerance: "full" | "no_typo" | "no_ending" = "full"): boolean {
  if (word === key || (base !== null && compact(base) === key)) return true;
  if (key.length < 3) return false;
  // "kestrels line was busy", "brightwells packaging line": an English possessive typed without its apostrophe.
  if (!isCyrillic(key) && !isCyrillic(word) && key.length >= 4 && word === `${key}s`) return true;
  // A dictionary's base form already has no case ending: "соколов" is the surname, not «Сокол» inflected.
  if (tolerance === "no_ending") return key.length >= 5 && isCyrillic(key) === isCyrillic(word) && withinOneEdit(word, key);
  // ("Sharp" is no «Шарм»: a short name typed in Latin must sound the same, with no typo.)
  if (isCyrillic(key) && !isCyrillic(word)) {
    if (key.length < 4) return false;
    const [typed, latin] = [remembered(latinSkeleton, word), latinOf(key)];
    return key.length <= 4 ? typed === latin : withinOneEdit(typed, latin);
  }
  // "нордик фудсу", "скайлайн": a Latin name typed in Cyrillic, with a case ending, sounds the same.
  if (!isCyrillic(key) && isCyrillic(word)) {
    const target = remembered(sounds, key);
    if (target.length < 5) return false;
    return ENDINGS.some(
      (ending) =>
        word.endsWith(ending) &&
        word.length - ending.length >= 4 &&
        sounds(translit(word.slice(0, word.length - ending.length))) === target,
    );
  }
  // "сибкабль" for «Сибкабель»: a long name typed whole with one typo.
  if (tolerance === "full" && key.length >= 7 && withinOneEdit(word, key)) return true;
  const stem = FINAL_VOWEL.test(key) && key.length > 3 ? key.slice(0, -1) : key;
  // What is left once an ending is cut is the stem or one edit from it: other lengths cannot match (most names).
  if (word.length < stem.length - 1 || word.length > stem.length + 1 + LONGEST_ENDING) return false;
  for (const ending of ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const wStem = word.slice(0, word.length - ending.length);
    if (wStem === stem) return true;
    if (tolerance === "full" && stem.length >= 5 && withinOneEdit(wStem, stem)) return true;
  }
  return false;
}

const ADJ_ENDING = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$/u;
const ADJ_FORMS = /(?:ого|его|ому|ему|ыми|ими|ым|им|ом|ем|ой|ей|ую|юю|ая|яя|ое|ее|ые|ие|ых|их|ый|ий)$/u;
/** "белому" for "белый", "зеленой" for "зеленая": an adjective of a name in another case or gender. */
function sameAdjective(word: string, key: string, typo = false): boolean {
  if (!ADJ_ENDING.test(key) || key.length < 5 || !ADJ_FORMS.test(word)) return false;
  const stem = word.replace(ADJ_FORMS, "");
  return stem === key.slice(0, -2) || (typo && stem.length >= 5 && withinOneEdit(stem, key.slice(0, -2)));
}

export interface KnownHit {
  client: KnownClient;
  /** How many of the typed words it spans. */
  words: number;
  /** Read from a shortened name ("байкал-серв"): a guess to confirm, never stored unasked. */
  loose?: boolean;
  /** Read from the first word alone of a longer name ("набрал альфу"). */
  byFirst?: boolean;
  /** Read from the capitals of the name ("ЖКС" for «ЖилКомСервис»): only when typed in capitals. */
  byInitials?: boolean;
}

/**
 * The known client that the words from `at` name, spanning up to three words
 * ("альфа трейд"), longest first; `bases` are the dictionary's base forms.
 */
export function matchKnownAt(
  words: readonly string[],
  bases: readonly (string | null)[],
  at: number,
  known: KnownClients,
  lastWord = false,
): KnownHit | null {
  for (let n = Math.min(3, words.length - at); n >= 1; n--) {
    const typed = words.slice(at, at + n).map(compact);
    const joined = typed.join("");
    if (joined.length < 2) continue;
    const base = n === 1 ? (bases[at] ?? null) : null;
    // "с ладогой-трейд": a hyphenated name typed with its first part inflected.
    const parts = n === 1 && words[at]!.includes("-") ? words[at]!.split("-").map(compact) : null;
    for (const client of known.all) {
      if (sameName(joined, base, client.key)) return { client, words: n };
      // "Сосновый Бор слился" for «Санаторий Сосновый Бор»: the name's own words without its trade.
      if (n > 1 && client.core && known.uniqueCore.has(client.core) && sameName(joined, null, client.core, "no_typo"))
        return { client, words: n, byFirst: true };
      if (
        parts &&
        client.words.length === parts.length &&
        parts.every((p, i) => p.length >= 2 && (sameName(p, null, client.words[i]!, "no_typo") || sameAdjective(p, client.words[i]!)))
      )
        return { client, words: 1 };
      // "Белому парусу", "с Зелёной долиной": every word of the name inflected on its own.
      if (n > 1 && client.words.length === n) {
        // "фосовочным системам": one word of the name may carry a typo when every other is typed right.
        let typos = 0;
        const each = typed.every((t, i) => {
          const w = client.words[i]!;
          if (t.length < 2) return false;
          if (sameName(t, bases[at + i] ?? null, w, "no_typo") || sameAdjective(t, w)) return true;
          typos++;
          return w.length >= 6 && (sameName(t, null, w) || sameAdjective(t, w, true));
        });
        if (each && typos <= 1) return { client, words: n };
      }
      // "с белой розой" for «Белая Роза Косметик», "с фондом развития" for «Региональный Фонд Развития»: a name of three
      // words typed by its first two or its last two.
      if (
        n === 2 &&
        client.words.length === 3 &&
        isCyrillic(client.key) &&
        [0, 1].some((from) =>
          typed.every((t, i) => {
            const w = client.words[from + i]!;
            return t.length >= 3 && w.length >= 4 && (sameName(t, bases[at + i] ?? null, w, "no_typo") || sameAdjective(t, w));
          }),
        )
      )
        return { client, words: 2 };
    }
  }
  const first = compact(words[at] ?? "");
  const second = compact(words[at + 1] ?? "");
  // "ЖКС говорил с инженером" for «ЖилКомСервис»: a name's capitals, when no other client has them.
  const byCaps = known.byInitials.get(first);
  if (byCaps) return { client: byCaps, words: 1, byInitials: true };
  // "СибНива", "сиб ниве": a name of two words typed as the first's opening letters and the second whole.
  for (const client of known.all) {
    if (client.words.length !== 2) continue;
    const [w0, w1] = [client.words[0]!, client.words[1]!];
    // "байкал-серв", "байкал серв": the first word whole and the second's opening letters, three at least.
    const shortened = (tail: string) => tail.length >= 3 && tail.length < w1.length && w1.startsWith(tail);
    if (w0.length >= 4 && first.length > w0.length && first.startsWith(w0) && shortened(first.slice(w0.length)))
      return { client, words: 1, loose: true };
    if (w0.length >= 4 && shortened(second) && sameName(first, bases[at] ?? null, w0, "no_typo")) return { client, words: 2, loose: true };
    if (w0.length < 6 || w1.length < 3) continue;
    if (
      first.length >= 3 &&
      first.length < w0.length &&
      w0.startsWith(first) &&
      second &&
      sameName(second, bases[at + 1] ?? null, w1, "no_typo")
    )
      return { client, words: 2 };
    for (let k = 3; k < Math.min(w0.length, first.length - 2); k++)
      if (first.startsWith(w0.slice(0, k)) && sameName(first.slice(k), null, w1, "no_typo")) return { client, words: 1 };
  }
  // "к гранитчикам", "у вектровцев": the people of a client, named by a suffix on its name.
  const derived = /^(\p{L}{4,}?)(?:чик|щик|овц|евц|ц)(?:и|ы|ам|ами|ов|ах|а|у|ем|ом|ев)?$/u.exec(compact(words[at] ?? ""));
  if (derived) {
    const client = known.all.find((c) => c.key === derived[1]);
    if (client) return { client, words: 1 };
  }
  // "набрал Альфу": the first word of a longer name, when no other client shares it; a word a
  // typo away is no first word ("right" is not «Bright Labs»).
  const one = compact(words[at] ?? "");
  // "ресторану «Шафран»", "в типографию «Литера»": a trade's common noun opening a known name («Ресторан-Снаб»,
  // «Типография Оттиск») is no name of its own.
  // "lost solar peak": a first word written joined («SolarPeak Systems») typed as two words.
  const two = at + 1 < words.length ? one + compact(words[at + 1]!) : "";
  if (two.length >= 6)
    for (const client of known.all)
      if (client.first && client.first === two && known.uniqueFirst.has(client.first)) return { client, words: 2, byFirst: true };
  // ("тендер ЦБК": a capitalised abbreviation of three letters may be a name's last word.)
  if ((one.length >= 4 || (lastWord && one.length === 3)) && !TRADE_WORD.test(one))
    for (const client of known.all) {
      if (client.first && known.uniqueFirst.has(client.first) && sameName(one, bases[at] ?? null, client.first, "no_typo")) {
        // "Stellar Hospitality" for «Stellar Hospitality Supply»: the name's next words typed after it are the name too.
        let n = 1;
        // "гранд отелю" for «Гранд Отель Волга»: in any case.
        while (
          n < client.words.length - 1 &&
          at + n < words.length &&
          client.words[n] &&
          (compact(words[at + n]!) === client.words[n] ||
            sameName(compact(words[at + n]!), bases[at + n] ?? null, client.words[n]!, "no_typo"))
        )
          n++;
        return { client, words: n, byFirst: true };
      }
      // "звонил в Кедр": a capitalised last word of a longer name, when no other client shares it.
      if (lastWord && client.last && known.uniqueLast.has(client.last) && sameName(one, bases[at] ?? null, client.last, "no_typo"))
        return { client, words: 1 };
      // "урюк — отказ", "скинул ромашке кп": the name of «Чайхона Урюк» without its trade, in any case.
      if (
        client.core &&
        known.uniqueCore.has(client.core) &&
        (sameName(one, bases[at] ?? null, client.core, "no_typo") || sameAdjective(one, client.core))
      )
        return { client, words: 1, byFirst: true };
    }
  return null;
}

/** The known client a whole name stands for ("альфа трейд", "ООО Север"), if any. */
export function lookupKnown(name: string, known: KnownClients, baseForm = false): KnownClient | null {
  const key = compact(nameWords(name).join(""));
  if (!key) return null;
  return (
    known.all.find((c) => c.key === key || sameName(key, null, c.key, baseForm ? "no_ending" : "full")) ??
    // "владельцем «Улыбки»": the name of «Стоматология Улыбка» without its trade.
    known.all.find((c) => c.core !== null && c.core === key && known.uniqueCore.has(key)) ??
    // "«Вершина» прислала отказ": the first word of «Вершина Девелопмент», when no other client shares it.
    known.all.find((c) => c.first !== null && c.first === key && known.uniqueFirst.has(key)) ??
    null
  );
}
