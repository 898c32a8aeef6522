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
 * Reads a team's entries (counted per person, kind and outcome) and the lead
 * timelines its KPIs measure for a period, and computes every KPI per person and for
 * the team. `business: false` skips the business metrics (left null) for callers that
 * show one other metric: they need the team's deals of all time, the costliest read
 * here; `timelines: false` likewise skips lead and closing times.
 */
export function teamSnapshot(
  deps: AppDeps,
  team: Team,
  period: Period,
  onlyUserIds?: number[],
  opts: { business?: boolean; timelines?: boolean } = {},
): TeamSnapshot {
  assertWithinBound(period);
  const members = deps.repos.memberships.listTeam(team.id);
  const { entries } = deps.repos;
  // The whole team's KPIs come from counts and the measured leads (a hundred rows, not
  // thousands); the entries and timelines themselves are read only if a caller asks.
  const whole = onlyUserIds === undefined;
  const counts = whole ? entries.activityCounts(team.id, period.from, period.to) : undefined;
  let activities = whole ? undefined : entries.activities(team.id, period.from, period.to, onlyUserIds);
  let timelines = whole ? undefined : entries.timelines(team.id, period.from, period.to, onlyUserIds);
  const active = new Set((counts ?? activities!).map((a) => a.userId));
  const wanted = (id: number) => (onlyUserIds ? onlyUserIds.includes(id) : true);
  const current = new Set(members.map((m) => m.user.id));
  // Someone removed from the team keeps their past entries, shown as a former member.
  const former = deps.repos.memberships.formerAmong(
    team.id,
    [...active].filter((id) => !current.has(id) && wanted(id)),
  );
  const people = [...members.filter((m) => wanted(m.user.id) && (m.membership.role === "manager" || active.has(m.user.id))), ...former];
  const input = {
    activities: activities ?? [],
    ...(counts ? { counts } : {}),
    timelines: timelines ?? (opts.timelines === false ? [] : entries.kpiTimelines(team.id, period.from, period.to)),
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
    get activities() {
      activities ??= entries.activities(team.id, period.from, period.to);
      return activities;
    },
    get timelines() {
      timelines ??= entries.timelines(team.id, period.from, period.to);
      return timelines;
    },
  };
}
