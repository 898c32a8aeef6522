// Chart rendering for Telegram photos: PNG buffers from plain data.
export { barChart, lineChart, funnelChart, podiumChart } from "./charts.js";
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
export { renderChart, type ChartSize } from "./renderer.js";
export { formatCompact, formatNumber, truncateLabel, type ChartLocale } from "./format.js";
export { PALETTE, DEFAULT_SIZE, FONT_FAMILY, seriesColor } from "./theme.js";
