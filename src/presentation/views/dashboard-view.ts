// The Mini App's JSON: the dashboard services' data with every number already
// formatted by the bot's one formatter (so the page shows exactly what the chat
// shows) and raw values kept beside them for sorting and charts.

import type { Locale } from "../../config.js";
import type { Member } from "../../db/repositories/users.js";
import { visibleText } from "../../delivery/html-text.js";
import type { KpiValues } from "../../domain/kpi.js";
import { METRICS, type MetricKey, metricsOn } from "../../domain/metrics.js";
import type { Ranked } from "../../domain/ranking.js";
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

export interface Cell {
  v: number | null;
  text: string;
}

const cell = (key: MetricKey, v: number | null, locale: Locale): Cell => ({
  v,
  text: formatMetricValue(key, v, locale, { compact: true }),
});

function kpis(values: KpiValues, locale: Locale) {
  return metricsOn("compare").map((key) => ({ key, label: metricLabel(key, locale), ...cell(key, values[key], locale) }));
}

function plans(standings: PlanStanding[], locale: Locale) {
  return standings.map((s) => ({ metric: s.plan.metric, line: standingLine(s, locale), status: s.progress.status, pct: s.progress.pct }));
}

function trendJson(metric: MetricKey, points: TrendPoint[], locale: Locale) {
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

export function leaderboardJson(metric: MetricKey, ranked: Ranked<Member>[], locale: Locale) {
  return {
    metric,
    label: metricLabel(metric, locale),
    rows: ranked.map((r) => ({ place: r.place, userId: r.item.user.id, name: r.item.user.firstName, ...cell(metric, r.value, locale) })),
  };
}

export function headDashboardJson(d: HeadDashboard, locale: Locale) {
  const t = messages[locale];
  const snap = d.report.snapshot;
  return {
    role: "head" as const,
    team: snap.team.name,
    period: periodLabel(snap.period, locale),
    kpis: kpis(snap.total, locale),
    plans: plans(d.report.teamStandings, locale),
    compare: {
      metrics: metricsOn("compare").map((key) => ({ key, label: metricShort(key, locale), title: metricLabel(key, locale) })),
      rows: snap.people.map((p) => ({
        userId: p.user.id,
        name: p.user.firstName,
        cells: metricsOn("compare").map((key) => cell(key, snap.byUser.get(p.user.id)?.[key] ?? null, locale)),
      })),
      average: metricsOn("compare").map((key) => cell(key, d.average[key], locale)),
      total: metricsOn("compare").map((key) => cell(key, snap.total[key], locale)),
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
    trend: trendJson(d.trendMetric, d.trend, locale),
    leaderboard: leaderboardJson(d.leaderMetric, d.leaderboard, locale),
  };
}

export function personJson(v: PersonView, tz: string, locale: Locale) {
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
    kpis: kpis(v.values, locale),
    plans: plans(v.standings, locale),
    trend: trendJson(v.trendMetric, v.trend, locale),
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
export function coachJson(card: CoachCard, locale: Locale) {
  const s = messages[locale].miniapp.page;
  const { weakest, best } = card.focus;
  return {
    period: s.coachingPeriod(periodLabel(card.period, locale)),
    weakest: weakest ? { metric: weakest.metric, text: gapLine(weakest, locale) } : null,
    strongest: best ? { metric: best.metric, text: gapLine(best, locale) } : null,
    quizzes: card.quizzes.map((q) => ({ name: q.quiz, text: `${q.correct}/${q.total} (${q.percent} %)`, percent: q.percent })),
    programs: card.programs.map((p) => ({ name: p.name, text: `${p.done}/${p.total}${p.late ? ` · ${s.late}` : ""}`, late: p.late })),
  };
}
