import type { Funnel } from "../../domain/funnel.js";
import type { Locale } from "../../domain/locales.js";
import { METRICS, type MetricKey } from "../../domain/metrics.js";
import type { PlanPeriod } from "../../domain/plans.js";
import type { Period, Stage } from "../../domain/types.js";
import type { ReportTable } from "../../services/custom-report.js";
import { barChart, type ChartTarget, funnelChart, lineChart } from "../charts/index.js";
import { displayValue, formatMetricValue } from "../format/metric-value.js";
import { periodLabel } from "../format/period-label.js";
import { messages } from "../i18n/index.js";
import { metricLabel } from "../i18n/metric-words.js";
import { rowLabel } from "./custom-report-view.js";
import type { PlanVM } from "./view-models.js";

// Charts in the metric's own unit: money shown in rubles, times in hours.

const PERIOD_OF_PLAN: Record<string, PlanPeriod> = { today: "day", week: "week", month: "month", quarter: "quarter" };

/**
 * The per-manager target to draw: a plan for each manager on this metric over the
 * same kind of period as the report (a monthly plan on a monthly report).
 */
export function targetFor(plans: PlanVM[], metric: MetricKey, period: Period, locale: Locale): ChartTarget | null {
  const kind = PERIOD_OF_PLAN[period.kind];
  const plan = plans.find((p) => p.metric === metric && p.scope === "each" && p.period === kind);
  if (!plan) return null;
  return {
    value: displayValue(metric, plan.value)!,
    label: `${messages[locale].charts.plan}: ${formatMetricValue(metric, plan.value, locale, { compact: true })}`,
  };
}

export function subtitle(team: string, period: Period, locale: Locale): string {
  return `${team} · ${periodLabel(period, locale)}`;
}

/** Bars per manager (first metric) or lines over time (first two metrics, two axes when units differ). */
export function reportChart(title: string, team: string, report: ReportTable, locale: Locale, plans: PlanVM[]): Promise<Buffer> {
  const [m1, m2] = report.metrics as [MetricKey, MetricKey | undefined];
  const sub = subtitle(team, report.period, locale);
  if (report.grouping === "manager") {
    return barChart({
      title: `${title}: ${metricLabel(m1, locale)}`,
      subtitle: sub,
      locale,
      labels: report.rows.map((r) => (report.grouping === "manager" ? r.label : rowLabel(report, r.label, locale))),
      series: [{ label: metricLabel(m1, locale), values: report.rows.map((r) => displayValue(m1, r.values[0] ?? null)) }],
      target: targetFor(plans, m1, report.period, locale),
      valueFormat: m1,
    });
  }
  const second = m2 !== undefined;
  const sameUnit = second && METRICS[m1].unit === METRICS[m2].unit;
  return lineChart({
    title,
    subtitle: sub,
    locale,
    labels: report.rows.map((r) => (report.grouping === "manager" ? r.label : rowLabel(report, r.label, locale))),
    series: [
      { label: metricLabel(m1, locale), values: report.rows.map((r) => displayValue(m1, r.values[0] ?? null)), yAxis: "left" },
      ...(second
        ? [
            {
              label: metricLabel(m2, locale),
              values: report.rows.map((r) => displayValue(m2, r.values[1] ?? null)),
              yAxis: sameUnit ? ("left" as const) : ("right" as const),
            },
          ]
        : []),
    ],
    valueFormat: m1,
    ...(second ? { rightValueFormat: m2 } : {}),
  });
}

/** A stage's word as a chart label: "квалификация" → "Квалификация" ("КП" stays). */
const stageLabel = (stage: Stage, locale: Locale) => {
  const word = messages[locale].stage[stage];
  return word.charAt(0).toLocaleUpperCase(locale) + word.slice(1);
};

export function funnelChartFor(title: string, team: string, period: Period, funnel: Funnel, locale: Locale): Promise<Buffer> {
  return funnelChart({
    title,
    subtitle: subtitle(team, period, locale),
    locale,
    stages: funnel.steps.map((s) => ({ label: stageLabel(s.stage, locale), count: s.reached, lost: s.lost })),
  });
}
