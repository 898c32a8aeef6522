import type { Team } from "../db/repositories/teams.js";
import type { Member } from "../db/repositories/users.js";
import type { MetricKey } from "../domain/metrics.js";
import { type Ranked, rankBy } from "../domain/ranking.js";
import type { Period } from "../domain/types.js";
import type { AppDeps } from "./deps.js";
import { teamSnapshot } from "./team-snapshot.js";

/** The team ranked by a metric over a period; revenue breaks display ties. */
export function leaderboard(deps: AppDeps, team: Team, metric: MetricKey, period: Period): Ranked<Member>[] {
  const snap = teamSnapshot(deps, team, period);
  const value = (m: Member) => snap.byUser.get(m.user.id)?.[metric] ?? null;
  const second = (m: Member) => snap.byUser.get(m.user.id)?.["revenue"] ?? null;
  return rankBy(snap.people, metric, value, metric === "revenue" ? undefined : second);
}
