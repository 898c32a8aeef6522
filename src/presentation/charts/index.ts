// Chart rendering for Telegram photos: PNG buffers from plain data.

export { barChart } from "./bar-chart.js";
export type {
  BarChartOptions,
  BarSeries,
  ChartTarget,
  FunnelChartOptions,
  FunnelStage,
  LineChartOptions,
  LineSeries,
  PodiumChartOptions,
  PodiumEntry,
} from "./chart-options.js";
export { truncateLabel } from "./chart-text.js";
export { funnelChart } from "./funnel-chart.js";
export { lineChart } from "./line-chart.js";
export { podiumChart } from "./podium-chart.js";
export { type ChartSize, renderChart } from "./renderer.js";
export { DEFAULT_SIZE, FONT_FAMILY, PALETTE, seriesColor } from "./theme.js";
