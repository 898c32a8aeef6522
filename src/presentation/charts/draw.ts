// The chart kinds and their in-thread drawing functions: what the worker runs, and
// what crosses to it ({ kind, options }), defined once.
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

/** Draws on this thread (the worker's side; a bench's naive path). */
export const DRAW_IN_THREAD: { [K in ChartKind]: (options: ChartOptionsByKind[K]) => Promise<Buffer> } = {
  bar: barChart,
  line: lineChart,
  funnel: funnelChart,
  podium: podiumChart,
};

export function drawInThread(job: ChartJob): Promise<Buffer> {
  return (DRAW_IN_THREAD[job.kind] as (o: ChartJob["options"]) => Promise<Buffer>)(job.options);
}
