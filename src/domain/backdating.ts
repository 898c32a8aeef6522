// Backdating: an entry for an earlier day ("/call вчера", "/deal 50k Acme 25.11"),
// accepted only within the window the head sets. Pure: the day as typed, the
// team's today and the window in; a local date or the reason it is refused out.
import { addDays, daysBetween, isoWeekday, isValidDate, localClock, zonedTime } from "./time.js";

/** A day as a manager names it, before it is pinned to the team's calendar. */
export type DayRef =
  /** сегодня 0, вчера 1, позавчера 2. */
  | { type: "ago"; days: number }
  /** "в пятницу", "last Friday": the latest such weekday before today (ISO, Monday = 1). */
  | { type: "weekday"; weekday: number }
  /** "25.11" or "25.11.2026": without a year, the latest such date not too far ahead. */
  | { type: "date"; day: number; month: number; year: number | null };

export type BackdateError = "bad_date" | "future" | "outside_window" | "disabled";

/** The window a team gets until its head changes it (`/settings backdate 7`); 0 turns backdating off. */
export const DEFAULT_BACKDATE_DAYS = 7;
export const MAX_BACKDATE_DAYS = 31;

// A Map: a typed "constructor" is no day word.
const AGO_WORDS: ReadonlyMap<string, number> = new Map([
  ["сегодня", 0],
  ["today", 0],
  ["вчера", 1],
  ["yesterday", 1],
  ["позавчера", 2],
]);

const DATE_TOKEN = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?$/;

/** One typed word as a day: a day word, a date, "bad_date" for a date that cannot exist (31.02), or null. */
export function parseDayToken(token: string): DayRef | "bad_date" | null {
  const word = token.toLocaleLowerCase("ru");
  const ago = AGO_WORDS.get(word);
  if (ago !== undefined) return { type: "ago", days: ago };
  const m = DATE_TOKEN.exec(word);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = m[3] === undefined ? null : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  if (!isValidDate(year ?? 2024, month, day)) return "bad_date"; // 2024: a leap year, so 29.02 passes here
  return { type: "date", day, month, year };
}

/** The local date ("YYYY-MM-DD") a day names, seen from `today`; null for 29.02 of a year without it. */
export function resolveDay(ref: DayRef, today: string): string | null {
  switch (ref.type) {
    case "ago":
      return addDays(today, -ref.days);
    case "weekday": {
      const back = (isoWeekday(today) - ref.weekday + 7) % 7 || 7;
      return addDays(today, -back);
    }
    case "date": {
      const thisYear = Number(today.slice(0, 4));
      const pad = (n: number) => String(n).padStart(2, "0");
      const at = (y: number) => (isValidDate(y, ref.month, ref.day) ? `${y}-${pad(ref.month)}-${pad(ref.day)}` : null);
      if (ref.year !== null) return at(ref.year);
      // "30.12" typed on 2 January is last year's; "30.11" typed on 29 November is a future date.
      const candidate = at(thisYear);
      if (candidate && daysBetween(today, candidate) > 183) return at(thisYear - 1);
      return candidate;
    }
  }
}

/** Whether `day` may take an entry logged on `today`: not ahead, and at most `windowDays` back. */
export function checkBackdate(
  day: string,
  today: string,
  windowDays: number,
): { ok: true; daysBack: number } | { ok: false; error: BackdateError } {
  const daysBack = daysBetween(day, today);
  if (daysBack < 0) return { ok: false, error: "future" };
  if (daysBack === 0) return { ok: true, daysBack };
  if (windowDays <= 0) return { ok: false, error: "disabled" };
  if (daysBack > windowDays) return { ok: false, error: "outside_window" };
  return { ok: true, daysBack };
}

/**
 * The instant a backdated entry gets: that day at the local time of day it was
 * logged, so entries keep their order within a day and a day's hourly picture
 * stays plausible (noon would pile every backdated entry on one hour).
 */
export function backdatedInstant(day: string, loggedAt: number, tz: string): number {
  const clock = localClock(loggedAt, tz);
  if (clock.date === day) return loggedAt;
  return zonedTime(day, clock.hour, clock.minute, tz) + (loggedAt % 60_000);
}

export type DayResolution =
  | { ok: true; day: string; occurredAt: number; backdated: boolean }
  | { ok: false; error: BackdateError; day: string | null };

/** A typed day, pinned to the team's calendar and checked against its window. */
export function resolveBackdate(ref: DayRef | "bad_date", loggedAt: number, tz: string, windowDays: number): DayResolution {
  if (ref === "bad_date") return { ok: false, error: "bad_date", day: null };
  const today = localClock(loggedAt, tz).date;
  const day = resolveDay(ref, today);
  if (day === null) return { ok: false, error: "bad_date", day: null };
  const check = checkBackdate(day, today, windowDays);
  if (!check.ok) return { ok: false, error: check.error, day };
  return { ok: true, day, occurredAt: backdatedInstant(day, loggedAt, tz), backdated: check.daysBack > 0 };
}
