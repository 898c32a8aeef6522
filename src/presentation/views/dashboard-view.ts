// The Mini App's JSON: the dashboard services' data with every number already
// formatted by the bot's one formatter (so the page shows exactly what the chat
// shows) and raw values kept beside them for sorting and charts.

import { visibleText } from "../../delivery/html-text.js";
import type { KpiValues } from "../../domain/kpi.js";
import type { Locale } from "../../domain/locales.js";
import { KPI_GROUPS, kpiGroup, METRICS, type MetricKey } from "../../domain/metrics.js";
import type { Ranked } from "../../domain/ranking.js";
import { type Audience, mayShowField, mayShowMetric, metricsFor } from "../../domain/trust-policy.js";
import type { CoachCard } from "../../services/coaching.js";
import type { HeadDashboard, PersonView, TrendPoint } from "../../services/dashboard.js";
import type { PlanStanding } from "../../services/scorecard.js";
import { formatMetricValue } from "../format/metric-value.js";
import { periodLabel } from "../format/period-label.js";
import { messages } from "../i18n/index.js";
import { metricLabel, metricShort } from "../i18n/metric-words.js";
import { gapLine } from "./coaching-view.js";
import { describeEntry } from "./entry-messages.js";
import { standingLine } from "./plan-progress.js";
import type { PersonVM } from "./view-models.js";

export interface Cell {
  v: number | null;
  text: string;
}

const cell = (key: MetricKey, v: number | null, locale: Locale): Cell => ({
  v,
  text: formatMetricValue(key, v, locale, { compact: true }),
});

/** The KPI tiles, each tagged with its group (activity, results, business), and the groups that have tiles. */
function kpiJson(values: KpiValues, locale: Locale, audience: Audience) {
  const tiles = metricsFor("compare", audience).map((key) => ({
    key,
    group: kpiGroup(key),
    label: metricLabel(key, locale),
    ...cell(key, values[key], locale),
  }));
  const names = messages[locale].miniapp.page.groups;
  const groups = KPI_GROUPS.filter((g) => tiles.some((k) => k.group === g)).map((key) => ({ key, label: names[key] }));
  return { kpis: tiles, kpiGroups: groups };
}

function plans(standings: PlanStanding[], locale: Locale, audience: Audience) {
  return standings
    .filter((s) => mayShowMetric(s.plan.metric, audience))
    .map((s) => ({ metric: s.plan.metric, line: standingLine(s, locale), status: s.progress.status, pct: s.progress.pct }));
}

function trendJson(metric: MetricKey, points: TrendPoint[], locale: Locale, audience: Audience) {
  if (!mayShowMetric(metric, audience)) return null;
  return {
    metric,
    label: metricLabel(metric, locale),
    // Money is plotted in rubles, durations in hours: readable axis numbers.
    labels: points.map((p) => (p.key.length === 10 ? `${p.key.slice(8, 10)}.${p.key.slice(5, 7)}` : p.key)),
    values: points.map((p) => plotValue(metric, p.value)),
    texts: points.map((p) => formatMetricValue(metric, p.value, locale, { compact: true })),
  };
}

function plotValue(metric: MetricKey, v: number | null): number | null {
  if (v === null) return null;
  const unit = METRICS[metric].unit;
  return unit === "money" ? v / 100 : unit === "duration" ? Math.round((v / 3_600_000) * 10) / 10 : v;
}

/** A leaderboard for `audience`: null when the metric is not theirs to see; user ids only where the policy allows. */
export function leaderboardJson(metric: MetricKey, ranked: Ranked<PersonVM>[], locale: Locale, audience: Audience) {
  if (!mayShowMetric(metric, audience)) return null;
  const ids = mayShowField("user_ids", audience);
  return {
    metric,
    label: metricLabel(metric, locale),
    rows: ranked.map((r) => ({
      place: r.place,
      ...(ids ? { userId: r.item.user.id } : {}),
      name: r.item.user.firstName,
      ...cell(metric, r.value, locale),
    })),
  };
}

export function headDashboardJson(d: HeadDashboard, locale: Locale, audience: Audience) {
  const t = messages[locale];
  const snap = d.report.snapshot;
  const shown = metricsFor("compare", audience);
  return {
    role: "head" as const,
    team: snap.team.name,
    period: periodLabel(snap.period, locale),
    ...kpiJson(snap.total, locale, audience),
    plans: plans(d.report.teamStandings, locale, audience),
    compare: {
      metrics: shown.map((key) => ({ key, label: metricShort(key, locale), title: metricLabel(key, locale) })),
      rows: snap.people.map((p) => ({
        userId: p.user.id,
        name: p.user.firstName,
        cells: shown.map((key) => cell(key, snap.byUser.get(p.user.id)?.[key] ?? null, locale)),
      })),
      average: shown.map((key) => cell(key, d.average[key], locale)),
      total: shown.map((key) => cell(key, snap.total[key], locale)),
    },
    funnel: {
      cohort: d.funnel.cohort,
      cohortText: t.miniapp.page.cohort(d.funnel.cohort),
      steps: d.funnel.steps.map((s) => ({
        stage: s.stage,
        label: t.stage[s.stage],
        reached: s.reached,
        conversion: s.conversion === null ? "—" : formatMetricValue("call_conversion", s.conversion, locale),
        lost: s.lost,
        reasons: s.topReasons.map((r) => `${r.reason ?? t.miniapp.page.noReason} × ${r.count}`),
      })),
      worst: d.funnel.worstStage,
    },
    trend: trendJson(d.trendMetric, d.trend, locale, audience),
    leaderboard: leaderboardJson(d.leaderMetric, d.leaderboard, locale, audience),
  };
}

export function personJson(v: PersonView, tz: string, locale: Locale, audience: Audience) {
  const t = messages[locale];
  const when = new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
    timeZone: tz,
    day: "2-digit",
    month: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  return {
    userId: v.member.user.id,
    name: v.member.user.firstName,
    ...kpiJson(v.values, locale, audience),
    plans: plans(v.standings, locale, audience),
    trend: trendJson(v.trendMetric, v.trend, locale, audience),
    recent: v.recent.map((a) => {
      const details = visibleText(describeEntry(a, locale));
      return { when: when.format(a.occurredAt), text: details ? `${t.kindName[a.kind]} · ${details}` : t.kindName[a.kind] };
    }),
  };
}

/**
 * The essentials of a manager's `/coach` card for a head's drill-down: weakest and
 * strongest metric against the team (the same words as the card), quiz scores and
 * program progress. Heads' private notes stay in the chat card.
 */
export function coachJson(card: CoachCard, locale: Locale, audience: Audience) {
  const s = messages[locale].miniapp.page;
  const seen = <T extends { metric: MetricKey }>(g: T | null) => (g && mayShowMetric(g.metric, audience) ? g : null);
  const weakest = seen(card.focus.weakest);
  const best = seen(card.focus.best);
  return {
    period: s.coachingPeriod(periodLabel(card.period, locale)),
    weakest: weakest ? { metric: weakest.metric, text: gapLine(weakest, locale) } : null,
    strongest: best ? { metric: best.metric, text: gapLine(best, locale) } : null,
    quizzes: card.quizzes.map((q) => ({ name: q.quiz, text: `${q.correct}/${q.total} (${q.percent} %)`, percent: q.percent })),
    programs: card.programs.map((p) => ({ name: p.name, text: `${p.done}/${p.total}${p.late ? ` · ${s.late}` : ""}`, late: p.late })),
  };
}
