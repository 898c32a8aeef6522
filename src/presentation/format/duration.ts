// Durations (milliseconds) in words the reader expects: "5 ч 20 мин" / "5h 20m".

import type { Locale } from "../../domain/locales.js";
import { messages } from "../i18n/index.js";
import { formatCompact, formatNumber } from "./number.js";

export const HOUR_MS = 3_600_000;

/**
 * Duration as "5 ч 20 мин" / "5h 20m" (under a day, to the minute) or
 * "2 д 4 ч" / "2d 4h" (a day or more, to the hour). Zero parts are dropped.
 */
export function formatDuration(ms: number, locale: Locale): string {
  const u = messages[locale].units;
  const sign = ms < 0 ? "-" : "";
  const abs = Math.abs(ms);
  const totalMinutes = Math.round(abs / 60_000);
  const parts: string[] = [];
  if (totalMinutes >= 24 * 60) {
    // Past a day minutes are noise; rounding to the hour keeps lines short.
    const totalHours = Math.round(abs / HOUR_MS);
    const d = Math.floor(totalHours / 24);
    const h = totalHours % 24;
    parts.push(u.days(d));
    if (h > 0) parts.push(u.hours(h));
  } else {
    const h = Math.floor(totalMinutes / 60);
    const m = totalMinutes % 60;
    if (h > 0) parts.push(u.hours(h));
    if (m > 0 || h === 0) parts.push(u.minutes(m));
  }
  return sign + parts.join(" ");
}

/** A duration in one short unit for narrow table cells: "45м", "52ч", "2,5д". */
export function formatDurationNarrow(ms: number, locale: Locale): string {
  const u = messages[locale].units;
  const hours = ms / HOUR_MS;
  if (hours < 1) return `${Math.round(ms / 60_000)}${u.minuteShort}`;
  if (hours < 48) return `${Math.round(hours)}${u.hourShort}`;
  return `${formatNumber(hours / 24, locale, hours / 24 >= 10 ? 0 : 1)}${u.dayShort}`;
}

/** Hours with at most one decimal and the unit, for chart axes: "1,5 ч" / "1.5 h". */
export function formatHours(hours: number, locale: Locale): string {
  return `${formatCompact(hours, locale, { maxFrac: 1 })} ${messages[locale].units.hourShort}`;
}
