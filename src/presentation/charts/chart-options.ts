// What the chart builders take: plain data and labels, already in the reader's language.
// Plain data only (no functions): a chart job is data, whoever draws it.

import type { Locale } from "../../domain/locales.js";
import type { MetricKey } from "../../domain/metrics.js";

/** Values written in this metric's unit (`1,2 млн ₽`, `12,5 ч`); a plain compact number when absent. */
export type ChartValueFormat = MetricKey;

export interface ChartTarget {
  value: number;
  /**
   * Shown next to the line. The formatted value is appended ("План: 20")
   * unless the label already contains a digit.
   */
  label: string;
}

export interface CommonOptions {
  title: string;
  subtitle?: string;
  /** Number formatting and built-in words ("Нет данных"); "ru" by default. */
  locale?: Locale;
}

export interface BarSeries {
  label: string;
  values: (number | null)[];
  color?: string;
}

export interface BarChartOptions extends CommonOptions {
  labels: string[];
  series: BarSeries[];
  target?: ChartTarget | null;
  valueFormat?: ChartValueFormat;
  /** Bars grow to the right, names on the left. Default: true when there are more than 8 labels. */
  horizontal?: boolean;
  stacked?: boolean;
}

export interface LineSeries {
  label: string;
  values: (number | null)[];
  color?: string;
  yAxis?: "left" | "right";
}

export interface LineChartOptions extends CommonOptions {
  labels: string[];
  series: LineSeries[];
  target?: ChartTarget | null;
  /** Left axis ticks and the target label. */
  valueFormat?: ChartValueFormat;
  /** Right axis ticks. */
  rightValueFormat?: ChartValueFormat;
}

export interface FunnelStage {
  label: string;
  count: number;
  /** Leads lost at this stage (part of `count`), drawn in a muted colour. */
  lost?: number;
}

export interface FunnelChartOptions extends CommonOptions {
  stages: FunnelStage[];
  /** Text between stage i and i+1 ("62%"); computed from the counts when absent. */
  conversionLabels?: string[];
}

export interface PodiumEntry {
  name: string;
  value: number;
  /** 1-based; equal places (1, 2, 2, 4) share a badge colour. */
  place: number;
}

export interface PodiumChartOptions extends CommonOptions {
  entries: PodiumEntry[];
  valueFormat?: ChartValueFormat;
}
