// Money: integer kopecks in, rubles out, in the number conventions of number.ts.

import type { Locale } from "../../domain/locales.js";
import { formatCompact, formatNumber, groupDigits, UNIT_SPACE } from "./number.js";

export interface MoneyFormatOptions {
  /** "1,25 млн ₽" / "1.25M ₽" instead of "1 250 000 ₽" (from 1 000 ₽ up). */
  compact?: boolean;
  /** Show kopecks when the amount has them ("999,50 ₽"); by default whole rubles. */
  kopecks?: boolean;
}

const RUB = `${UNIT_SPACE}₽`;

/** Rubles from kopecks: "1 250 000 ₽"; compact "1,25 млн ₽" (ru) / "1.25M ₽" (en). */
export function formatMoney(minor: number, locale: Locale, opts: MoneyFormatOptions = {}): string {
  const rubles = minor / 100;
  if (opts.compact && Math.abs(rubles) >= 1000) return formatCompact(rubles, locale) + RUB;
  if (opts.kopecks && minor % 100 !== 0) return formatNumber(rubles, locale, 2) + RUB;
  return groupDigits(Math.round(rubles)) + RUB;
}

/** Money in a narrow table cell, without the currency sign: "4,8 млн", "450 тыс." / "4.8M", "450k". */
export function formatMoneyNarrow(minor: number, locale: Locale): string {
  return formatCompact(minor / 100, locale, { narrow: true });
}
