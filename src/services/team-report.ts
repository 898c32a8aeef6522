import type { Team } from "../db/repositories/teams.js";
import { type KpiValues, metricSource } from "../domain/kpi.js";
import { METRICS, type MetricKey } from "../domain/metrics.js";
import type { Period } from "../domain/types.js";
import type { AppDeps } from "./deps.js";
import { type KpiSource, kpisFor, type PlanStanding, planStandings } from "./scorecard.js";
import { type TeamSnapshot, teamSnapshot } from "./team-snapshot.js";

export interface TeamReport {
  snapshot: TeamSnapshot;
  /** Plan standings per person (plans for each manager or for them personally). */
  standings: Map<number, PlanStanding[]>;
  /** Plans on the team's total. */
  teamStandings: PlanStanding[];
}

/** Everything `/report` shows for a team and period: numbers per person, total, plans. */
export function buildTeamReport(deps: AppDeps, team: Team, period: Period, now: number): TeamReport {
  const snapshot = teamSnapshot(deps, team, period);
  const source = snapshotSource(deps, team, snapshot);
  const standings = new Map<number, PlanStanding[]>();
  // A former member no longer has plans to meet; their numbers still show.
  for (const p of snapshot.people) {
    if (p.membership.active) standings.set(p.user.id, planStandings(deps, team, p.user.id, now, source));
  }
  return { snapshot, standings, teamStandings: planStandings(deps, team, null, now, source) };
}

/**
 * KPIs for plan standings, served from one read of the team per period (seeded with
 * snapshots the caller already has), so standings for a whole team cost a query per
 * plan period. A period it reads itself is read for the plans' metrics only: lead
 * timelines and the team's history only when a plan is on a metric built from them.
 */
export function snapshotSource(deps: AppDeps, team: Team, ...seed: TeamSnapshot[]): KpiSource {
  const snapshots = new Map(seed.map((s) => [`${s.period.from}-${s.period.to}`, s]));
  const metrics = deps.repos.plans.list(team.id).map((p) => p.metric as MetricKey);
  const needs = {
    business: metrics.some((m) => metricSource(m) === "business"),
    timelines: metrics.some((m) => metricSource(m) === "timelines"),
  };
  return (p, userId) => {
    const key = `${p.from}-${p.to}`;
    let snap = snapshots.get(key);
    if (!snap) {
      snap = teamSnapshot(deps, team, p, undefined, needs);
      snapshots.set(key, snap);
    }
    return userId === null ? snap.total : (snap.byUser.get(userId) ?? kpisFor(deps, team, p, [userId]));
  };
}

/**
 * The average manager: for every metric the mean of the people's own values (a ratio's
 * mean over those who have one). The team's own figure (a total, or a ratio of team
 * totals such as market share) is `snapshot.total`, shown apart as "Team": the two
 * are never mixed under one "average" heading.
 */
export function teamAverage(snapshot: TeamSnapshot): KpiValues {
  const out = { ...snapshot.total };
  for (const key of Object.keys(out) as (keyof KpiValues)[]) {
    const values = snapshot.people.map((p) => snapshot.byUser.get(p.user.id)?.[key] ?? null).filter((v): v is number => v !== null);
    out[key] = METRICS[key].summable
      ? (snapshot.total[key] ?? 0) / Math.max(1, snapshot.people.length)
      : values.length === 0
        ? null
        : values.reduce((a, b) => a + b, 0) / values.length;
  }
  return out;
}
