// Numbers as the bot writes them everywhere (replies, narrow tables, charts,
// CSV): digits grouped by thousands with a narrow no-break space ("1 250"),
// a decimal comma in Russian, and compact units that read naturally in each
// language ("50 тыс.", "1,2 млн" / "50k", "1.2M").

import type { Locale } from "../../domain/locales.js";
import { messages } from "../i18n/index.js";

/** U+202F narrow no-break space: the thousands separator. */
export const GROUP_SPACE = "\u202F";
/** U+00A0 between a number and its unit ("1,25 млн", "500 ₽"): never wraps. */
export const UNIT_SPACE = "\u00A0";

function decimalMark(locale: Locale): string {
  return messages[locale].units.decimalMark;
}

function groupInt(digits: string): string {
  const groups: string[] = [];
  for (let i = digits.length; i > 0; i -= 3) groups.unshift(digits.slice(Math.max(0, i - 3), i));
  return groups.join(GROUP_SPACE);
}

/** `units` = |value| × 10^maxFrac, already rounded to an integer; trailing zeros trimmed. */
function fromUnits(units: number, negative: boolean, locale: Locale, maxFrac: number): string {
  const factor = 10 ** maxFrac;
  const int = Math.floor(units / factor);
  const frac =
    maxFrac > 0
      ? String(units % factor)
          .padStart(maxFrac, "0")
          .replace(/0+$/, "")
      : "";
  const sign = negative && units !== 0 ? "-" : "";
  return sign + groupInt(String(int)) + (frac === "" ? "" : decimalMark(locale) + frac);
}

/** An integer's digits grouped by thousands: 1250000 → "1 250 000" (the fraction is dropped). */
export function groupDigits(n: number): string {
  return (n < 0 && Math.trunc(n) !== 0 ? "-" : "") + groupInt(String(Math.abs(Math.trunc(n))));
}

/**
 * A number with grouped thousands and at most `maxFrac` decimals, trailing
 * zeros trimmed: 1250 → "1 250", 12.5 → "12,5" (ru) / "12.5" (en). Rounded once
 * to an integer count of 10^-maxFrac, so 1.15 never shows as "1,14".
 */
export function formatNumber(value: number, locale: Locale, maxFrac = 2): string {
  if (!Number.isFinite(value)) return "—";
  return fromUnits(Math.round(Math.abs(value) * 10 ** maxFrac), value < 0, locale, maxFrac);
}

/**
 * A percentage (0..100 in, not a share), by one rule everywhere (replies, table cells,
 * charts, plans): one decimal, trailing zero trimmed — "23%", "19,5%", "1,5%" (a small
 * share rounded to a whole number would change its meaning: 1,5 % is not 2 %). Only an
 * echo of a typed rate keeps more (`maxFrac`: a bonus of 5,25 %).
 */
export function formatPercent(value: number, locale: Locale, maxFrac = 1): string {
  return `${formatNumber(value, locale, maxFrac)}%`;
}

/**
 * A number for a spreadsheet cell: exactly `digits` decimals, no grouping (so
 * Excel reads it as a number), decimal comma in Russian: 50000 → "50000,00".
 */
export function formatPlain(value: number, locale: Locale, digits: number): string {
  return value.toFixed(digits).replace(".", decimalMark(locale));
}

export interface CompactOptions {
  /** Decimals kept (trailing zeros trimmed); 2 by default. */
  maxFrac?: number;
  /**
   * For narrow table cells: three significant digits, at most two decimals
   * ("1,05 млн", "4,8 млн", "12,5 тыс.", "450 тыс."): 1 050 000 is not "1,1 млн".
   */
  narrow?: boolean;
}

const COMPACT_EXPONENTS = [3, 6, 9] as const;

function compactSuffix(exp: 3 | 6 | 9, locale: Locale): string {
  const u = messages[locale].units;
  return exp === 3 ? u.thousand : exp === 6 ? u.million : u.billion;
}

/**
 * Short form: 1 250 000 → "1,25 млн" (ru) / "1.25M" (en); 12 500 → "12,5 тыс." /
 * "12.5k"; 999 → "999". Rounding that reaches 1000 of a unit moves up a unit
 * (999 999 → "1 млн").
 */
export function formatCompact(value: number, locale: Locale, opts: CompactOptions = {}): string {
  if (!Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  let i = COMPACT_EXPONENTS.length - 1;
  while (i >= 0 && abs < 10 ** COMPACT_EXPONENTS[i]!) i--;
  const digitsFor = (scaled: number) => (opts.narrow ? (i < 0 || scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2) : (opts.maxFrac ?? 2));
  let scaled = i >= 0 ? abs / 10 ** COMPACT_EXPONENTS[i]! : abs;
  let frac = digitsFor(scaled);
  // Integer count of 10^-frac units from one division, so 12 345 never reads "12,34".
  let units = Math.round(scaled * 10 ** frac);
  if (units >= 1000 * 10 ** frac && i < COMPACT_EXPONENTS.length - 1) {
    i++;
    scaled = 1;
    frac = 0;
    units = 1;
  }
  const suffix = i >= 0 ? compactSuffix(COMPACT_EXPONENTS[i]!, locale) : "";
  return fromUnits(units, value < 0, locale, frac) + suffix;
}
