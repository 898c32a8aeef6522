import type { Team } from "../db/repositories/teams.js";
import type { Member } from "../db/repositories/users.js";
import { isBusinessMetric } from "../domain/business-metrics.js";
import { isRookie } from "../domain/fair-ranking.js";
import { metricSource } from "../domain/kpi.js";
import type { MetricKey } from "../domain/metrics.js";
import { type Ranked, rankBy } from "../domain/ranking.js";
import type { Period } from "../domain/types.js";
import type { AppDeps } from "./deps.js";
import { type TeamSnapshot, teamSnapshot } from "./team-snapshot.js";

/** The team ranked by a metric over a period; revenue breaks display ties. */
export function leaderboard(deps: AppDeps, team: Team, metric: MetricKey, period: Period, only?: (m: Member) => boolean): Ranked<Member>[] {
  // Only what the metric is built from (revenue, the tie-break, is built from entries).
  const snap = teamSnapshot(deps, team, period, undefined, {
    business: isBusinessMetric(metric),
    timelines: metricSource(metric) === "timelines",
  });
  return rankSnapshot(snap, metric, only);
}

/** A snapshot already read, ranked as leaderboard() ranks it. */
export function rankSnapshot(snap: TeamSnapshot, metric: MetricKey, only?: (m: Member) => boolean): Ranked<Member>[] {
  const people = only ? snap.people.filter(only) : snap.people;
  const value = (m: Member) => snap.byUser.get(m.user.id)?.[metric] ?? null;
  const second = (m: Member) => snap.byUser.get(m.user.id)?.["revenue"] ?? null;
  return rankBy(people, metric, value, metric === "revenue" ? undefined : second);
}

/** The plain ranking with rookies (first 30 days in the team) taken out and ranked on their own. */
export function leaderboardWithRookies(
  deps: AppDeps,
  team: Team,
  metric: MetricKey,
  period: Period,
  now: number,
): { main: Ranked<Member>[]; rookies: Ranked<Member>[] } {
  const rookie = (m: Member) => isRookie(m.membership.joinedAt, now);
  return {
    main: leaderboard(deps, team, metric, period, (m) => !rookie(m)),
    rookies: leaderboard(deps, team, metric, period, rookie),
  };
}
