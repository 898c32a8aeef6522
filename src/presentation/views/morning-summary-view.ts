import type { Locale } from "../../domain/locales.js";
import type { MetricKey } from "../../domain/metrics.js";
import { formatLocal } from "../../domain/time.js";
import { type Audience, mayShowField, mayShowMetric, metricsFor } from "../../domain/trust-policy.js";
import type { MorningSummary } from "../../services/morning-summary.js";
import { barChart } from "../charts/index.js";
import { type DocBlock, doc, table } from "../document/model.js";
import { docToHtml } from "../document/render.js";
import { displayValue, formatMetricValue } from "../format/metric-value.js";
import { periodLabel } from "../format/period-label.js";
import { clip, escapeHtml, MAX_CAPTION } from "../html.js";
import { messages } from "../i18n/index.js";
import { metricLabel } from "../i18n/metric-words.js";
import { metricCell, metricColumn } from "./metric-columns.js";
import { standingLine } from "./plan-progress.js";
import type { PostContent } from "./post-content.js";
import { subtitle, targetFor } from "./report-charts.js";
import { firstName } from "./report-view.js";

/** Funnel alerts shown at most, so the summary stays one message. */
const MAX_ALERTS = 8;

/**
 * The morning summary as a post: the day table, the best, who is idle, the month against plans, alerts, a chart.
 * `openFlags` adds the "⚠️ N flags: /flags" line where the policy lets `audience` see flags
 * (a head's private copy). Plans and columns on figures `audience` may not see are left out.
 */
export function renderMorningSummary(
  s: MorningSummary,
  locale: Locale,
  audience: Audience,
  opts: { openFlags?: number } = {},
): PostContent {
  const t = messages[locale];
  const p = t.posts;
  const { team, metric, day, month, people } = s;
  const cell = (key: MetricKey, v: number | null) => metricCell(key, v, locale);
  const withPlan = (key: MetricKey, userId: number) => {
    const v = day.byUser.get(userId)![key];
    const target = s.dailyTarget(key, userId);
    return target === undefined ? cell(key, v) : `${cell(key, v)}/${cell(key, target)}`;
  };
  // The day table: the summary's metrics, each against a daily plan when there is one.
  const cols = metricsFor("summary", audience);
  const rows = people.map((m) => [firstName(m.user.firstName), ...cols.map((k) => withPlan(k, m.user.id))]);
  rows.push([t.table.total, ...cols.map((k) => cell(k, day.total[k]))]);
  const dayTable = table([{ title: t.table.who, align: "left", max: 8 }, ...cols.map((k) => metricColumn(k, locale))], rows, {
    strong: [rows.length - 1],
  });

  const parts: (DocBlock | string)[] = [p.summaryTitle(escapeHtml(team.name), escapeHtml(periodLabel(day.period, locale))), dayTable];

  const top = s.ranked[0];
  if (top && top.value !== null && top.value > 0) {
    const v = day.byUser.get(top.item.user.id)!;
    const what = `${metricLabel(metric, locale)}: ${formatMetricValue(metric, top.value, locale)}${metric !== "revenue" && v.revenue ? `, ${formatMetricValue("revenue", v.revenue, locale)}` : ""}`;
    const tied = s.ranked
      .filter((r) => r.place === 1)
      .map((r) => escapeHtml(r.item.user.firstName))
      .join(", ");
    parts.push(p.best(tied, escapeHtml(what)));
  } else parts.push(p.nobodyBest);

  parts.push(s.idle.length > 0 ? p.idle(s.idle.map((m) => escapeHtml(m.user.firstName)).join(", ")) : p.allLogged);

  // Results first: the month line leads with what was won.
  const totals = [...metricsFor("summary", audience, "results"), ...metricsFor("summary", audience, "activity")].map(
    (k) => `${metricLabel(k, locale)} ${formatMetricValue(k, month.total[k], locale)}`,
  );
  const monthLines = [`${p.team}: ${escapeHtml(totals.join(" · "))}`];
  const seen = (st: { plan: { metric: MetricKey } }) => mayShowMetric(st.plan.metric, audience);
  for (const st of s.teamStandings.filter(seen)) monthLines.push(`${p.team}: ${escapeHtml(standingLine(st, locale))}`);
  for (const { member, standings } of s.personStandings) {
    for (const st of standings.filter(seen))
      monthLines.push(`${escapeHtml(firstName(member.user.firstName))}: ${escapeHtml(standingLine(st, locale))}`);
  }
  if (monthLines.length === 1) monthLines.push(p.noPlans);
  parts.push(`${p.monthSoFar(escapeHtml(periodLabel(month.period, locale)))}\n${monthLines.join("\n")}`);

  if (s.alerts.length > 0)
    parts.push(
      `${p.alertsTitle}\n${s.alerts
        .slice(0, MAX_ALERTS)
        .map((a) => `• ${a}`)
        .join("\n")}`,
    );

  if (opts.openFlags && mayShowField("flags", audience)) parts.push(t.flags.summaryLine(opts.openFlags));
  if (s.crmStaleSince !== null) parts.push(t.crm.morning(formatLocal(s.crmStaleSince, team.timezone, "DD.MM.YYYY HH:mm")));

  const label = metricLabel(metric, locale);
  const chart =
    people.length === 0
      ? null
      : () =>
          barChart({
            title: `${label} · ${periodLabel(month.period, locale)}`,
            subtitle: subtitle(team.name, month.period, locale),
            locale,
            labels: people.map((m) => m.user.firstName),
            series: [{ label, values: people.map((m) => displayValue(metric, month.byUser.get(m.user.id)?.[metric] ?? null)) }],
            target: targetFor(s.plans, metric, month.period, locale),
          });
  const summary = doc(...parts);
  return {
    html: docToHtml(summary),
    doc: summary,
    chart,
    caption: clip(`${label} · ${team.name} · ${periodLabel(month.period, locale)}`, MAX_CAPTION),
  };
}
