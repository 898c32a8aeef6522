// Number and label formatting for charts. Same conventions as the bot's text
// replies (src/domain/amounts.ts): digits grouped by thousands with a narrow
// no-break space in both locales ("1 250"), a decimal comma in Russian, and
// compact units "тыс./млн/млрд" (ru) or "K/M/B" (en).

export type ChartLocale = "ru" | "en";

/** U+202F narrow no-break space: the thousands separator. */
export const GROUP_SPACE = "\u202F";
/** U+00A0 between a number and a Russian unit ("1,25 млн"): never wraps. */
const UNIT_SPACE = "\u00A0";

function groupInt(digits: string): string {
  const groups: string[] = [];
  for (let i = digits.length; i > 0; i -= 3) groups.unshift(digits.slice(Math.max(0, i - 3), i));
  return groups.join(GROUP_SPACE);
}

/** `units` = |value| × 10^maxFrac, already rounded to an integer. */
function fromUnits(units: number, negative: boolean, locale: ChartLocale, maxFrac: number): string {
  const factor = 10 ** maxFrac;
  const int = Math.floor(units / factor);
  const frac =
    maxFrac > 0
      ? String(units % factor)
          .padStart(maxFrac, "0")
          .replace(/0+$/, "")
      : "";
  const sign = negative && units !== 0 ? "-" : "";
  return sign + groupInt(String(int)) + (frac === "" ? "" : (locale === "ru" ? "," : ".") + frac);
}

/**
 * A number with grouped thousands and at most `maxFrac` decimals, trailing
 * zeros trimmed: 1250 → "1 250", 12.5 → "12,5" (ru) / "12.5" (en).
 */
export function formatNumber(n: number, locale: ChartLocale = "ru", maxFrac = 2): string {
  if (!Number.isFinite(n)) return "—";
  return fromUnits(Math.round(Math.abs(n) * 10 ** maxFrac), n < 0, locale, maxFrac);
}

const COMPACT_UNITS = [
  { exp: 3, ru: `${UNIT_SPACE}тыс.`, en: "K" },
  { exp: 6, ru: `${UNIT_SPACE}млн`, en: "M" },
  { exp: 9, ru: `${UNIT_SPACE}млрд`, en: "B" },
] as const;

/**
 * Short form for axis ticks and labels, up to two decimals:
 * 1 250 000 → "1,25 млн" (ru) / "1.25M" (en); 12 500 → "12,5 тыс." / "12.5K";
 * 999 → "999". Rounding that reaches the next unit moves up (999 999 → "1 млн").
 * The space before a Russian unit is a no-break space (U+00A0).
 */
export function formatCompact(n: number, locale: ChartLocale = "ru"): string {
  if (!Number.isFinite(n)) return "—";
  const abs = Math.abs(n);
  const negative = n < 0;
  // Largest unit the value reaches; rounding to two decimals may then reach
  // 1000 of it, which reads better as 1 of the next unit up.
  let i = COMPACT_UNITS.length - 1;
  while (i >= 0 && abs < 10 ** COMPACT_UNITS[i]!.exp) i--;
  const exp = i >= 0 ? COMPACT_UNITS[i]!.exp : 0;
  // Integer hundredths of the unit, from a single division by a power of ten
  // (no float noise such as 12 345 → "12,34").
  let units = exp >= 2 ? Math.round(abs / 10 ** (exp - 2)) : Math.round(abs * 100);
  if (units >= 100_000 && i < COMPACT_UNITS.length - 1) {
    i++;
    units = 100;
  }
  const suffix = i >= 0 ? COMPACT_UNITS[i]![locale] : "";
  return fromUnits(units, negative, locale, 2) + suffix;
}

/**
 * Axis tick text: grouped digits while the axis stays under 10 000
 * ("2 500"), compact above ("250 тыс."), decided once per axis so the
 * ticks look alike.
 */
export function formatAxisValue(value: number, axisMaxAbs: number, locale: ChartLocale): string {
  return axisMaxAbs >= 10_000 ? formatCompact(value, locale) : formatNumber(value, locale);
}

/**
 * Default formatter for numbers printed on bars: full grouped digits for
 * values under 100 000, compact above (so "1,25 млн" rather than "1 250 000").
 */
export function defaultValueFormat(values: readonly (number | null | undefined)[], locale: ChartLocale): (v: number) => string {
  const maxAbs = values.reduce<number>((m, v) => (v != null && Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);
  return maxAbs >= 100_000 ? (v) => formatCompact(v, locale) : (v) => formatNumber(v, locale, 1);
}

/** Longest label kept whole; longer ones end with "…" (14 characters in total). */
export const MAX_LABEL_CHARS = 14;

/** Collapses whitespace and shortens to `max` characters with "…" (never splitting a surrogate pair). */
export function truncateLabel(text: string, max: number = MAX_LABEL_CHARS): string {
  const clean = text.replace(/\s+/gu, " ").trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  return `${chars
    .slice(0, Math.max(1, max - 1))
    .join("")
    .trimEnd()}…`;
}

/**
 * Rough rendered width of `text` in DejaVu Sans at `size` px, for layout
 * decisions taken before a canvas exists (bold ≈ 8 % wider). DejaVu's
 * advance widths average ≈ 0.6 em for Latin/Cyrillic letters and 0.636 em
 * for digits; spaces are narrower.
 */
export function estimateTextWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (ch === " " || ch === GROUP_SPACE || ch === UNIT_SPACE) em += ch === GROUP_SPACE ? 0.2 : 0.32;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else if (/[.,:;!|'il]/.test(ch)) em += 0.3;
    else if (/[A-ZА-ЯЁМШЩЖЮ%mwмшщжю—…]/u.test(ch)) em += 0.78;
    else em += 0.6;
  }
  return em * size * (bold ? 1.08 : 1);
}
