// Who the evening nudge reminds of their plans: a manager whose plan is behind pace.
import type { Team } from "../db/repositories/teams.js";
import { type Audience, mayShowMetric } from "../domain/trust-policy.js";
import type { AppDeps } from "./deps.js";
import { type PlanStanding, planStandings } from "./scorecard.js";

/**
 * A manager's plans that are behind or at risk at `now` and that `audience` (the
 * manager, where the nudge goes) may see. Daily plans are left out: in the evening
 * a day's plan says more about the day's hours than about the pace.
 */
export function plansBehindPace(deps: AppDeps, team: Team, userId: number, now: number, audience: Audience): PlanStanding[] {
  return planStandings(deps, team, userId, now).filter(
    (s) =>
      s.plan.period !== "day" &&
      (s.progress.status === "behind" || s.progress.status === "at_risk") &&
      mayShowMetric(s.plan.metric, audience, "self"),
  );
}
