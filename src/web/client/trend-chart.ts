// The Mini App's trend chart configuration: plain data in, chart.js options out
// (no DOM), so the page and the tests build the very same chart.
import type { ChartConfiguration } from "chart.js";
import { TREND_LINE, trendAxisMin } from "../../presentation/charts/trend-line.js";

/** A trend as the server sends it (presentation/views/dashboard-view.ts). */
export interface TrendJson {
  label: string;
  labels: string[];
  values: (number | null)[];
  texts: string[];
}

export function trendChartConfig(
  trend: TrendJson,
  colors: { line: string; text: string },
): ChartConfiguration<"line", (number | null)[], string> {
  return {
    type: "line",
    data: {
      labels: trend.labels,
      datasets: [
        {
          label: trend.label,
          data: trend.values,
          borderColor: colors.line,
          backgroundColor: `${colors.line}33`,
          fill: true,
          ...TREND_LINE,
          spanGaps: true,
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      plugins: { tooltip: { callbacks: { label: (c) => trend.texts[c.dataIndex] ?? "" } } },
      scales: {
        x: { ticks: { color: colors.text } },
        y: { beginAtZero: true, min: trendAxisMin(trend.values), ticks: { color: colors.text } },
      },
    },
  };
}
