// Generators of hostile input for the fuzz suites: what people (and attackers) type.
import fc from "fast-check";

/** Pieces that break naive text handling: invisible, right-to-left, combining, markup, numbers, dates. */
const PIECES = [
  "\u200B", // zero-width space
  "\u200D", // zero-width joiner
  "\u2060",
  "\uFEFF",
  "\u202E", // right-to-left override
  "\u200F",
  "\u061C",
  "\u0301", // combining acute
  "\u0336",
  "\u20DD",
  "👍🏽",
  "👨‍👩‍👧",
  "🇷🇺",
  "🏳️‍🌈",
  "שלום",
  "مرحبا",
  "١٢٣",
  "ﬁ",
  "İ",
  "ß",
  "<b>",
  "</i>",
  "<pre>",
  '<a href="tg://user?id=1">',
  "&amp;",
  "&",
  "&#0;",
  "<",
  ">",
  '"',
  "`",
  "*_~||",
  "\\",
  "\n",
  "\t",
  "  ",
  "—",
  "–",
  "..",
  ",",
  ":",
  "%",
  "+",
  "-",
  "₽",
  "руб.",
  "k",
  "млн",
  "тыс",
  "@",
  "@ivan",
  "/",
  "/deal",
  "by",
  "по",
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "прошлый месяц",
  "month",
  "месяц",
  "all",
  "дозвон",
  "встреча",
  "noanswer",
  "1e308",
  "NaN",
  "Infinity",
  "-0",
  "0x1F",
  "Ромашка",
  "ООО «Вектор»",
  "Acme",
];

const dateLike = fc.oneof(
  fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99_999)).map(([d, m, y]) => `${d}.${m}.${y}`),
  fc.tuple(fc.nat(99_999), fc.nat(99), fc.nat(99)).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.tuple(fc.nat(40), fc.nat(14)).map(([d, m]) => `${d}.${m}`),
  fc
    .tuple(fc.nat(31), fc.nat(12), fc.integer({ min: 1, max: 9999 }), fc.nat(31), fc.nat(12), fc.integer({ min: 1, max: 9999 }))
    .map(([a, b, c, d, e, f]) => `${a}.${b}.${c}-${d}.${e}.${f}`),
);

const numberLike = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc
    .tuple(fc.nat(999), fc.nat(999), fc.constantFrom("", "k", "к", "m", "млн", "тыс", "b", "%", "h", "ч", "д", "min"))
    .map(([a, b, u]) => `${a},${b}${u}`),
  fc.tuple(fc.nat(999_999), fc.constantFrom(" ", "\u00A0", "\u202F")).map(([n, sep]) => `${n}${sep}000`),
);

/** One word of hostile input. */
export const nastyWord: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  { weight: 2, arbitrary: numberLike },
  { weight: 2, arbitrary: dateLike },
);

/** A line of hostile input: mostly a few words, sometimes a 4,000–5,000-character wall. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.array(nastyWord, { maxLength: 8 }).map((ws) => ws.join(" ")) },
  { weight: 12, arbitrary: fc.array(nastyWord, { maxLength: 4 }).map((ws) => ws.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 4000, maxLength: 5000 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(nastyWord, fc.integer({ min: 1000, max: 5000 })).map(([w, n]) => (w || "x").repeat(n).slice(0, 5000)),
  },
);
