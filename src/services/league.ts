import { type League, type LeagueMember, normalizeLeagueCode } from "../db/repositories/leagues.js";
import type { Team } from "../db/repositories/teams.js";
import type { Member } from "../db/repositories/users.js";
import { leagueValue } from "../domain/league.js";
import { METRICS, type MetricKey } from "../domain/metrics.js";
import type { Plan, PlanPeriod } from "../domain/plans.js";
import { type Ranked, rankBy } from "../domain/ranking.js";
import type { Period } from "../domain/types.js";
import type { AppDeps } from "./deps.js";
import { planTargetOver } from "./fair-leaderboard.js";
import { toPlan } from "./scorecard.js";
import { teamSnapshot } from "./team-snapshot.js";

/** `/league`: per manager (averages of counts and money, team values of rates and times), or % of the team's plan. */
export type LeagueMode = "per_manager" | "plan";

export interface LeagueRow {
  team: Team;
  /** The viewer's own team. */
  mine: boolean;
  /** What the team is ranked by: the per-manager average, the team value, or % of plan. */
  value: number | null;
  /** How `value` was made: an average per active manager, the team's own value, or % of plan. */
  basis: "average" | "team" | "plan";
  /** People who logged at least one entry in the team during the period. */
  activeManagers: number;
  /** Plan mode: the team's value and its target over the period. */
  plan: { actual: number | null; target: number } | null;
  /** The team's best manager on the metric: only for the viewer's team or a team whose head shares names. */
  best: { name: string; value: number | null } | null;
}

export interface LeagueStandings {
  league: League;
  metric: MetricKey;
  period: Period;
  mode: LeagueMode;
  ranked: Ranked<LeagueRow>[];
  /** Plan mode: teams with no plan on the metric, listed apart. */
  noPlan: LeagueRow[];
}

const PERIOD_OF_KIND: Record<string, PlanPeriod> = { today: "day", week: "week", lastweek: "week", month: "month", lastmonth: "month" };

/** A team's own plan on the metric: its total ("team") first, else the one on each manager. */
function teamPlan(plans: Plan[], metric: MetricKey, period: Period): Plan | null {
  const wanted = PERIOD_OF_KIND[period.kind];
  const rank = (p: Plan) => (p.scope === "team" ? 0 : 10) + (p.period === wanted ? 0 : 1);
  return (
    plans.filter((p) => p.metric === metric && (p.scope === "team" || p.scope === "each")).sort((a, b) => rank(a) - rank(b))[0] ?? null
  );
}

/**
 * One team's row. Counts and money are averaged per active manager, so a team of
 * 3 can beat a team of 12; rates and times are the team's own value from its
 * totals (a ratio of sums, not an average of ratios). In plan mode: the team
 * total against a team plan, or the per-manager average (level: team value)
 * against a plan on each manager.
 */
function teamRow(
  deps: AppDeps,
  team: Team,
  viewer: Team,
  shareNames: boolean,
  metric: MetricKey,
  mode: LeagueMode,
  period: Period,
): LeagueRow {
  const snap = teamSnapshot(deps, team, period);
  const active = new Set(snap.activities.map((a) => a.userId)).size;
  const summable = METRICS[metric].summable;
  const total = snap.total[metric];
  const perManager = leagueValue(metric, total, active);
  const mine = team.id === viewer.id;
  let best: LeagueRow["best"] = null;
  if (mine || shareNames) {
    const top = rankBy(snap.people, metric, (m: Member) => snap.byUser.get(m.user.id)?.[metric] ?? null)[0];
    if (top && top.place !== null) best = { name: top.item.user.firstName, value: top.value };
  }
  const base = { team, mine, activeManagers: active, best };
  if (mode === "per_manager") return { ...base, value: perManager, basis: summable ? "average" : "team", plan: null };
  const plan = teamPlan(deps.repos.plans.list(team.id).map(toPlan), metric, period);
  if (!plan) return { ...base, value: null, basis: "plan", plan: null };
  const actual = plan.scope === "team" ? total : perManager;
  const target = planTargetOver(deps, team, plan, period, undefined);
  return {
    ...base,
    value: actual === null || !(target > 0) ? null : (actual / target) * 100,
    basis: "plan",
    plan: { actual, target },
  };
}

/**
 * The league's teams ranked on a metric over one period (resolved in the viewer's
 * team's zone and applied to every team alike); ties share a place.
 */
export function leagueStandings(
  deps: AppDeps,
  league: League,
  viewer: Team,
  metric: MetricKey,
  mode: LeagueMode,
  period: Period,
): LeagueStandings {
  const rows = deps.repos.leagues
    .members(league.id)
    .map((m) => teamRow(deps, m.team, viewer, m.membership.shareNames, metric, mode, period));
  const planned = mode === "plan" ? rows.filter((r) => r.plan !== null) : rows;
  return {
    league,
    metric,
    period,
    mode,
    ranked: rankBy(planned, metric, (r) => (r.value === null ? null : Math.round(r.value * 1000) / 1000)),
    noPlan: mode === "plan" ? rows.filter((r) => r.plan === null) : [],
  };
}

/** The team's league and its place in it, if it is in one. */
export function leagueOfTeam(deps: AppDeps, teamId: number) {
  return deps.repos.leagues.ofTeam(teamId);
}

/** A new league with the team in it; "already" (with that league) when the team is in one. */
export function createLeague(
  deps: AppDeps,
  teamId: number,
  name: string,
  now: number,
): { ok: true; league: League } | { ok: false; league: League } {
  const created = deps.repos.leagues.create(teamId, name, now);
  return created === "already" ? { ok: false, league: leagueOfTeam(deps, teamId)!.league } : { ok: true, league: created };
}

export type JoinLeague =
  | { status: "bad_code" }
  | { status: "already"; league: League }
  | { status: "joined"; league: League; members: LeagueMember[] };

/** The team joins the league with the code as typed (spaces, dashes and case do not matter). */
export function joinLeague(deps: AppDeps, teamId: number, typedCode: string, now: number): JoinLeague {
  const code = normalizeLeagueCode(typedCode);
  const league = code ? deps.repos.leagues.byCode(code) : undefined;
  if (!league) return { status: "bad_code" };
  const joined = deps.repos.leagues.join(teamId, league.id, now);
  if (!joined.ok) return { status: "already", league: joined.league };
  return { status: "joined", league, members: deps.repos.leagues.members(league.id) };
}

/** The team leaves its league; the league it left, if it was in one. */
export function leaveLeague(deps: AppDeps, teamId: number, now: number): League | undefined {
  return deps.repos.leagues.leave(teamId, now);
}

/** Whether the team's managers are named to the other teams; false when it is in no league. */
export function shareLeagueNames(deps: AppDeps, teamId: number, on: boolean): boolean {
  return deps.repos.leagues.setShareNames(teamId, on);
}
