import type { Team } from "../db/repositories/teams.js";
import type { Member } from "../db/repositories/users.js";
import type { BonusParams, BonusResult, BonusRule } from "../domain/bonus.js";
import { computeBonus, personalMonthlyPlan, rulesForMonth } from "../domain/bonus.js";
import { computeKpisByUser, type KpiValues } from "../domain/kpi.js";
import type { MetricKey } from "../domain/metrics.js";
import type { MonthSpec } from "../domain/month-parsing.js";
import { resolvePeriod } from "../domain/periods.js";
import { resolveRelativeTarget } from "../domain/plans.js";
import { daysInMonth, localDate, parseDateParts } from "../domain/time.js";
import type { Period } from "../domain/types.js";
import type { AppDeps } from "./deps.js";
import { toPlan } from "./scorecard.js";
import { teamSnapshot } from "./team-snapshot.js";

/** A calendar month in the team's zone, labelled as a month. */
export function monthPeriod(team: Team, spec: MonthSpec, now: number): Period {
  const start = { year: spec.year, month: spec.month, day: 1 };
  const end = { year: spec.year, month: spec.month, day: daysInMonth(spec.year, spec.month) };
  return { ...resolvePeriod({ kind: "range", start, end }, now, team.timezone), kind: "month" };
}

function previousMonth(spec: MonthSpec): MonthSpec {
  return spec.month === 1 ? { year: spec.year - 1, month: 12 } : { year: spec.year, month: spec.month - 1 };
}

export interface MonthBonus {
  period: Period;
  /** The rules the month uses (see rulesForMonth), in the list's order. */
  rules: BonusRule[];
  /** Managers, plus heads and former members who logged something in the month. */
  people: Member[];
  byUser: Map<number, BonusResult>;
  totalMinor: number;
}

/**
 * Each person's bonus for a month, from the month's entries and the plans that
 * bind them (a "+15 %" plan against the person's own previous month, as /me does).
 */
export function monthBonus(deps: AppDeps, team: Team, month: MonthSpec, now: number, onlyUserIds?: number[]): MonthBonus {
  const period = monthPeriod(team, month, now);
  const rules = rulesForMonth(deps.repos.bonusRules.history(team.id), period.to, now);
  const snap = teamSnapshot(deps, team, period, onlyUserIds);
  const plans = deps.repos.plans.list(team.id).map(toPlan);
  // The plans the rules read: revenue for over_plan, the rule's metric for plan_hit.
  const metrics = new Set<MetricKey>();
  for (const r of rules) if (r.kind !== "big_deal") metrics.add(r.kind === "plan_hit" ? r.metric : "revenue");

  let previous: Map<number, KpiValues> | undefined;
  const previousValues = (userId: number): KpiValues | undefined => {
    if (!previous) {
      const prev = monthPeriod(team, previousMonth(month), now);
      const ids = snap.people.map((p) => p.user.id);
      const input = {
        activities: deps.repos.entries.activities(team.id, prev.from, prev.to, ids),
        timelines: deps.repos.entries.timelines(team.id, prev.from, prev.to, ids),
        period: prev,
      };
      previous = computeKpisByUser(input, ids);
    }
    return previous.get(userId);
  };

  const byUser = new Map<number, BonusResult>();
  let totalMinor = 0;
  for (const person of snap.people) {
    const id = person.user.id;
    const targets: Partial<Record<MetricKey, number>> = {};
    for (const metric of metrics) {
      const plan = personalMonthlyPlan(plans, id, metric);
      if (!plan) continue;
      targets[metric] = plan.relative
        ? (resolveRelativeTarget(previousValues(id)?.[metric] ?? null, plan.relative.percent, metric) ?? plan.value)
        : plan.value;
    }
    const own = snap.activities.filter((a) => a.userId === id);
    const result = computeBonus(rules, {
      deals: own.filter((a) => a.kind === "deal" && a.amountMinor !== null).map((a) => a.amountMinor!),
      values: snap.byUser.get(id) ?? {},
      targets,
      active: own.length > 0,
    });
    byUser.set(id, result);
    totalMinor += result.totalMinor;
  }
  return { period, rules, people: snap.people, byUser, totalMinor };
}

/** The calendar months a period touches that have begun by `now`, oldest first. */
export function monthsOf(team: Team, period: Period, now: number): MonthSpec[] {
  const today = localDate(now, team.timezone);
  const last = parseDateParts([period.endDate, today].sort()[0]!);
  const out: MonthSpec[] = [];
  const first = parseDateParts(period.startDate);
  let m: MonthSpec = { year: first.year, month: first.month };
  while (m.year < last.year || (m.year === last.year && m.month <= last.month)) {
    out.push(m);
    m = m.month === 12 ? { year: m.year + 1, month: 1 } : { year: m.year, month: m.month + 1 };
  }
  return out;
}

/**
 * Bonuses for an export over any period: the sum of the monthly bonuses of every
 * month the period touches (a bonus belongs to a whole month, never to part of one).
 */
export function bonusForPeriod(
  deps: AppDeps,
  team: Team,
  period: Period,
  now: number,
  onlyUserIds?: number[],
): { months: MonthSpec[]; byUser: Map<number, number>; totalMinor: number } {
  const months = monthsOf(team, period, now);
  const byUser = new Map<number, number>();
  let totalMinor = 0;
  for (const month of months) {
    const b = monthBonus(deps, team, month, now, onlyUserIds);
    for (const [id, r] of b.byUser) byUser.set(id, (byUser.get(id) ?? 0) + r.totalMinor);
    totalMinor += b.totalMinor;
  }
  return { months, byUser, totalMinor };
}

export type AddBonusRuleResult = { ok: true; rule: BonusRule } | { ok: false; error: "duplicate" };

/** Stores a parsed rule unless the same rule is already in force. */
export function addBonusRule(deps: AppDeps, team: Team, createdBy: number, params: BonusParams, now: number): AddBonusRuleResult {
  const r = deps.repos.bonusRules.add(team.id, params, createdBy, now);
  return r === "duplicate" ? { ok: false, error: "duplicate" } : { ok: true, rule: r };
}

/** The team's rules in force, in the order /bonus numbers them. */
export function activeBonusRules(deps: AppDeps, teamId: number) {
  return deps.repos.bonusRules.active(teamId);
}

/** Ends a rule of the team; false when it is not (or no longer) in force there. */
export function removeBonusRule(deps: AppDeps, teamId: number, ruleId: number, removedBy: number, now: number): boolean {
  return deps.repos.bonusRules.remove(teamId, ruleId, removedBy, now);
}
