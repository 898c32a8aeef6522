import type { Team } from "../db/repositories/teams.js";
import type { Member } from "../db/repositories/users.js";
import { computeKpisByUser, computeTeamKpis, type KpiValues } from "../domain/kpi.js";
import { assertWithinBound } from "../domain/period-bounds.js";
import type { ActivityRecord, LeadTimeline, Period } from "../domain/types.js";
import { businessContext } from "./business.js";
import type { AppDeps } from "./deps.js";
import { teamPointWeights } from "./team-settings.js";

/** Everything a team report needs for one period, read once. */
export interface TeamSnapshot {
  team: Team;
  period: Period;
  /** Managers, plus heads and former members who logged something in the period. */
  people: Member[];
  byUser: Map<number, KpiValues>;
  total: KpiValues;
  activities: ActivityRecord[];
  timelines: LeadTimeline[];
}

/**
 * Reads a team's entries and lead timelines for a period (two indexed range
 * queries) and computes every KPI per person and for the team from raw entries.
 * `business: false` skips the business metrics (left null) for callers that show one
 * other metric: they need the team's deals of all time, the costliest read here.
 */
export function teamSnapshot(
  deps: AppDeps,
  team: Team,
  period: Period,
  onlyUserIds?: number[],
  opts: { business?: boolean } = {},
): TeamSnapshot {
  assertWithinBound(period);
  const members = deps.repos.memberships.listTeam(team.id);
  const activities = deps.repos.entries.activities(team.id, period.from, period.to, onlyUserIds);
  const timelines = deps.repos.entries.timelines(team.id, period.from, period.to, onlyUserIds);
  const active = new Set(activities.map((a) => a.userId));
  const wanted = (id: number) => (onlyUserIds ? onlyUserIds.includes(id) : true);
  const current = new Set(members.map((m) => m.user.id));
  // Someone removed from the team keeps their past entries, shown as a former member.
  const former = deps.repos.memberships.formerAmong(
    team.id,
    [...active].filter((id) => !current.has(id) && wanted(id)),
  );
  const people = [...members.filter((m) => wanted(m.user.id) && (m.membership.role === "manager" || active.has(m.user.id))), ...former];
  const input = {
    activities,
    timelines,
    period,
    weights: teamPointWeights(team),
    business: opts.business === false ? undefined : businessContext(deps, team, onlyUserIds ?? null),
  };
  return {
    team,
    period,
    people,
    byUser: computeKpisByUser(
      input,
      people.map((p) => p.user.id),
    ),
    total: computeTeamKpis(input),
    activities,
    timelines,
  };
}
