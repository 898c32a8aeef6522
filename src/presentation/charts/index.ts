// Chart rendering for Telegram photos: PNG buffers from plain data, drawn in a chart
// process of its own (chart-pool.ts). This module loads neither chart.js nor the canvas.

import type { BarChartOptions, FunnelChartOptions, LineChartOptions, PodiumChartOptions } from "./chart-options.js";
import { chartPool } from "./chart-pool.js";

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

/** Bar chart: KPI progress per manager, with an optional dashed target line. */
export const barChart = (options: BarChartOptions): Promise<Buffer> => chartPool.draw({ kind: "bar", options });
/** Lines over time, one or two axes. */
export const lineChart = (options: LineChartOptions): Promise<Buffer> => chartPool.draw({ kind: "line", options });
export const funnelChart = (options: FunnelChartOptions): Promise<Buffer> => chartPool.draw({ kind: "funnel", options });
export const podiumChart = (options: PodiumChartOptions): Promise<Buffer> => chartPool.draw({ kind: "podium", options });
