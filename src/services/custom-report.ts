import type { Team } from "../db/repositories/teams.js";
import { timeSeries } from "../domain/kpi.js";
import { METRICS, type MetricKey } from "../domain/metrics.js";
import { checkPeriod, type PeriodLimit, PeriodLimitError } from "../domain/period-bounds.js";
import { rankBy } from "../domain/ranking.js";
import { autoGrouping, type ReportDefinition } from "../domain/report-definition.js";
import type { Period } from "../domain/types.js";
import { businessContext } from "./business.js";
import type { AppDeps } from "./deps.js";
import { teamPointWeights, teamWeekStart } from "./team-settings.js";
import { teamSnapshot } from "./team-snapshot.js";

/** A report's numbers: one row per manager or per time bucket, one column per metric. */
export interface ReportTable {
  grouping: "manager" | "day" | "week" | "month";
  metrics: MetricKey[];
  /** `label`: the manager's first name, or the bucket's first date ("2026-11-01"; "2026-11" for months). */
  rows: { label: string; userId?: number; values: (number | null)[] }[];
  /** Team total (manager grouping) or whole-period value (time grouping). */
  total: (number | null)[];
  period: Period;
}

const groupingOf = (def: ReportDefinition, period: Period) => (def.grouping === "auto" ? autoGrouping(period) : def.grouping);

/** Null when the definition may run over the period: the period, and its rows over time, within the shared bound. */
export function reportLimit(team: Team, def: ReportDefinition, period: Period): PeriodLimit | null {
  const grouping = groupingOf(def, period);
  return grouping === "manager" ? checkPeriod(period) : checkPeriod(period, { grouping, weekStart: teamWeekStart(team) });
}

/**
 * Runs a definition over a resolved period for a team, or only for `userIds`
 * (a manager sees only their own numbers).
 */
export function runReport(deps: AppDeps, team: Team, def: ReportDefinition, period: Period, userIds?: number[]): ReportTable {
  const limit = reportLimit(team, def, period);
  if (limit) throw new PeriodLimitError(limit);
  const snap = teamSnapshot(deps, team, period, userIds);
  const total = def.metrics.map((m) => snap.total[m]);
  const grouping = groupingOf(def, period);
  if (grouping === "manager") {
    const sortKey = def.sort ?? def.metrics[0]!;
    const ranked = rankBy(snap.people, sortKey, (p) => snap.byUser.get(p.user.id)![sortKey]);
    return {
      grouping,
      metrics: def.metrics,
      rows: ranked.map(({ item }) => ({
        label: item.user.firstName,
        userId: item.user.id,
        values: def.metrics.map((m) => snap.byUser.get(item.user.id)![m]),
      })),
      total,
      period,
    };
  }
  const opts = {
    weekStart: teamWeekStart(team),
    timelines: snap.timelines,
    weights: teamPointWeights(team),
    business: businessContext(deps, team, userIds ?? null),
  };
  const series = def.metrics.map((m) => timeSeries(snap.activities, period, team.timezone, grouping, m, opts));
  let rows = series[0]!.map((point, i) => ({ label: point.key, values: series.map((s) => s[i]!.value) }));
  if (def.sort) {
    const idx = def.metrics.indexOf(def.sort);
    if (idx >= 0) {
      const dir = METRICS[def.sort].direction === "at_most" ? 1 : -1;
      rows = [...rows].sort((a, b) => {
        const x = a.values[idx] ?? null;
        const y = b.values[idx] ?? null;
        if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
        return dir * (x - y);
      });
    }
  }
  return { grouping, metrics: def.metrics, rows, total, period };
}

/** The team's saved reports. */
export function savedReports(deps: AppDeps, teamId: number) {
  return deps.repos.savedReports.list(teamId);
}

/** A saved report of the team by name, or null. */
export function savedReport(deps: AppDeps, teamId: number, name: string) {
  return deps.repos.savedReports.byName(teamId, name);
}
