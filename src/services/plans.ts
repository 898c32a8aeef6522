import type { PlanRow } from "../db/repositories/plans.js";
import type { Team } from "../db/repositories/teams.js";
import { METRICS, type MetricKey } from "../domain/metrics.js";
import { resolvePeriod } from "../domain/periods.js";
import {
  type PlanPeriod,
  type PlanScope,
  type PlanValueError,
  parsePlanValue,
  planPeriodSpecs,
  resolveRelativeTarget,
} from "../domain/plans.js";
import type { AppDeps } from "./deps.js";
import { kpisFor } from "./scorecard.js";
import { teamWeekStart } from "./team-settings.js";

export interface PlanInput {
  metric: MetricKey;
  period: PlanPeriod;
  scope: PlanScope;
  userId: number | null;
  valueText: string;
}

export type SetPlanResult = { ok: true; plan: PlanRow } | { ok: false; error: PlanValueError | "no_base" | "gone" | "changed" };

/** The plan an editor opened, as it was then: the save is refused if it changed since. */
export interface EditedPlan {
  id: number;
  updatedAt: number;
}

/**
 * The previous period's actual a relative ("+15 %") plan builds on: the person's
 * own, the team total, or — for a plan on each manager — the team's per-manager average.
 */
export function relativeBase(
  deps: AppDeps,
  team: Team,
  metric: MetricKey,
  period: PlanPeriod,
  scope: PlanScope,
  userId: number | null,
  now: number,
): number | null {
  const prev = resolvePeriod(planPeriodSpecs(period).previous, now, team.timezone, { weekStart: teamWeekStart(team) });
  if (scope === "user" && userId !== null) return kpisFor(deps, team, prev, [userId])[metric];
  const total = kpisFor(deps, team, prev)[metric];
  if (scope === "team" || total === null || !METRICS[metric].summable) return total;
  const managers = deps.repos.memberships.listTeam(team.id).filter((m) => m.membership.role === "manager").length;
  return total / Math.max(1, managers);
}

/** Validates a typed target and stores the plan (replacing the same metric/period/scope). */
export function setPlan(deps: AppDeps, team: Team, createdBy: number, input: PlanInput, now: number, editing?: EditedPlan): SetPlanResult {
  const parsed = parsePlanValue(input.metric, input.valueText);
  if ("error" in parsed) return { ok: false, error: parsed.error };
  let value: number;
  let relativePercent: number | null = null;
  if ("relativePercent" in parsed) {
    const base = relativeBase(deps, team, input.metric, input.period, input.scope, input.userId, now);
    const target = resolveRelativeTarget(base, parsed.relativePercent, input.metric);
    if (target === null) return { ok: false, error: "no_base" };
    value = Math.round(target);
    relativePercent = parsed.relativePercent;
  } else value = Math.round(parsed.value);
  if (editing) {
    const r = deps.repos.plans.replaceIfUnchanged(team.id, editing.id, editing.updatedAt, { value, relativePercent, createdBy }, now);
    return typeof r === "string" ? { ok: false, error: r } : { ok: true, plan: r };
  }
  const plan = deps.repos.plans.upsert(
    {
      teamId: team.id,
      metric: input.metric,
      value,
      relativePercent,
      period: input.period,
      scope: input.scope,
      userId: input.userId,
      createdBy,
    },
    now,
  );
  return { ok: true, plan };
}

/** The team's plans as stored. */
export function teamPlans(deps: AppDeps, teamId: number): PlanRow[] {
  return deps.repos.plans.list(teamId);
}

export function planById(deps: AppDeps, teamId: number, id: number): PlanRow | undefined {
  return deps.repos.plans.byId(teamId, id);
}

/** Removes a plan of the team; false when it is not (or no longer) there. */
export function removePlan(deps: AppDeps, teamId: number, id: number): boolean {
  return deps.repos.plans.remove(teamId, id);
}
