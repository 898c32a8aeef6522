// The Mini App's numbers: what the head's dashboard, a manager's screen and the
// TV page show, built from the same services as /report, /compare, /funnel, /top
// and /me so the page and the chat never disagree.

import type { Team } from "../db/repositories/teams.js";
import type { Member } from "../db/repositories/users.js";
import { computeFunnel, type Funnel } from "../domain/funnel.js";
import type { KpiValues } from "../domain/kpi.js";
import { metricKinds, timeSeries } from "../domain/kpi.js";
import type { MetricKey } from "../domain/metrics.js";
import { assertWithinBound } from "../domain/period-bounds.js";
import { type Ranked, rankBy } from "../domain/ranking.js";
import { autoGrouping } from "../domain/report-definition.js";
import { readTeamSettings } from "../domain/team-settings.js";
import type { ActivityRecord, LeadTimeline, Period } from "../domain/types.js";
import type { AppDeps } from "./deps.js";
import { kpisFor, type PlanStanding, planStandings } from "./scorecard.js";
import { buildTeamReport, type TeamReport, teamAverage } from "./team-report.js";
import { teamPointWeights, teamWeekStart } from "./team-settings.js";

export interface TrendPoint {
  /** Bucket key: "2026-11-05" (day or week start) or "2026-11" (month). */
  key: string;
  value: number | null;
}

export interface HeadDashboard {
  report: TeamReport;
  average: KpiValues;
  funnel: Funnel;
  trendMetric: MetricKey;
  trend: TrendPoint[];
  leaderMetric: MetricKey;
  leaderboard: Ranked<Member>[];
}

/** The head's view of a period: /report + /compare + /funnel + a trend + /top in one read set. */
export function headDashboard(deps: AppDeps, team: Team, period: Period, now: number, trendMetric: MetricKey): HeadDashboard {
  assertTrendFits(team, period);
  const report = buildTeamReport(deps, team, period, now);
  const snap = report.snapshot;
  // Like /funnel: the cohort registered in the period, followed to today.
  const since = deps.repos.entries.timelines(team.id, period.from, Number.MAX_SAFE_INTEGER);
  const funnel = computeFunnel(since, period);
  // The trend reads only the entries its metric is built from; lead and closing times
  // come from the timelines just read (every lead qualified or won in the period is among them).
  const kinds = metricKinds(trendMetric);
  const trendEntries = kinds ? deps.repos.entries.activitiesOfKinds(team.id, period.from, period.to, kinds) : [];
  const leaderMetric = readTeamSettings(team.settings).mainMetric;
  return {
    report,
    average: teamAverage(snap),
    funnel,
    trendMetric,
    trend: trend(team, period, trendMetric, trendEntries, since),
    leaderMetric,
    // Ranked from the report's snapshot, as leaderboard() would rank it, without reading the period again.
    leaderboard: rankBy(
      snap.people,
      leaderMetric,
      (m) => snap.byUser.get(m.user.id)?.[leaderMetric] ?? null,
      leaderMetric === "revenue" ? undefined : (m) => snap.byUser.get(m.user.id)?.revenue ?? null,
    ),
  };
}

/** The views' trend is grouped by the period's length: held to the shared bound before anything is read. */
function assertTrendFits(team: Team, period: Period): void {
  assertWithinBound(period, { grouping: autoGrouping(period), weekStart: teamWeekStart(team) });
}

function trend(team: Team, period: Period, metric: MetricKey, activities: readonly ActivityRecord[], timelines: readonly LeadTimeline[]) {
  return timeSeries(activities, period, team.timezone, autoGrouping(period), metric, {
    weekStart: teamWeekStart(team),
    timelines,
    weights: teamPointWeights(team),
  }).map((p) => ({ key: p.key, value: p.value }));
}

export interface PersonView {
  member: Member;
  values: KpiValues;
  standings: PlanStanding[];
  trendMetric: MetricKey;
  trend: TrendPoint[];
  /** Latest entries of the period, newest first (the person's feed). */
  recent: ActivityRecord[];
}

/** One person's numbers, plans with pace, trend and latest entries (the /me of the page; a head's drill-down). */
export function personView(deps: AppDeps, team: Team, member: Member, period: Period, now: number, trendMetric: MetricKey): PersonView {
  assertTrendFits(team, period);
  const id = member.user.id;
  const activities = deps.repos.entries.activities(team.id, period.from, period.to, [id]);
  const timelines = deps.repos.entries.timelines(team.id, period.from, period.to, [id]);
  return {
    member,
    values: kpisFor(deps, team, period, [id]),
    standings: planStandings(deps, team, id, now),
    trendMetric,
    trend: trend(team, period, trendMetric, activities, timelines),
    recent: [...activities].sort((a, b) => b.occurredAt - a.occurredAt || b.id - a.id).slice(0, 15),
  };
}
