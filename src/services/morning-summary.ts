import type { Locale } from "../config.js";
import type { Team } from "../db/repositories/teams.js";
import { formatMetricValue, type MetricKey, metricsOn } from "../domain/metrics.js";
import { periodLabel, resolvePeriod } from "../domain/periods.js";
import { rankBy } from "../domain/ranking.js";
import { readTeamSettings } from "../domain/team-settings.js";
import { addDays, isoWeekday, localDate } from "../domain/time.js";
import { barChart } from "../presentation/charts/index.js";
import { clip, escapeHtml, fitHtml, MAX_CAPTION, pre } from "../presentation/html.js";
import { messages } from "../presentation/i18n/index.js";
import { metricLabel } from "../presentation/i18n/metric-words.js";
import { cell, head } from "../presentation/views/cells.js";
import { firstName } from "../presentation/views/report-view.js";
import { renderTable } from "../presentation/views/table.js";
import type { AppDeps } from "./deps.js";
import { subtitle, targetFor, unitValue } from "./report-charts.js";
import { planStandings } from "./scorecard.js";
import { snapshotSource } from "./team-report.js";
import { teamWeekStart } from "./team-settings.js";
import { teamSnapshot } from "./team-snapshot.js";

export interface PostContent {
  html: string;
  chart: (() => Promise<Buffer>) | null;
  caption: string;
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
 * logged nothing, today's funnel alerts, and a KPI progress chart.
 */
export function buildMorningSummary(deps: AppDeps, team: Team, now: number, locale: Locale): PostContent {
  const t = messages[locale];
  const p = t.posts;
  const settings = readTeamSettings(team.settings);
  const metric = settings.mainMetric;
  const tz = team.timezone;
  const today = localDate(now, tz);
  const dayBefore = previousWorkday(today, settings.workdays);
  const yesterday = resolvePeriod(
    {
      kind: "date",
      date: { year: Number(dayBefore.slice(0, 4)), month: Number(dayBefore.slice(5, 7)), day: Number(dayBefore.slice(8, 10)) },
    },
    now,
    tz,
  );
  const month = resolvePeriod({ kind: "month" }, now, tz, { weekStart: teamWeekStart(team) });
  const day = teamSnapshot(deps, team, yesterday);
  const people = day.people.filter((m) => m.membership.role === "manager" || day.activities.some((a) => a.userId === m.user.id));

  // Daily plans, shown next to the figure they bind ("12/20"); a personal plan beats "each".
  const dailyPlans = deps.repos.plans.list(team.id).filter((plan) => plan.period === "day");
  const dailyTarget = (key: string, userId: number) =>
    (
      dailyPlans.find((plan) => plan.metric === key && plan.scope === "user" && plan.userId === userId) ??
      dailyPlans.find((plan) => plan.metric === key && plan.scope === "each")
    )?.value;
  const withPlan = (key: MetricKey, userId: number) => {
    const v = day.byUser.get(userId)![key];
    const target = dailyTarget(key, userId);
    return target === undefined ? cell(key, v, locale) : `${cell(key, v, locale)}/${cell(key, target, locale)}`;
  };
  const cols = metricsOn("summary");
  const rows = people.map((m) => [firstName(m.user.firstName), ...cols.map((k) => withPlan(k, m.user.id))]);
  rows.push([locale === "ru" ? "Итого" : "Total", ...cols.map((k) => cell(k, day.total[k], locale))]);
  const table = renderTable(
    [{ title: locale === "ru" ? "Кто" : "Who", align: "left", max: 8 }, ...cols.map((k) => ({ title: head(k, locale) }))],
    rows,
  );

  const parts = [p.summaryTitle(escapeHtml(team.name), escapeHtml(periodLabel(yesterday, locale))), pre(table)];

  const ranked = rankBy(
    people,
    metric,
    (m) => day.byUser.get(m.user.id)![metric],
    (m) => day.byUser.get(m.user.id)!.revenue,
  );
  const top = ranked[0];
  if (top && top.value !== null && top.value > 0) {
    const v = day.byUser.get(top.item.user.id)!;
    const what = `${metricLabel(metric, locale)}: ${formatMetricValue(metric, top.value, locale)}${metric !== "revenue" && v.revenue ? `, ${formatMetricValue("revenue", v.revenue, locale)}` : ""}`;
    const tied = ranked
      .filter((r) => r.place === 1)
      .map((r) => escapeHtml(r.item.user.firstName))
      .join(", ");
    parts.push(p.best(tied, escapeHtml(what)));
  } else parts.push(p.nobodyBest);

  const idle = people.filter((m) => !day.activities.some((a) => a.userId === m.user.id)).map((m) => escapeHtml(m.user.firstName));
  parts.push(idle.length > 0 ? p.idle(idle.join(", ")) : p.allLogged);

  const monthLines: string[] = [];
  const monthSnap = teamSnapshot(deps, team, month);
  // Results first: the month line leads with what was won.
  const totals = [...metricsOn("summary", "results"), ...metricsOn("summary", "activity")].map(
    (k) => `${metricLabel(k, locale)} ${formatMetricValue(k, monthSnap.total[k], locale)}`,
  );
  monthLines.push(`${p.team}: ${escapeHtml(totals.join(" · "))}`);
  const source = snapshotSource(deps, team, monthSnap, day);
  // Daily plans were shown against yesterday above; at 09:00 today's would read as zero.
  for (const s of planStandings(deps, team, null, now, locale, source))
    if (s.plan.period !== "day") monthLines.push(`${p.team}: ${escapeHtml(s.line)}`);
  for (const m of people) {
    for (const s of planStandings(deps, team, m.user.id, now, locale, source))
      if (s.plan.period !== "day") monthLines.push(`${escapeHtml(firstName(m.user.firstName))}: ${escapeHtml(s.line)}`);
  }
  if (monthLines.length === 1) monthLines.push(p.noPlans);
  parts.push(`${p.monthSoFar(escapeHtml(periodLabel(month, locale)))}\n${monthLines.join("\n")}`);

  const alerts = deps.repos.posts.alertsOn(team.id, today).concat(deps.repos.posts.alertsOn(team.id, dayBefore));
  if (alerts.length > 0)
    parts.push(
      `${p.alertsTitle}\n${alerts
        .slice(0, 8)
        .map((a) => `• ${a.message}`)
        .join("\n")}`,
    );

  const chart =
    people.length === 0
      ? null
      : () => {
          const snap = monthSnap;
          const plans = deps.repos.plans.list(team.id);
          return barChart({
            title: `${metricLabel(metric, locale)} · ${periodLabel(month, locale)}`,
            subtitle: subtitle(team.name, month, locale),
            locale,
            labels: people.map((m) => m.user.firstName),
            series: [
              {
                label: metricLabel(metric, locale),
                values: people.map((m) => unitValue(metric, snap.byUser.get(m.user.id)?.[metric] ?? null)),
              },
            ],
            target: targetFor(plans, metric, month, locale),
          });
        };
  return {
    html: fitHtml(parts.join("\n")),
    chart,
    caption: clip(`${metricLabel(metric, locale)} · ${team.name} · ${periodLabel(month, locale)}`, MAX_CAPTION),
  };
}
