import type { Team } from "../db/repositories/teams.js";
import type { Member } from "../db/repositories/users.js";
import {
  BASELINE_PERIODS,
  elapsedPart,
  type FairRanking,
  type ImprovementScore,
  isRookie,
  type PlanScore,
  previousPeriods,
  rankByImprovement,
  rankByPlan,
  scaledTarget,
} from "../domain/fair-ranking.js";
import { computeKpisByUser } from "../domain/kpi.js";
import type { MetricKey } from "../domain/metrics.js";
import { resolvePeriod } from "../domain/periods.js";
import { type Plan, type PlanPeriod, planApplies, planPeriodSpecs, resolveRelativeTarget } from "../domain/plans.js";
import type { Period } from "../domain/types.js";
import type { AppDeps } from "./deps.js";
import { kpisFor, toPlan } from "./scorecard.js";
import { teamWeekStart, teamWorkdays } from "./team-settings.js";
import { teamSnapshot } from "./team-snapshot.js";

/** A fair ranking, with rookies (first 30 days) in a ranking of their own when asked. */
export interface FairBoard<S> {
  main: FairRanking<Member, S>;
  rookies: FairRanking<Member, S> | null;
}

// The plan whose period is the ranked one fits best; otherwise the month's, then the others.
const PERIOD_OF_KIND: Record<string, PlanPeriod> = {
  today: "day",
  yesterday: "day",
  date: "day",
  week: "week",
  lastweek: "week",
  month: "month",
  lastmonth: "month",
  quarter: "quarter",
  lastquarter: "quarter",
};
const PREFERENCE: PlanPeriod[] = ["month", "week", "quarter", "day"];

/** The plan on `metric` that binds `userId` best (their own over the team's "each"), or null. */
export function bindingPlan(plans: Plan[], metric: MetricKey, userId: number, period: Period): Plan | null {
  const fitting = plans.filter((p) => p.metric === metric && p.scope !== "team" && planApplies(p, userId));
  const wanted = PERIOD_OF_KIND[period.kind];
  const rank = (p: Plan) => (p.scope === "user" ? 0 : 10) + (p.period === wanted ? 0 : 1 + PREFERENCE.indexOf(p.period));
  return fitting.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/**
 * A plan's target over `period`: the plan's own period that contains the ranked
 * period's start, scaled to the ranked period by workdays (counts and money). A
 * relative plan ("+15 %") builds on the person's own previous plan period (given
 * `userIds`; for a team, the value stored when the plan was set).
 */
export function planTargetOver(deps: AppDeps, team: Team, plan: Plan, period: Period, userIds: number[] | undefined): number {
  const opts = { weekStart: teamWeekStart(team) };
  const specs = planPeriodSpecs(plan.period);
  const own = resolvePeriod(specs.current, period.from, team.timezone, opts);
  let value = plan.value;
  // A relative team-wide plan keeps the value resolved when it was set (docs/decisions.md: relative plans).
  if (plan.relative && userIds) {
    const prev = resolvePeriod(specs.previous, period.from, team.timezone, opts);
    value = resolveRelativeTarget(kpisFor(deps, team, prev, userIds)[plan.metric], plan.relative.percent, plan.metric) ?? plan.value;
  }
  return scaledTarget(plan.metric, value, own, period, teamWorkdays(team));
}

function splitRookies(people: Member[], now: number, apart: boolean): { main: Member[]; rookies: Member[] | null } {
  if (!apart) return { main: people, rookies: null };
  const rookie = (m: Member) => isRookie(m.membership.joinedAt, now);
  return { main: people.filter((m) => !rookie(m)), rookies: people.filter(rookie) };
}

/** `/top fair`: each person's value ÷ their own plan for the metric over the period. */
export function fairLeaderboard(
  deps: AppDeps,
  team: Team,
  metric: MetricKey,
  period: Period,
  now: number,
  rookiesApart = false,
): FairBoard<PlanScore> {
  const snap = teamSnapshot(deps, team, period);
  const plans = deps.repos.plans.list(team.id).map(toPlan);
  const rows = (people: Member[]) =>
    people.map((m) => {
      const plan = bindingPlan(plans, metric, m.user.id, period);
      return {
        item: m,
        actual: snap.byUser.get(m.user.id)?.[metric] ?? null,
        target: plan ? planTargetOver(deps, team, plan, period, [m.user.id]) : null,
      };
    });
  const split = splitRookies(snap.people, now, rookiesApart);
  return {
    main: rankByPlan(rows(split.main), metric),
    rookies: split.rookies ? rankByPlan(rows(split.rookies), metric) : null,
  };
}

/** Where `/top improved` starts reading: the first of the earlier periods it compares against. */
export function improvedReadsFrom(team: Team, period: Period, now: number): number {
  return previousPeriods(period, BASELINE_PERIODS, team.timezone, now).at(-1)!.from;
}

/**
 * `/top improved`: this period's value ÷ the person's own average over the four
 * earlier periods of the same length (a running period against the same elapsed
 * time of each). Someone who joined after the earliest of those began has less
 * history and is listed apart.
 */
export function improvedLeaderboard(
  deps: AppDeps,
  team: Team,
  metric: MetricKey,
  period: Period,
  now: number,
  rookiesApart = false,
): FairBoard<ImprovementScore> {
  const current = elapsedPart(period, now);
  const earlier = previousPeriods(period, BASELINE_PERIODS, team.timezone, now);
  const snap = teamSnapshot(deps, team, current);
  const first = earlier.at(-1)!;
  const ids = snap.people.map((p) => p.user.id);
  const input = {
    activities: deps.repos.entries.activities(team.id, first.from, current.to),
    timelines: deps.repos.entries.timelines(team.id, first.from, current.to),
  };
  const history = earlier.map((p) => computeKpisByUser({ ...input, period: p }, ids));
  const rows = (people: Member[]) =>
    people.map((m) => ({
      item: m,
      current: snap.byUser.get(m.user.id)?.[metric] ?? null,
      history: m.membership.joinedAt <= first.from ? history.map((h) => h.get(m.user.id)?.[metric] ?? null) : null,
    }));
  const split = splitRookies(snap.people, now, rookiesApart);
  return {
    main: rankByImprovement(rows(split.main), metric),
    rookies: split.rookies ? rankByImprovement(rows(split.rookies), metric) : null,
  };
}
