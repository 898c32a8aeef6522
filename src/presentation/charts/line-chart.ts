import type { ChartConfiguration, Plugin } from "chart.js";
import { formatNumber } from "../format/number.js";
import { messages } from "../i18n/index.js";
import type { LineChartOptions, LineSeries } from "./chart-options.js";
import { truncateLabel, valueFormatter } from "./chart-text.js";
import { axisTicks, finite, targetText, titlePlugins } from "./layout.js";
import { noData, targetLine } from "./plugins.js";
import { LEGEND_DASH, renderChart } from "./renderer.js";
import { PALETTE, seriesColor, withAlpha } from "./theme.js";
import { TREND_LINE } from "./trend-line.js";

/** Time series (e.g. deals per day, revenue on a right axis); null values leave gaps. */
export async function lineChart(opts: LineChartOptions): Promise<Buffer> {
  return renderChart(lineChartConfig(opts));
}

/** The chart.js configuration lineChart renders (the tests read its geometry). */
export function lineChartConfig(opts: LineChartOptions): ChartConfiguration {
  const locale = opts.locale ?? "ru";
  const n = opts.labels.length;
  const data = opts.series.map((s) => opts.labels.map((_, j) => (finite(s.values[j]) ? s.values[j]! : null)));
  const isEmpty = n === 0 || data.flat().every((v) => v === null);
  const target = opts.target && finite(opts.target.value) && !isEmpty ? opts.target : null;
  const side = opts.series.map((s) => s.yAxis ?? "left");
  const hasRight = side.includes("right");
  const leftOnly = opts.series.filter((_, i) => side[i] === "left");
  const rightOnly = opts.series.filter((_, i) => side[i] === "right");
  const colors = opts.series.map((s, i) => s.color ?? seriesColor(i));
  const extent = (which: "left" | "right") => {
    const values = data
      .filter((_, i) => side[i] === which)
      .flat()
      .filter(finite);
    if (which === "left" && target) values.push(target.value);
    return Math.max(0, ...values.map(Math.abs));
  };
  const leftMax = extent("left");
  const rightMax = extent("right");
  const leftFormat = valueFormatter(opts.valueFormat, locale);
  const single = opts.series.length === 1;
  // An area fill reads well on a continuous line but turns into islands
  // around gaps, so it is kept for a single series without interior gaps.
  const interiorGap = (values: (number | null)[]) => {
    const first = values.findIndex((v) => v !== null);
    let last = values.length - 1;
    while (last >= 0 && values[last] === null) last--;
    return first >= 0 && values.slice(first, last + 1).includes(null);
  };
  const filled = single && !interiorGap(data[0] ?? []);
  const baseRadius = n <= 31 ? (single ? 4 : 3) : n <= 62 ? 2 : 0;
  // A value with gaps on both sides draws no line, so it always gets a visible dot.
  const radii = (values: (number | null)[]) =>
    values.map((v, j) => (v === null ? 0 : values[j - 1] == null && values[j + 1] == null ? Math.max(baseRadius, 4) : baseRadius));

  const datasets = opts.series.map((s, i) => ({
    label: s.label,
    data: data[i]!,
    yAxisID: side[i] === "right" ? "y1" : "y",
    borderColor: colors[i]!,
    backgroundColor: filled ? withAlpha(colors[i]!, 0.12) : colors[i]!,
    fill: filled ? ("origin" as const) : false,
    borderWidth: 3.5,
    pointRadius: radii(data[i]!),
    pointBackgroundColor: colors[i]!,
    pointBorderColor: PALETTE.background,
    pointBorderWidth: 1.5,
    ...TREND_LINE,
    spanGaps: false,
  }));

  // With two axes, tint each axis' ticks like its (only) series so it is clear which is which.
  const tint = (list: LineSeries[]) =>
    hasRight && list.length === 1 ? (list[0]!.color ?? colors[opts.series.indexOf(list[0]!)]!) : PALETTE.textMuted;
  const scales: Record<string, object> = {
    x: {
      grid: { display: false },
      ticks: { autoSkip: true, autoSkipPadding: 14, maxRotation: 0, minRotation: 0, maxTicksLimit: 31, color: PALETTE.text },
    },
    y: {
      position: "left",
      beginAtZero: true,
      display: !isEmpty,
      ...(isEmpty
        ? { min: 0, max: 10 }
        : {
            suggestedMax: leftMax * 1.08,
            ticks: { maxTicksLimit: 6, color: tint(leftOnly), callback: axisTicks(leftMax, locale, leftFormat) },
          }),
      grid: { color: PALETTE.grid, drawTicks: false },
    },
  };
  if (hasRight) {
    scales.y1 = {
      position: "right",
      beginAtZero: true,
      suggestedMax: rightMax * 1.08,
      ticks: {
        maxTicksLimit: 6,
        color: tint(rightOnly),
        callback: axisTicks(rightMax, locale, valueFormatter(opts.rightValueFormat, locale)),
      },
      grid: { drawOnChartArea: false, drawTicks: false },
    };
  }

  // The target: a dashed line (plugin) explained in the legend rather than
  // by a label on the plot, where it would sit on top of the series.
  const format = leftFormat ?? ((v: number) => formatNumber(v, locale, 1));
  const plugins: Plugin[] = [];
  const allDatasets: object[] = [...datasets];
  if (target) {
    plugins.push(targetLine({ value: target.value, label: "", scaleId: "y" }));
    allDatasets.push({
      label: targetText(target, format),
      data: [],
      yAxisID: "y",
      borderColor: PALETTE.target,
      backgroundColor: PALETTE.target,
      pointRadius: 0,
      [LEGEND_DASH]: [7, 4],
    });
  }
  plugins.push(noData(messages[locale].charts.noData, isEmpty));

  const config: ChartConfiguration<"line", (number | null)[], string> = {
    type: "line",
    data: { labels: opts.labels.map((l) => truncateLabel(l)), datasets: allDatasets as typeof datasets },
    options: {
      scales,
      plugins: {
        ...titlePlugins(opts),
        legend: { display: opts.series.length > 1 || target !== null, position: "top" },
      },
    },
    plugins,
  };
  return config as unknown as ChartConfiguration;
}
