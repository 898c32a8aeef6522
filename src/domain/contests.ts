// Contests (issue 9): a metric over a span of whole days in team time, ranked
// per manager or per squad. The rules here are pure: names, dates, standings
// (ties share a place, the gap to the leader) and the time left.

import type { MetricKey } from "./metrics.js";
import { METRICS } from "./metrics.js";
import { parsePeriod } from "./period-parsing.js";
import { type Ranked, rankBy } from "./ranking.js";
import { foldText } from "./search-text.js";
import { addDays, daysBetween, isValidDate, zonedMidnight } from "./time.js";

export const CONTEST_KINDS = ["individual", "squads"] as const;
export type ContestKind = (typeof CONTEST_KINDS)[number];

export const CONTEST_NAME_MAX = 40;
export const CONTEST_PRIZE_MAX = 200;
export const SQUAD_NAME_MAX = 24;
export const SQUADS_MIN = 2;
export const SQUADS_MAX = 4;
/** The longest contest: a year (a longer one is a typo, not a contest). */
export const CONTEST_MAX_DAYS = 366;
/** A live standings message is edited at most this often. */
export const CONTEST_EDIT_INTERVAL_MS = 60_000;

/** Words that follow `/contest` as sub-commands, so no contest may be called that. */
const RESERVED = new Set(["new", "новый", "создать"]);

/** The key names are compared by: case, ё/е and spacing ignored. */
export function contestNameKey(name: string): string {
  return foldText(name).replace(/\s+/g, " ").trim();
}

export type NameError = "empty" | "too_long" | "reserved";

/** A typed contest name, tidied, or why it can't be one. */
export function checkContestName(text: string): { ok: true; name: string } | { ok: false; error: NameError } {
  const name = text.replace(/\s+/g, " ").trim();
  if (!name) return { ok: false, error: "empty" };
  if (Array.from(name).length > CONTEST_NAME_MAX) return { ok: false, error: "too_long" };
  if (RESERVED.has(contestNameKey(name)) || name.startsWith("/")) return { ok: false, error: "reserved" };
  return { ok: true, name };
}

export type DateError = "bad_date" | "past" | "reversed" | "too_long";

/**
 * A typed contest day ("15.12", "15.12.2026", "2026-12-15", "today"/"сегодня") as a
 * local date. A date typed without a year is the one nearest to today (so "10.01"
 * typed in December is next January), because a contest is about days ahead.
 */
export function parseContestDay(text: string, today: string): string | null {
  const spec = parsePeriod(text);
  if (!spec) return null;
  if (spec.kind === "today") return today;
  if (spec.kind !== "date") return null;
  const { year, month, day } = spec.date;
  const iso = (y: number) => `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (year !== null) return iso(year);
  const thisYear = Number(today.slice(0, 4));
  const candidates = [thisYear - 1, thisYear, thisYear + 1].filter((y) => isValidDate(y, month, day)).map(iso);
  candidates.sort((a, b) => Math.abs(daysBetween(today, a)) - Math.abs(daysBetween(today, b)));
  return candidates[0] ?? null;
}

/**
 * Start and end days as typed, checked: real dates, the start not before today,
 * the end not before the start, at most a year. A yearless end takes the start's
 * year, so "15.12 01.12" is reversed rather than next year's December.
 */
export function resolveContestDays(
  startText: string,
  endText: string,
  today: string,
): { ok: true; startDate: string; endDate: string } | { ok: false; error: DateError } {
  const startDate = parseContestDay(startText, today);
  if (!startDate) return { ok: false, error: "bad_date" };
  let endDate = parseContestDay(endText, today);
  if (!endDate) return { ok: false, error: "bad_date" };
  const endSpec = parsePeriod(endText);
  if (endSpec?.kind === "date" && endSpec.date.year === null) {
    const candidate = `${startDate.slice(0, 4)}${endDate.slice(4)}`;
    const { month, day } = endSpec.date;
    if (isValidDate(Number(startDate.slice(0, 4)), month, day)) endDate = candidate;
  }
  if (startDate < today) return { ok: false, error: "past" };
  if (endDate < startDate) return { ok: false, error: "reversed" };
  if (daysBetween(startDate, endDate) + 1 > CONTEST_MAX_DAYS) return { ok: false, error: "too_long" };
  return { ok: true, startDate, endDate };
}

/** A contest runs from 00:00 of its first day to 24:00 of its last, in the team's zone. */
export function contestSpan(startDate: string, endDate: string, tz: string): { startAt: number; endAt: number } {
  return { startAt: zonedMidnight(startDate, tz), endAt: zonedMidnight(addDays(endDate, 1), tz) };
}

export type ContestPhase = { phase: "before"; ms: number } | { phase: "running"; ms: number } | { phase: "over" };

/** Where a contest stands in time: how long until it starts, or until it ends. */
export function contestPhase(now: number, startAt: number, endAt: number): ContestPhase {
  if (now < startAt) return { phase: "before", ms: startAt - now };
  if (now < endAt) return { phase: "running", ms: endAt - now };
  return { phase: "over" };
}

export interface Standing<T> extends Ranked<T> {
  /** How far behind the leader, in the metric's unit (0 for the leader); null without a value. */
  gap: number | null;
}

/** Adds each row's distance to the leader's value (either direction of metric). */
export function withGaps<T>(ranked: Ranked<T>[]): Standing<T>[] {
  const leader = ranked.find((r) => r.place === 1)?.value ?? null;
  return ranked.map((r) => ({ ...r, gap: leader === null || r.value === null ? null : Math.abs(leader - r.value) }));
}

/** Ranks people (or squads) by the contest's metric; ties share a place, no value ranks last. */
export function contestStandings<T>(items: T[], metric: MetricKey, value: (item: T) => number | null): Standing<T>[] {
  // No tie-break: equal values are equal places and the order between them is stable.
  return withGaps(rankBy(items, metric, value));
}

/** Everyone in first place (ties share the win); nobody when no one has a value. */
export function winners<T>(rows: Standing<T>[]): Standing<T>[] {
  return rows.filter((r) => r.place === 1 && r.value !== null);
}

/** A count of zero is a real result in a contest; "no value" is only for ratios and times. */
export function contestValue(metric: MetricKey, value: number | null): number | null {
  if (value === null && METRICS[metric].summable) return 0;
  return value;
}
