// Fair rankings (issue 9, catalogue "Motivation"): people ranked against their own
// plan or their own past instead of each other's raw numbers, so a newcomer or a
// manager with a small territory can still lead. Pure: the service reads the
// numbers, these rank them.

import { METRICS, type MetricKey } from "./metrics.js";
import { type Ranked, rankBy } from "./ranking.js";
import { addDays, DAY_MS, daysBetween, daysInMonth, isoWeekday, parseDateParts, zonedMidnight } from "./time.js";
import type { Period } from "./types.js";

/** How `/top` and the evening leaderboard rank: raw values, % of own plan, or against one's own past. */
export const TOP_MODES = ["plain", "fair", "improved"] as const;
export type TopMode = (typeof TOP_MODES)[number];

/** A manager is a rookie during their first 30 days in the team (from the membership's joined time). */
export const ROOKIE_DAYS = 30;
/** "Most improved" compares with the average of this many earlier periods of the same length. */
export const BASELINE_PERIODS = 4;
/** The longest period "most improved" takes: its four earlier periods reach back four times as far. */
export const MAX_IMPROVED_DAYS = 366;
/** The earliest start it takes, so the earliest baseline period stays after 1970 (no entries predate it). */
export const MIN_IMPROVED_START = "1975-01-01";

/** Whether a period can be compared with its earlier ones (a centuries-long range cannot). */
export function improvedPeriodFits(period: Period): boolean {
  return daysBetween(period.startDate, period.endDate) + 1 <= MAX_IMPROVED_DAYS && period.startDate >= MIN_IMPROVED_START;
}

export function isRookie(joinedAt: number, now: number): boolean {
  return now - joinedAt < ROOKIE_DAYS * DAY_MS;
}

export interface PlanScore {
  actual: number | null;
  /** The person's target over the ranked period. */
  target: number;
  /** actual ÷ target in %: higher is better, except for at-most metrics (lead time, losses) where lower is. */
  pct: number | null;
}

export interface FairRanking<T, S> {
  ranked: Ranked<{ item: T; score: S }>[];
  /** Listed apart: no plan (fair), or too little history or a zero baseline (improved). */
  apart: { item: T; actual: number | null }[];
}

/**
 * Ranks by % of one's own plan for the metric. `target` null = no plan → apart.
 * At-most metrics rank the lowest share of the ceiling first; ties share a place.
 */
export function rankByPlan<T>(
  rows: { item: T; actual: number | null; target: number | null }[],
  metric: MetricKey,
): FairRanking<T, PlanScore> {
  const scored: { item: T; score: PlanScore }[] = [];
  const apart: { item: T; actual: number | null }[] = [];
  for (const r of rows) {
    if (r.target === null || !(r.target > 0)) apart.push({ item: r.item, actual: r.actual });
    else
      scored.push({
        item: r.item,
        score: { actual: r.actual, target: r.target, pct: r.actual === null ? null : (r.actual / r.target) * 100 },
      });
  }
  return { ranked: rankBy(scored, metric, (s) => roundScore(s.score.pct)), apart };
}

export interface ImprovementScore {
  current: number | null;
  /** The average of the earlier periods' values. */
  baseline: number;
  /** current ÷ baseline in %: 100 = as usual. Higher is better, except for at-most metrics. */
  pct: number | null;
}

/**
 * The baseline of "most improved": the average of the earlier periods' values,
 * periods without a value (a ratio with nothing to divide) left out. Null when
 * there is no history, or nothing to compare with (no value, or an average of 0).
 */
export function improvementBaseline(history: readonly (number | null)[] | null): number | null {
  if (history === null) return null;
  const values = history.filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const avg = values.reduce((a, b) => a + b, 0) / values.length;
  return avg > 0 ? avg : null;
}

/**
 * Ranks by this period's value ÷ the person's own baseline. `history` null = the
 * person has less history than the baseline needs → apart; so is a zero baseline
 * (any progress from nothing would be infinite).
 */
export function rankByImprovement<T>(
  rows: { item: T; current: number | null; history: readonly (number | null)[] | null }[],
  metric: MetricKey,
): FairRanking<T, ImprovementScore> {
  const scored: { item: T; score: ImprovementScore }[] = [];
  const apart: { item: T; actual: number | null }[] = [];
  for (const r of rows) {
    const baseline = improvementBaseline(r.history);
    if (baseline === null) apart.push({ item: r.item, actual: r.current });
    else
      scored.push({ item: r.item, score: { current: r.current, baseline, pct: r.current === null ? null : (r.current / baseline) * 100 } });
  }
  return { ranked: rankBy(scored, metric, (s) => roundScore(s.score.pct)), apart };
}

// Percentages equal to a tenth are one place: 2/3 and 4/6 must tie exactly, not on float noise.
function roundScore(pct: number | null): number | null {
  return pct === null ? null : Math.round(pct * 1000) / 1000;
}

function monthsBack(date: string, n: number): string {
  const { year, month, day } = parseDateParts(date);
  const index = year * 12 + (month - 1) - n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(day, daysInMonth(y, m))).padStart(2, "0")}`;
}

function lastDayOfMonth(date: string): string {
  const { year, month } = parseDateParts(date);
  return `${date.slice(0, 8)}${String(daysInMonth(year, month)).padStart(2, "0")}`;
}

const MONTHS_OF: Record<string, number> = { month: 1, lastmonth: 1, quarter: 3, lastquarter: 3, year: 12 };

/**
 * The `count` periods of the same length right before `period`, nearest first:
 * calendar months, quarters and years step back by the calendar; weeks, days and
 * ranges by their number of days. When the period is still running at `now`,
 * each earlier period is cut to the same elapsed time ("this month so far" is
 * compared with the same first days of earlier months), so a half-finished
 * month is not measured against whole ones.
 */
export function previousPeriods(period: Period, count: number, tz: string, now: number): Period[] {
  const months = MONTHS_OF[period.kind];
  const out: Period[] = [];
  for (let i = 1; i <= count; i++) {
    let startDate: string;
    let endDate: string;
    if (months !== undefined) {
      startDate = monthsBack(period.startDate, months * i);
      endDate = lastDayOfMonth(monthsBack(startDate, -(months - 1)));
    } else {
      const days = daysBetween(period.startDate, period.endDate) + 1;
      startDate = addDays(period.startDate, -days * i);
      endDate = addDays(startDate, days - 1);
    }
    const from = zonedMidnight(startDate, tz);
    const fullTo = zonedMidnight(addDays(endDate, 1), tz);
    const to = now < period.to && now > period.from ? Math.min(fullTo, from + (now - period.from)) : fullTo;
    out.push({ from, to, startDate, endDate, kind: "range" });
  }
  return out;
}

/** The current period as measured: up to `now` while it is still running. */
export function elapsedPart(period: Period, now: number): Period {
  return now < period.to && now > period.from ? { ...period, to: now } : period;
}

/**
 * A plan's target over another period: a count or money plan (summable) scales by
 * the team's workdays in the ranked period against the plan's own period (a monthly
 * 20 deals over a week of 5 of its 20 workdays is 5; calendar days when either has
 * no workday); a level or ceiling-on-a-rate target (avg check, conversion, lead time)
 * applies as it is.
 */
export function scaledTarget(
  metric: MetricKey,
  target: number,
  planPeriod: { startDate: string; endDate: string },
  ranked: { startDate: string; endDate: string },
  workdays: readonly number[],
): number {
  if (!METRICS[metric].summable) return target;
  const count = (p: { startDate: string; endDate: string }) => {
    const set = new Set(workdays);
    let work = 0;
    const days = daysBetween(p.startDate, p.endDate) + 1;
    for (let i = 0; i < days; i++) {
      const d = addDays(p.startDate, i);
      if (set.has(isoWeekday(d))) work++;
    }
    return { work, days };
  };
  const a = count(ranked);
  const b = count(planPeriod);
  if (a.work > 0 && b.work > 0) return (target * a.work) / b.work;
  return (target * a.days) / b.days;
}
