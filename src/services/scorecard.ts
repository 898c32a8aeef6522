import type { PlanRow } from "../db/repositories/plans.js";
import type { Team } from "../db/repositories/teams.js";
import { computeKpis, type KpiValues } from "../domain/kpi.js";
import type { MetricKey } from "../domain/metrics.js";
import { resolvePeriod, workdayShare } from "../domain/periods.js";
import { type Plan, type Progress, planApplies, planPeriodSpecs, progress, resolveRelativeTarget } from "../domain/plans.js";
import type { Period } from "../domain/types.js";
import { businessContext } from "./business.js";
import type { AppDeps } from "./deps.js";
import { teamPointWeights, teamWeekStart, teamWorkdays } from "./team-settings.js";

export function toPlan(row: PlanRow): Plan {
  return {
    id: row.id,
    metric: row.metric as MetricKey,
    value: row.value,
    period: row.period,
    scope: row.scope,
    userId: row.userId,
    relative: row.relativePercent === null ? null : { percent: row.relativePercent },
  };
}

/** KPIs of some of a team's people (or all: `userIds` undefined) over a period. */
export function kpisFor(deps: AppDeps, team: Team, period: Period, userIds?: number[]): KpiValues {
  const { entries } = deps.repos;
  // The team or one person: counted entries and the measured leads only (see teamSnapshot).
  const counted = userIds === undefined || userIds.length === 1;
  const userId = userIds?.[0];
  return computeKpis({
    activities: counted ? [] : entries.activities(team.id, period.from, period.to, userIds),
    ...(counted ? { counts: entries.activityCounts(team.id, period.from, period.to, userId) } : {}),
    timelines: counted
      ? entries.kpiTimelines(team.id, period.from, period.to, userId)
      : entries.timelines(team.id, period.from, period.to, userIds),
    period,
    weights: teamPointWeights(team),
    business: businessContext(deps, team, userIds ?? null),
  });
}

export interface PlanStanding {
  plan: Plan;
  period: Period;
  actual: number | null;
  share: number;
  progress: Progress;
}

/** KPIs of a person (or the team, for null) over a period; lets callers reuse what they already read. */
export type KpiSource = (period: Period, userId: number | null) => KpiValues;

/**
 * One reply's KPI reads: each (period, person) is read once, however many views and
 * plans ask for it (/me's month and a monthly plan are one read, not two).
 */
export function replyKpis(deps: AppDeps, team: Team): KpiSource {
  const read = new Map<string, KpiValues>();
  return (period, userId) => {
    const key = `${period.from}:${period.to}:${userId ?? "team"}`;
    let values = read.get(key);
    if (!values) {
      values = kpisFor(deps, team, period, userId === null ? undefined : [userId]);
      read.set(key, values);
    }
    return values;
  };
}

/**
 * Where a person (or, with userId null, the whole team) stands against every
 * plan that binds them, each measured over the plan's own current period.
 */
export function planStandings(deps: AppDeps, team: Team, userId: number | null, now: number, source?: KpiSource): PlanStanding[] {
  const plans = deps.repos.plans
    .list(team.id)
    .map(toPlan)
    .filter((p) => planApplies(p, userId));
  const cache = new Map<string, KpiValues>();
  const read = source ?? ((period: Period, who: number | null) => kpisFor(deps, team, period, who === null ? undefined : [who]));
  return plans.map((plan) => {
    const period = resolvePeriod(planPeriodSpecs(plan.period).current, now, team.timezone, { weekStart: teamWeekStart(team) });
    let values = cache.get(plan.period);
    if (!values) {
      values = read(period, userId);
      cache.set(plan.period, values);
    }
    const actual = values[plan.metric];
    const share = workdayShare(period, now, team.timezone, teamWorkdays(team)).share;
    // A "+15 %" plan binds each person to their own last period, when they have one.
    let target = plan.value;
    if (plan.relative && userId !== null) {
      const prev = resolvePeriod(planPeriodSpecs(plan.period).previous, now, team.timezone, { weekStart: teamWeekStart(team) });
      target = resolveRelativeTarget(read(prev, userId)[plan.metric], plan.relative.percent, plan.metric) ?? plan.value;
    }
    return {
      plan: { ...plan, value: target },
      period,
      actual,
      share,
      progress: progress(plan.metric, actual, target, share),
    };
  });
}
