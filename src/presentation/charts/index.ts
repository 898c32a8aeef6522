// Chart rendering for Telegram photos: PNG buffers from plain data. This module loads
// neither chart.js nor the canvas: draw.js (and with it chart.js, node-canvas and its
// native libraries, about 20 MB) is imported on the first chart, not at start.
//
// Drawn on the main thread: a chart holds it up to about 15 ms once warm (the PNG is
// encoded on libuv's pool; the first chart also loads the libraries, 60–80 ms). A worker thread cost about 10 MB more while it lived, and
// node-canvas crashes the whole process (SIGSEGV) when a thread that drew with it exits,
// so an idle worker could never be stopped to give its memory back.

import type { BarChartOptions, FunnelChartOptions, LineChartOptions, PodiumChartOptions } from "./chart-options.js";
import type { ChartJob } from "./draw.js";

export type {
  BarChartOptions,
  BarSeries,
  ChartTarget,
  ChartValueFormat,
  FunnelChartOptions,
  FunnelStage,
  LineChartOptions,
  LineSeries,
  PodiumChartOptions,
  PodiumEntry,
} from "./chart-options.js";
export { truncateLabel } from "./chart-text.js";
export type { ChartSize } from "./renderer.js";
export { DEFAULT_SIZE, FONT_FAMILY, PALETTE, seriesColor } from "./theme.js";

let drawing: Promise<typeof import("./draw.js")> | undefined;

function draw(job: ChartJob): Promise<Buffer> {
  drawing ??= import("./draw.js").catch((err: unknown) => {
    drawing = undefined; // the next chart tries again
    throw err;
  });
  return drawing.then((m) => m.drawChart(job));
}

/** Bar chart: KPI progress per manager, with an optional dashed target line. */
export const barChart = (options: BarChartOptions): Promise<Buffer> => draw({ kind: "bar", options });
/** Lines over time, one or two axes. */
export const lineChart = (options: LineChartOptions): Promise<Buffer> => draw({ kind: "line", options });
export const funnelChart = (options: FunnelChartOptions): Promise<Buffer> => draw({ kind: "funnel", options });
export const podiumChart = (options: PodiumChartOptions): Promise<Buffer> => draw({ kind: "podium", options });
