// Timezone-aware calendar helpers built on Intl.DateTimeFormat only (no tz
// libraries). Instants are Unix ms (UTC); local dates are "YYYY-MM-DD" strings
// in an IANA zone. Everything here is pure: callers pass `now` explicitly.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Wall-clock fields of an instant in some zone. */
interface WallParts {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Creating an Intl.DateTimeFormat costs tens of microseconds and these helpers
// run per row over thousands of activities, so keep one formatter per zone.
const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let fmt = formatterCache.get(tz);
  if (fmt === undefined) {
    // Throws RangeError for an unknown zone, which is what we want for callers
    // that skipped isValidTimeZone().
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      // h23 avoids the "24:00" midnight that hour12:false produces on some ICU builds.
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatterCache.set(tz, fmt);
  }
  return fmt;
}

function intlWallParts(ms: number, tz: string): WallParts {
  const out: WallParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(tz).formatToParts(ms)) {
    switch (p.type) {
      case "year":
        out.year = Number(p.value);
        break;
      case "month":
        out.month = Number(p.value);
        break;
      case "day":
        out.day = Number(p.value);
        break;
      case "hour":
        // Defensive: some engines still emit "24" at midnight despite h23.
        out.hour = Number(p.value) % 24;
        break;
      case "minute":
        out.minute = Number(p.value);
        break;
      case "second":
        out.second = Number(p.value);
        break;
      default:
        break;
    }
  }
  return out;
}

/** Offset straight from Intl (a few microseconds per call). */
function intlOffsetMs(ms: number, tz: string): number {
  // Intl only resolves to whole seconds, so compare against the instant floored to a second.
  const floored = ms - (((ms % 1000) + 1000) % 1000);
  const p = intlWallParts(floored, tz);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - floored;
}

// Even a cached formatter costs ~5 µs per formatToParts, too slow for bucketing
// thousands of rows. A zone's offset changes at most a couple of times a year,
// so remember, per zone and UTC day, the offset that holds for the whole day
// (null for the rare days with a transition, which fall back to Intl).
const dayOffsetCache = new Map<string, Map<number, number | null>>();
const MAX_CACHED_DAYS_PER_ZONE = 20_000;

/** Offset of `tz` from UTC at instant `ms`, in ms (east positive, e.g. +3 h for Moscow). */
export function zoneOffsetMs(ms: number, tz: string): number {
  let days = dayOffsetCache.get(tz);
  if (days === undefined) {
    formatterFor(tz); // validate the zone before caching anything under its name
    days = new Map();
    dayOffsetCache.set(tz, days);
  }
  const day = Math.floor(ms / DAY_MS);
  let off = days.get(day);
  if (off === undefined) {
    const atStart = intlOffsetMs(day * DAY_MS, tz);
    const atEnd = intlOffsetMs(day * DAY_MS + DAY_MS - 1000, tz);
    off = atStart === atEnd ? atStart : null;
    if (days.size >= MAX_CACHED_DAYS_PER_ZONE) days.clear();
    days.set(day, off);
  }
  return off ?? intlOffsetMs(ms, tz);
}

/** Wall-clock fields of `ms` in `tz`: shift by the offset, then read UTC fields. */
function wallParts(ms: number, tz: string): WallParts {
  const d = new Date(ms + zoneOffsetMs(ms, tz));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, "0");
}

function ymd(year: number, month: number, day: number): string {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits a "YYYY-MM-DD" string, throwing on malformed or impossible dates (programmer error). */
export function parseDateParts(date: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (m === null) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isValidDate(year, month, day)) throw new RangeError(`Impossible date: ${date}`);
  return { year, month, day };
}

/** True when year-month-day exists in the proleptic Gregorian calendar. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Number of days in a month (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids any zone effects.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** UTC midnight of a local date, used only for calendar arithmetic on date strings. */
function dateToUtcMs(date: string): number {
  const { year, month, day } = parseDateParts(date);
  return Date.UTC(year, month - 1, day);
}

function utcMsToDate(ms: number): string {
  const d = new Date(ms);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The local calendar date ("YYYY-MM-DD") of instant `ms` in zone `tz`. */
export function localDate(ms: number, tz: string): string {
  const p = wallParts(ms, tz);
  return ymd(p.year, p.month, p.day);
}

/**
 * UTC instant of local wall time `hh:mm` on `date` in `tz`.
 *
 * Follows the "compatible" rule (as Temporal and most calendars do): a wall time
 * that occurs twice (autumn fall-back) maps to the earlier instant; a wall time
 * that does not exist (spring-forward gap) is pushed forward by the gap length,
 * so 02:30 on a US spring-forward day becomes 03:30 EDT.
 */
export function zonedTime(date: string, hh: number, mm: number, tz: string): number {
  const { year, month, day } = parseDateParts(date);
  const wall = Date.UTC(year, month - 1, day, hh, mm);
  // The offsets a day either side bracket any single transition near this wall time.
  const offBefore = zoneOffsetMs(wall - DAY_MS, tz);
  const offAfter = zoneOffsetMs(wall + DAY_MS, tz);
  const candidates: number[] = [];
  for (const off of offBefore === offAfter ? [offBefore] : [offBefore, offAfter]) {
    const t = wall - off;
    if (zoneOffsetMs(t, tz) === off) candidates.push(t);
  }
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: interpret the wall time with the pre-transition offset, which lands
  // after the transition, shifted forward by the gap.
  return wall - offBefore;
}

/**
 * UTC instant of the start of local `date` in `tz`. Usually local 00:00; in the
 * rare zones whose DST jump happens at midnight it is the first existing instant.
 */
export function zonedMidnight(date: string, tz: string): number {
  return zonedTime(date, 0, 0, tz);
}

/** Calendar arithmetic on local dates: `date` plus `n` days (n may be negative). */
export function addDays(date: string, n: number): string {
  return utcMsToDate(dateToUtcMs(date) + n * DAY_MS);
}

/** ISO weekday of a local date: Monday = 1 … Sunday = 7. */
export function isoWeekday(date: string): number {
  const dow = new Date(dateToUtcMs(date)).getUTCDay(); // 0 = Sunday
  return dow === 0 ? 7 : dow;
}

/** Whole days from date `a` to date `b` (b − a): daysBetween("2026-11-01", "2026-11-03") = 2. */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateToUtcMs(b) - dateToUtcMs(a)) / DAY_MS);
}

export interface LocalClock {
  date: string;
  hour: number;
  minute: number;
  /** ISO weekday, Monday = 1. */
  weekday: number;
}

/** Local date, wall-clock hour/minute and ISO weekday of `ms` in `tz` (one Intl call). */
export function localClock(ms: number, tz: string): LocalClock {
  const p = wallParts(ms, tz);
  const date = ymd(p.year, p.month, p.day);
  return { date, hour: p.hour, minute: p.minute, weekday: isoWeekday(date) };
}

export type LocalFormat = "HH:mm" | "DD.MM" | "DD.MM.YYYY HH:mm";

/** Formats an instant in `tz` with one of the fixed patterns the bot uses. */
export function formatLocal(ms: number, tz: string, pattern: LocalFormat): string {
  const p = wallParts(ms, tz);
  const hm = `${pad2(p.hour)}:${pad2(p.minute)}`;
  const dm = `${pad2(p.day)}.${pad2(p.month)}`;
  switch (pattern) {
    case "HH:mm":
      return hm;
    case "DD.MM":
      return dm;
    case "DD.MM.YYYY HH:mm":
      return `${dm}.${pad4(p.year)} ${hm}`;
  }
}

const validityCache = new Map<string, boolean>();

/** True when `tz` is an IANA zone name this runtime's Intl understands ("Europe/Moscow", "UTC"). */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== "string" || tz.trim() === "") return false;
  const cached = validityCache.get(tz);
  if (cached !== undefined) return cached;
  let ok: boolean;
  try {
    formatterFor(tz);
    ok = true;
  } catch {
    ok = false;
  }
  // Only remember a bounded number of answers: the input can be user-typed text.
  if (validityCache.size < 1000) validityCache.set(tz, ok);
  return ok;
}

/**
 * Years a typed date may have (periods, holidays): no entry predates 1970, and a day
 * after the last one must still be a four-digit date (a range to 31.12.9999 crashed
 * every report, and years below 100 read as 19xx in Date.UTC).
 */
export function isTypedYear(year: number): boolean {
  return year >= 1970 && year <= 9998;
}
