import type { PlanRow } from "../db/repositories/plans.js";
import type { Team } from "../db/repositories/teams.js";
import type { Member } from "../db/repositories/users.js";
import type { MetricKey } from "../domain/metrics.js";
import { resolvePeriod } from "../domain/periods.js";
import { type Ranked, rankBy } from "../domain/ranking.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { addDays, isoWeekday, localDate } from "../domain/time.js";
import type { Period } from "../domain/types.js";
import type { AppDeps } from "./deps.js";
import { type PlanStanding, planStandings } from "./scorecard.js";
import { snapshotSource } from "./team-report.js";
import { teamWeekStart } from "./team-settings.js";
import { type TeamSnapshot, teamSnapshot } from "./team-snapshot.js";

/** Everything the head's morning summary shows, as numbers. */
export interface MorningSummary {
  team: Team;
  /** The team's main metric (ranking, chart). */
  metric: MetricKey;
  /** The previous working day and the current month. */
  day: TeamSnapshot;
  month: TeamSnapshot;
  /** Managers, plus heads who logged something on the day. */
  people: Member[];
  /** A person's daily target for a day-table metric (metricsOn("summary")) (a personal plan beats "each"), if any. */
  dailyTarget: (metric: MetricKey, userId: number) => number | undefined;
  /** The day ranked by the main metric (revenue breaks ties). */
  ranked: Ranked<Member>[];
  /** People who logged nothing on the day. */
  idle: Member[];
  /** Non-daily plan standings: the team's, then each person's. */
  teamStandings: PlanStanding[];
  personStandings: { member: Member; standings: PlanStanding[] }[];
  /** Funnel alerts recorded today and on the summary's day, as worded when they fired. */
  alerts: string[];
  plans: PlanRow[];
  /** A CRM connection failing since this instant (the oldest such), or null: "CRM: not synced since …". */
  crmStaleSince: number | null;
}

/** The last working day before today (Monday's summary covers Friday). */
export function previousWorkday(today: string, workdays: number[]): string {
  let d = addDays(today, -1);
  for (let i = 0; i < 7 && !workdays.includes(isoWeekday(d)); i++) d = addDays(d, -1);
  return d;
}

/**
 * The head's morning summary: the previous working day per manager against
 * daily plans, the month so far against plans with pace, yesterday's best, who
 * logged nothing, and today's funnel alerts.
 */
export function buildMorningSummary(deps: AppDeps, team: Team, now: number): MorningSummary {
  const settings = readTeamSettings(team.settings);
  const metric = settings.mainMetric;
  const tz = team.timezone;
  const today = localDate(now, tz);
  const dayBefore = previousWorkday(today, settings.workdays);
  const yesterday: Period = resolvePeriod(
    {
      kind: "date",
      date: { year: Number(dayBefore.slice(0, 4)), month: Number(dayBefore.slice(5, 7)), day: Number(dayBefore.slice(8, 10)) },
    },
    now,
    tz,
  );
  const monthPeriod = resolvePeriod({ kind: "month" }, now, tz, { weekStart: teamWeekStart(team) });
  const day = teamSnapshot(deps, team, yesterday);
  const people = day.people.filter((m) => m.membership.role === "manager" || day.activities.some((a) => a.userId === m.user.id));
  const plans = deps.repos.plans.list(team.id);

  const dailyPlans = plans.filter((plan) => plan.period === "day");
  const dailyTarget = (key: MetricKey, userId: number) =>
    (
      dailyPlans.find((plan) => plan.metric === key && plan.scope === "user" && plan.userId === userId) ??
      dailyPlans.find((plan) => plan.metric === key && plan.scope === "each")
    )?.value;

  const ranked = rankBy(
    people,
    metric,
    (m) => day.byUser.get(m.user.id)![metric],
    (m) => day.byUser.get(m.user.id)!.revenue,
  );
  const idle = people.filter((m) => !day.activities.some((a) => a.userId === m.user.id));

  const month = teamSnapshot(deps, team, monthPeriod);
  const source = snapshotSource(deps, team, month, day);
  // Daily plans were shown against yesterday above; at 09:00 today's would read as zero.
  const notDaily = (s: PlanStanding) => s.plan.period !== "day";
  const teamStandings = planStandings(deps, team, null, now, source).filter(notDaily);
  const personStandings = people.map((member) => ({
    member,
    standings: planStandings(deps, team, member.user.id, now, source).filter(notDaily),
  }));

  const alerts = deps.repos.posts
    .alertsOn(team.id, today)
    .concat(deps.repos.posts.alertsOn(team.id, dayBefore))
    .map((a) => a.message);
  const failing = deps.repos.crm.activeOf(team.id).flatMap((c) => (c.failingSince === null ? [] : [c.lastSyncAt ?? c.createdAt]));
  const crmStaleSince = failing.length > 0 ? Math.min(...failing) : null;
  return { team, metric, day, month, people, dailyTarget, ranked, idle, teamStandings, personStandings, alerts, plans, crmStaleSince };
}
