// The chart kinds and their drawing functions, defined once. This module loads chart.js
// and the canvas; index.ts imports it on the first chart, so a process that draws none
// never loads them.
import { barChart } from "./bar-chart.js";
import type { BarChartOptions, FunnelChartOptions, LineChartOptions, PodiumChartOptions } from "./chart-options.js";
import { funnelChart } from "./funnel-chart.js";
import { lineChart } from "./line-chart.js";
import { podiumChart } from "./podium-chart.js";

export interface ChartOptionsByKind {
  bar: BarChartOptions;
  line: LineChartOptions;
  funnel: FunnelChartOptions;
  podium: PodiumChartOptions;
}
export type ChartKind = keyof ChartOptionsByKind;

export type ChartJob = { [K in ChartKind]: { kind: K; options: ChartOptionsByKind[K] } }[ChartKind];

const DRAW: { [K in ChartKind]: (options: ChartOptionsByKind[K]) => Promise<Buffer> } = {
  bar: barChart,
  line: lineChart,
  funnel: funnelChart,
  podium: podiumChart,
};

export function drawChart(job: ChartJob): Promise<Buffer> {
  return (DRAW[job.kind] as (o: ChartJob["options"]) => Promise<Buffer>)(job.options);
}
