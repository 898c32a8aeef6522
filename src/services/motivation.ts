// Streaks, badges and plan milestones (issue 9; rules in the catalogue's
// "Motivation" and domain/badges.ts). Everything is derived from the entries and
// plans; only what was awarded is stored, so "once" survives restarts.

import type { AwardRow } from "../db/repositories/awards.js";
import type { Team } from "../db/repositories/teams.js";
import { milestoneBadges, reachedMilestones, topHolders } from "../domain/badges.js";
import { holidayChecker } from "../domain/holidays.js";
import { METRICS, type MetricKey } from "../domain/metrics.js";
import { entryPoints } from "../domain/points.js";
import { activeDatesOf, currentStreak } from "../domain/streak.js";
import { addDays, isoWeekday, localDate, zonedMidnight } from "../domain/time.js";
import type { Period } from "../domain/types.js";
import type { AppDeps, Member } from "./deps.js";
import { planStandings } from "./scorecard.js";
import { teamHolidays, teamPointWeights, teamWorkdays } from "./team-settings.js";

/** How far back a streak is looked for: a year of workdays is more than any badge needs. */
const STREAK_LOOKBACK_DAYS = 400;
/** Most streaks end within this: read first, and the whole lookback only when the streak fills it. */
const STREAK_FIRST_READ_DAYS = 45;

/** The manager's current workday streak at `now` (team zone, workdays, holidays). */
export function streakOf(deps: AppDeps, team: Team, userId: number, now: number): number {
  const today = localDate(now, team.timezone);
  const end = zonedMidnight(addDays(today, 1), team.timezone);
  const workdays = teamWorkdays(team);
  const isHoliday = holidayChecker(teamHolidays(team));
  const streakOver = (days: number) => {
    const entries = deps.repos.entries.activities(team.id, zonedMidnight(addDays(today, -days), team.timezone), end, [userId]);
    const activeDates = activeDatesOf(
      entries.map((a) => a.occurredAt),
      team.timezone,
    );
    return currentStreak({ activeDates, today, workdays, isHoliday });
  };
  const first = streakOver(STREAK_FIRST_READ_DAYS);
  // Fewer streak days than the window's workdays: a missing workday inside it ended the walk.
  const set = new Set(workdays);
  let windowWorkdays = 0;
  for (let d = addDays(today, -STREAK_FIRST_READ_DAYS); d <= today; d = addDays(d, 1)) {
    if (set.has(isoWeekday(d)) && !isHoliday(d)) windowWorkdays += 1;
  }
  return first < windowWorkdays - 1 ? first : streakOver(STREAK_LOOKBACK_DAYS);
}

export interface MilestoneReached {
  metric: MetricKey;
  /** 50, 100 or 150. */
  percent: number;
}

/** What an entry earned beyond itself: new badges (announced in the group) and plan milestones. */
export interface Celebrations {
  badges: AwardRow[];
  milestones: MilestoneReached[];
}

/** What the badge check needs to know of the entry that triggered it. */
export interface EntryFacts {
  deal: boolean;
  /** The person's first entry of its day, or one logged for an earlier day. */
  streakMayGrow: boolean;
}

const ANY_ENTRY: EntryFacts = { deal: true, streakMayGrow: true };

/**
 * Checks a manager's badges and monthly-plan milestones right after one of their
 * entries was stored (its transaction committed). Each is stored once; only what
 * is new now is returned. Plans measured in counts or money towards a floor are
 * the ones with a meaningful "50 % / 100 % / 150 %".
 */
export function celebrateEntry(deps: AppDeps, member: Member, now: number, what: EntryFacts = ANY_ENTRY): Celebrations {
  const { team, user } = member;
  const base = { teamId: team.id, userId: user.id, awardedAt: now };
  const badges: AwardRow[] = [];
  const milestones: MilestoneReached[] = [];
  // Only a deal moves the deal count, and only a day's first entry (or one for an earlier
  // day) can lengthen the streak: other entries skip those reads (every entry comes here).
  const streak = what.streakMayGrow ? streakOf(deps, team, user.id, now) : 0;
  const deals = what.deal ? deps.repos.awards.dealCount(team.id, user.id) : 0;
  for (const code of milestoneBadges(deals, streak)) {
    const row = deps.repos.awards.award({ ...base, kind: "badge", code, period: "", value: null, announce: true });
    if (row) badges.push(row);
  }
  for (const s of planStandings(deps, team, user.id, now)) {
    const def = METRICS[s.plan.metric];
    if (s.plan.period !== "month" || s.plan.scope === "team" || def.direction !== "at_least" || !def.summable) continue;
    const pct = s.progress.pct;
    const month = s.period.startDate.slice(0, 7);
    // Only the highest newly reached step is said; the lower ones are stored so they never come later.
    let said: number | null = null;
    for (const m of reachedMilestones(pct)) {
      if (deps.repos.awards.award({ ...base, kind: "milestone", code: `plan:${s.plan.id}:${m}`, period: month })) said = m;
    }
    if (said !== null) milestones.push({ metric: s.plan.metric, percent: said });
    if (pct !== null && pct >= 100) {
      const first = deps.repos.awards.awardFirst({ ...base, kind: "badge", code: "first_to_plan", period: month, announce: true });
      if (first) badges.push(first);
    }
    if (pct !== null && pct >= 150) {
      const over = deps.repos.awards.award({ ...base, kind: "badge", code: "plan_150", period: month, announce: true });
      if (over) badges.push(over);
    }
  }
  return { badges, milestones };
}

/**
 * The month-end badges of a finished team month: best day (most points in one
 * local day) and biggest deal, ties shared, among the team's current members.
 * Safe to run again: what is held is not awarded twice.
 */
export function awardMonthEnd(deps: AppDeps, team: Team, month: Period, now: number): AwardRow[] {
  const members = new Set(deps.repos.memberships.listTeam(team.id).map((m) => m.user.id));
  const weights = teamPointWeights(team);
  const dayPoints = new Map<string, number>();
  const bestDeal = new Map<number, number>();
  for (const a of deps.repos.entries.activities(team.id, month.from, month.to)) {
    if (!members.has(a.userId)) continue;
    const key = `${a.userId}|${localDate(a.occurredAt, team.timezone)}`;
    dayPoints.set(key, (dayPoints.get(key) ?? 0) + entryPoints(a, weights));
    if (a.kind === "deal" && a.amountMinor !== null) bestDeal.set(a.userId, Math.max(bestDeal.get(a.userId) ?? 0, a.amountMinor));
  }
  const bestDay = new Map<number, number>();
  for (const [key, pts] of dayPoints) {
    const id = Number(key.split("|")[0]);
    bestDay.set(id, Math.max(bestDay.get(id) ?? 0, pts));
  }
  const period = month.startDate.slice(0, 7);
  const out: AwardRow[] = [];
  for (const [code, values] of [
    ["best_day", bestDay],
    ["biggest_deal", bestDeal],
  ] as const) {
    const top = topHolders(values);
    for (const userId of top?.userIds ?? []) {
      const row = deps.repos.awards.award({
        teamId: team.id,
        userId,
        kind: "badge",
        code,
        period,
        value: top!.value,
        awardedAt: now,
        announce: true,
      });
      if (row) out.push(row);
    }
  }
  return out;
}

export interface BadgeHolder {
  userId: number;
  name: string;
  badges: AwardRow[];
}

/** A person's badges, or (userId undefined) everyone's in the team who holds any; oldest first. */
export function badgesOf(deps: AppDeps, team: Team, userId?: number): BadgeHolder[] {
  const names = new Map(deps.repos.memberships.listTeam(team.id).map((m) => [m.user.id, m.user.firstName]));
  const rows =
    userId === undefined
      ? deps.repos.awards.teamBadges(team.id)
      : deps.repos.awards.heldBy(team.id, userId).filter((r) => r.kind === "badge");
  const by = new Map<number, AwardRow[]>();
  for (const r of rows) {
    if (!names.has(r.userId)) continue;
    by.set(r.userId, [...(by.get(r.userId) ?? []), r]);
  }
  if (userId !== undefined && !by.has(userId) && names.has(userId)) by.set(userId, []);
  return [...by].map(([id, badges]) => ({ userId: id, name: names.get(id)!, badges }));
}
