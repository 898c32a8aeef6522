// The TV page's numbers: the month's and today's leaderboard of the team's main
// metric, each manager's progress to one plan, today's deals as they land and the
// contest that runs now. Which metrics may appear is the caller's audience's (the
// trust policy): a plan or contest on a figure it withholds is never read.

import type { Team } from "../db/repositories/teams.js";
import type { Member } from "../db/repositories/users.js";
import { isBusinessMetric } from "../domain/business-metrics.js";
import { contestPhase } from "../domain/contests.js";
import { METRIC_KEYS, METRICS, type MetricKey } from "../domain/metrics.js";
import { resolvePeriod } from "../domain/periods.js";
import { PLAN_PERIODS, type PlanPeriod } from "../domain/plans.js";
import type { Ranked } from "../domain/ranking.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { type Audience, mayShowMetric } from "../domain/trust-policy.js";
import type { Period } from "../domain/types.js";
import { type ContestStandings, contestMetric, contestStandingsNow } from "./contests.js";
import type { AppDeps } from "./deps.js";
import { rankSnapshot } from "./leaderboard.js";
import { type KpiSource, kpisFor, type PlanStanding, planStandings, toPlan } from "./scorecard.js";
import { teamWeekStart } from "./team-settings.js";
import { type TeamSnapshot, teamSnapshot } from "./team-snapshot.js";

/** The board reads a plan's progress best over a month, then a week, a quarter, a day. */
const PERIOD_PREFERENCE: readonly PlanPeriod[] = ["month", "week", "quarter", ...PLAN_PERIODS];

export interface TvPlans {
  metric: MetricKey;
  period: PlanPeriod;
  /** The team's own plan on it, when there is one. */
  team: PlanStanding | null;
  /** Each manager bound by such a plan, furthest ahead first. */
  people: { member: Member; standing: PlanStanding }[];
}

export interface TvDeal {
  name: string;
  occurredAt: number;
  amountMinor: number | null;
}

export interface TvBoard {
  team: Team;
  now: number;
  metric: MetricKey;
  month: Ranked<Member>[];
  today: Ranked<Member>[];
  plans: TvPlans | null;
  /** Today's deals, newest first. */
  deals: TvDeal[];
  contest: ContestStandings | null;
}

/**
 * The plan the board shows: on a metric `audience` may see that grows toward its target
 * (a bar fills up), the team's main metric first, then in catalogue order; its period by
 * PERIOD_PREFERENCE.
 */
function pickPlan(deps: AppDeps, team: Team, main: MetricKey, audience: Audience): { metric: MetricKey; period: PlanPeriod } | null {
  const rank = (m: MetricKey) => (m === main ? -1 : METRIC_KEYS.indexOf(m));
  const plans = deps.repos.plans
    .list(team.id)
    .map(toPlan)
    .filter((p) => METRICS[p.metric] && METRICS[p.metric].direction === "at_least" && mayShowMetric(p.metric, audience))
    .sort((a, b) => rank(a.metric) - rank(b.metric) || PERIOD_PREFERENCE.indexOf(a.period) - PERIOD_PREFERENCE.indexOf(b.period));
  const first = plans[0];
  return first ? { metric: first.metric, period: first.period } : null;
}

function tvPlans(
  deps: AppDeps,
  team: Team,
  managers: Member[],
  main: MetricKey,
  now: number,
  audience: Audience,
  snap: Snapshots,
): TvPlans | null {
  const pick = pickPlan(deps, team, main, audience);
  if (!pick) return null;
  const matches = (s: PlanStanding) => s.plan.metric === pick.metric && s.plan.period === pick.period;
  // Everyone's figures from one team read per period (not one read per manager).
  const source: KpiSource = (period, who) => {
    const s = snap(period, isBusinessMetric(pick.metric));
    return who === null ? s.total : (s.byUser.get(who) ?? kpisFor(deps, team, period, [who]));
  };
  const team_ = planStandings(deps, team, null, now, source).find(matches) ?? null;
  const people = managers.flatMap((member) => {
    // A plan for this person wins over the one for each manager.
    const mine = planStandings(deps, team, member.user.id, now, source).filter(matches);
    const standing = mine.find((s) => s.plan.scope === "user") ?? mine[0];
    return standing ? [{ member, standing }] : [];
  });
  // Furthest ahead first: the board reads as a race.
  const pct = (s: PlanStanding) => s.progress.pct ?? -1;
  people.sort((a, b) => pct(b.standing) - pct(a.standing));
  return { ...pick, team: team_, people };
}

/** The running contest that ends soonest, on a metric `audience` may see. */
function runningContest(deps: AppDeps, team: Team, now: number, audience: Audience): ContestStandings | null {
  const contest = deps.repos.contests
    .listTeam(team.id)
    .find(
      (c) =>
        c.status === "active" && contestPhase(now, c.startAt, c.endAt).phase === "running" && mayShowMetric(contestMetric(c), audience),
    );
  return contest ? contestStandingsNow(deps, team, contest) : null;
}

/** A team's snapshot of a period, read once per board (business metrics only when asked for). */
type Snapshots = (period: Period, business: boolean) => TeamSnapshot;

function snapshots(deps: AppDeps, team: Team): Snapshots {
  const cache = new Map<string, TeamSnapshot & { business: boolean }>();
  return (period, business) => {
    const key = `${period.from}:${period.to}`;
    const hit = cache.get(key);
    if (hit && (hit.business || !business)) return hit;
    const fresh = { ...teamSnapshot(deps, team, period, undefined, { business }), business };
    cache.set(key, fresh);
    return fresh;
  };
}

export function tvBoard(deps: AppDeps, team: Team, now: number, audience: Audience): TvBoard {
  const metric = readTeamSettings(team.settings).mainMetric;
  const snap = snapshots(deps, team);
  const business = isBusinessMetric(metric);
  const month = snap(resolvePeriod({ kind: "month" }, now, team.timezone, { weekStart: teamWeekStart(team) }), business);
  const today = snap(resolvePeriod({ kind: "today" }, now, team.timezone, { weekStart: teamWeekStart(team) }), business);
  const names = new Map(month.people.map((m) => [m.user.id, m.user.firstName]));
  const nameOf = (id: number) => names.get(id) ?? deps.repos.users.byId(id)?.firstName ?? "—";
  const deals = mayShowMetric("deals", audience)
    ? today.activities
        .filter((a) => a.kind === "deal")
        .sort((a, b) => b.occurredAt - a.occurredAt || b.id - a.id)
        .map((a) => ({ name: nameOf(a.userId), occurredAt: a.occurredAt, amountMinor: a.amountMinor }))
    : [];
  const managers = deps.repos.memberships.listTeam(team.id).filter((m) => m.membership.role === "manager");
  return {
    team,
    now,
    metric,
    month: rankSnapshot(month, metric),
    today: rankSnapshot(today, metric),
    plans: tvPlans(deps, team, managers, metric, now, audience, snap),
    deals,
    contest: runningContest(deps, team, now, audience),
  };
}

/** The team's live TV link, made now if there is none. */
export function currentTvLink(deps: AppDeps, teamId: number, createdBy: number, now: number) {
  return deps.repos.tvLinks.current(teamId, createdBy, now);
}

/** Turns the team's TV links off; how many were live. */
export function revokeTvLinks(deps: AppDeps, teamId: number, now: number): number {
  return deps.repos.tvLinks.revoke(teamId, now);
}
