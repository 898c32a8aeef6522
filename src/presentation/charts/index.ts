// Chart rendering for Telegram photos: PNG buffers from plain data.

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
} from "./charts.js";
export { barChart, funnelChart, lineChart, podiumChart } from "./charts.js";
export { type ChartLocale, formatCompact, formatNumber, truncateLabel } from "./format.js";
export { type ChartSize, renderChart } from "./renderer.js";
export { DEFAULT_SIZE, FONT_FAMILY, PALETTE, seriesColor } from "./theme.js";
