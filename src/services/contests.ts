import type { Contest, Squad, SquadInput } from "../db/repositories/contests.js";
import type { Team } from "../db/repositories/teams.js";
import type { Member } from "../db/repositories/users.js";
import { isBusinessMetric } from "../domain/business-metrics.js";
import {
  CONTEST_PRIZE_MAX,
  type ContestKind,
  checkContestName,
  contestNameKey,
  contestSpan,
  contestStandings,
  contestValue,
  type DateError,
  type NameError,
  resolveContestDays,
  SQUAD_NAME_MAX,
  SQUADS_MAX,
  SQUADS_MIN,
} from "../domain/contests.js";
import { computeTeamKpis } from "../domain/kpi.js";
import { METRIC_KEYS, type MetricKey } from "../domain/metrics.js";
import { localDate } from "../domain/time.js";
import { mayShowMetric, TEAM_GROUP } from "../domain/trust-policy.js";
import type { Period } from "../domain/types.js";
import { businessContext } from "./business.js";
import type { Member as Actor, AppDeps } from "./deps.js";
import { teamPointWeights } from "./team-settings.js";
import { teamSnapshot } from "./team-snapshot.js";

/** What the head chose, before it is checked and stored. */
export interface ContestDraft {
  name: string;
  metric: MetricKey;
  startDate: string;
  endDate: string;
  kind: ContestKind;
  prize: string;
  squads: SquadInput[];
}

export type ContestError =
  | { code: "name"; error: NameError }
  | { code: "dates"; error: DateError }
  | { code: "taken"; name: string }
  | { code: "prize_too_long" }
  | { code: "squad_count" }
  | { code: "squad_name"; squad: string }
  | { code: "empty_squad"; squad: string }
  | { code: "private_metric" };

/** The team's local date today: contests may start today at the earliest. */
export function contestToday(team: Team, now: number): string {
  return localDate(now, team.timezone);
}

/** Checks a draft against the rules and the team's other contests; null when it can be stored. */
export function checkDraft(deps: AppDeps, team: Team, draft: ContestDraft, now: number): ContestError | null {
  const name = checkContestName(draft.name);
  if (!name.ok) return { code: "name", error: name.error };
  // Standings are posted to the group: a metric the group may not see can't be contested.
  if (!mayShowMetric(draft.metric, TEAM_GROUP)) return { code: "private_metric" };
  const days = resolveContestDays(draft.startDate, draft.endDate, contestToday(team, now));
  if (!days.ok) return { code: "dates", error: days.error };
  if (Array.from(draft.prize).length > CONTEST_PRIZE_MAX) return { code: "prize_too_long" };
  if (draft.kind === "squads") {
    if (draft.squads.length < SQUADS_MIN || draft.squads.length > SQUADS_MAX) return { code: "squad_count" };
    for (const s of draft.squads) {
      if (!s.name.trim() || Array.from(s.name).length > SQUAD_NAME_MAX) return { code: "squad_name", squad: s.name };
      if (s.userIds.length === 0) return { code: "empty_squad", squad: s.name };
    }
  }
  if (contestNameTaken(deps, team.id, name.name)) return { code: "taken", name: name.name };
  return null;
}

export function contestNameTaken(deps: AppDeps, teamId: number, name: string): boolean {
  return deps.repos.contests.byName(teamId, contestNameKey(name)) !== undefined;
}

/** Stores a checked contest (the check is repeated here: a flow may save long after it began). */
export function createContest(
  deps: AppDeps,
  member: Actor,
  draft: ContestDraft,
): { ok: true; contest: Contest } | { ok: false; error: ContestError } {
  const now = deps.now();
  const error = checkDraft(deps, member.team, draft, now);
  if (error) return { ok: false, error };
  const name = draft.name.replace(/\s+/g, " ").trim();
  const days = resolveContestDays(draft.startDate, draft.endDate, contestToday(member.team, now));
  if (!days.ok) return { ok: false, error: { code: "dates", error: days.error } };
  const span = contestSpan(days.startDate, days.endDate, member.team.timezone);
  const saved = deps.repos.contests.create(
    {
      teamId: member.team.id,
      name,
      nameKey: contestNameKey(name),
      metric: draft.metric,
      kind: draft.kind,
      startDate: days.startDate,
      endDate: days.endDate,
      ...span,
      prize: draft.prize.trim(),
      createdBy: member.user.id,
    },
    draft.kind === "squads" ? draft.squads.map((s) => ({ name: s.name.trim(), userIds: [...new Set(s.userIds)] })) : [],
  );
  if (!saved.ok) return { ok: false, error: { code: "taken", name } };
  deps.logger.info({ contest_id: saved.contest.id, team_id: member.team.id, kind: draft.kind }, "contest created");
  deps.onContestCreated?.();
  return { ok: true, contest: saved.contest };
}

/** One row of a standings table: a person or a squad. */
export interface StandingLine {
  name: string;
  value: number | null;
  place: number | null;
  gap: number | null;
  /** No longer in the team (shown with †). */
  former?: boolean;
}

export interface SquadLine extends StandingLine {
  members: StandingLine[];
}

/** A contest and where everyone stands: live while it runs, frozen once it ended. */
export interface ContestStandings {
  contest: Contest;
  metric: MetricKey;
  /** Individual contests: everyone; squad contests: empty. */
  rows: StandingLine[];
  /** Squad contests: squads ranked by their team value, each with its members. */
  squads: SquadLine[];
}

interface FrozenResult {
  rows: StandingLine[];
  squads: SquadLine[];
}

export function contestMetric(contest: Contest): MetricKey {
  return (METRIC_KEYS as readonly string[]).includes(contest.metric) ? (contest.metric as MetricKey) : "deals";
}

function contestPeriod(contest: Contest): Period {
  return { from: contest.startAt, to: contest.endAt, startDate: contest.startDate, endDate: contest.endDate, kind: "range" };
}

/**
 * Computes a contest's standings from the entries (two indexed range reads for the
 * team over the contest's days). Squads are valued like a team: from the squad's
 * entries together (a squad's conversion is its calls' conversion, not an average).
 */
export function computeStandings(deps: AppDeps, team: Team, contest: Contest, squads?: Squad[]): ContestStandings {
  const metric = contestMetric(contest);
  const period = contestPeriod(contest);
  const squadList = contest.kind === "squads" ? (squads ?? deps.repos.contests.squadsOf(contest.id)) : [];
  const only = contest.kind === "squads" ? squadList.flatMap((s) => s.userIds) : undefined;
  const snap = teamSnapshot(deps, team, period, only, { business: isBusinessMetric(metric) });
  const current = new Set(deps.repos.memberships.listTeam(team.id).map((m) => m.user.id));
  const personValue = (m: Member) => contestValue(metric, snap.byUser.get(m.user.id)?.[metric] ?? null);
  const line = (r: { item: Member; value: number | null; place: number | null; gap: number | null }): StandingLine => ({
    name: r.item.user.firstName,
    value: r.value,
    place: r.place,
    gap: r.gap,
    ...(current.has(r.item.user.id) ? {} : { former: true }),
  });
  if (contest.kind === "individual") {
    return { contest, metric, rows: contestStandings(snap.people, metric, personValue).map(line), squads: [] };
  }
  const byId = new Map(snap.people.map((p) => [p.user.id, p]));
  const valued = squadList.map((s) => {
    const ids = new Set(s.userIds);
    const total = computeTeamKpis({
      activities: snap.activities.filter((a) => ids.has(a.userId)),
      timelines: snap.timelines.filter((t) => ids.has(t.ownerId)),
      period,
      // A squad is valued like a team: the team's point weights, its members' customers.
      weights: teamPointWeights(team),
      business: isBusinessMetric(metric) ? businessContext(deps, team, s.userIds) : undefined,
    });
    const members = s.userIds.flatMap((id) => byId.get(id) ?? []);
    return { squad: s, value: contestValue(metric, total[metric]), members: contestStandings(members, metric, personValue).map(line) };
  });
  const ranked = contestStandings(valued, metric, (v) => v.value);
  return {
    contest,
    metric,
    rows: [],
    squads: ranked.map((r) => ({ name: r.item.squad.name, value: r.value, place: r.place, gap: r.gap, members: r.item.members })),
  };
}

/** The standings to show: the frozen result of a finished contest, else computed now. */
export function contestStandingsNow(deps: AppDeps, team: Team, contest: Contest): ContestStandings {
  if (contest.status === "finished" && contest.result) {
    const frozen = contest.result as unknown as FrozenResult;
    return { contest, metric: contestMetric(contest), rows: frozen.rows ?? [], squads: frozen.squads ?? [] };
  }
  return computeStandings(deps, team, contest);
}

/** The result kept when a contest ends (plain JSON). */
export function freezeResult(standings: ContestStandings): Record<string, unknown> {
  const frozen: FrozenResult = { rows: standings.rows, squads: standings.squads };
  return frozen as unknown as Record<string, unknown>;
}

/** Looks a contest up by its typed name (case and ё/е ignored). */
export function findContest(deps: AppDeps, team: Team, typed: string): Contest | undefined {
  return deps.repos.contests.byName(team.id, contestNameKey(typed));
}

/** Marks the team's running contests that an entry of `userId` at `at` may change. */
export function markContestsDirty(deps: AppDeps, teamId: number, userId: number, at: number): void {
  deps.repos.contests.markDirty(teamId, userId, at, deps.now());
}

/** The team's contests, past and running. */
export function teamContests(deps: AppDeps, teamId: number): Contest[] {
  return deps.repos.contests.listTeam(teamId);
}
