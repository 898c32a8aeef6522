import type { ChartConfiguration, Plugin } from "chart.js";
import { messages } from "../i18n/index.js";
import type { BarChartOptions } from "./chart-options.js";
import { defaultValueFormat, estimateTextWidth, truncateLabel, valueFormatter } from "./chart-text.js";
import { axisTicks, CANVAS, categoryLayout, finite, headerHeight, lines, SIDE_PADDING, targetText, titlePlugins } from "./layout.js";
import { noData, targetLine, valueLabels } from "./plugins.js";
import { renderChart } from "./renderer.js";
import { FONT_SIZE, PALETTE, seriesColor } from "./theme.js";

/** Bar chart: KPI progress per manager, with an optional dashed target line. */
export async function barChart(opts: BarChartOptions): Promise<Buffer> {
  const locale = opts.locale ?? "ru";
  const n = opts.labels.length;
  const series = opts.series;
  const data = series.map((s) => opts.labels.map((_, j) => (finite(s.values[j]) ? s.values[j]! : null)));
  const all = data.flat();
  const format = valueFormatter(opts.valueFormat, locale) ?? defaultValueFormat(all, locale);
  const horizontal = opts.horizontal ?? n > 8;
  const stacked = !!opts.stacked && series.length > 1;
  const isEmpty = n === 0 || all.every((v) => v === null);
  const target = opts.target && finite(opts.target.value) && !isEmpty ? opts.target : null;
  const legend = series.length > 1;

  // Extent the value axis must show: bars (or stack totals) and the target.
  let hi = 0;
  let lo = 0;
  for (let j = 0; j < n; j++) {
    const column = data.map((d) => d[j] ?? null).filter(finite);
    if (stacked) {
      hi = Math.max(
        hi,
        column.filter((v) => v > 0).reduce((a, b) => a + b, 0),
      );
      lo = Math.min(
        lo,
        column.filter((v) => v < 0).reduce((a, b) => a + b, 0),
      );
    } else {
      for (const v of column) {
        hi = Math.max(hi, v);
        lo = Math.min(lo, v);
      }
    }
  }
  if (target) {
    hi = Math.max(hi, target.value);
    lo = Math.min(lo, target.value);
  }
  const maxAbs = Math.max(Math.abs(hi), Math.abs(lo));

  // Category labels and the room numbers at bar ends need.
  const plotHeight = CANVAS.height - headerHeight(opts, legend) - (horizontal ? 24 : 70) - (horizontal && target ? 40 : 0);
  let categoryLabels: (string | string[])[];
  let categorySize: number = FONT_SIZE.tick;
  let rotate = false;
  let skip = false;
  let headroom: number;
  if (horizontal) {
    categoryLabels = opts.labels.map((l) => truncateLabel(l));
    const row = plotHeight / Math.max(n, 1);
    categorySize = Math.max(FONT_SIZE.min, Math.min(FONT_SIZE.tick, Math.floor(row * 0.6)));
    const nameWidth = Math.max(0, ...categoryLabels.map((l) => estimateTextWidth(lines(l)[0]!, categorySize)));
    const plotWidth = CANVAS.width - SIDE_PADDING - nameWidth - 20;
    const printed = stacked ? opts.labels.map((_, j) => data.reduce((sum, d) => sum + (d[j] ?? 0), 0)) : all.filter(finite);
    const numberWidth = Math.max(0, ...printed.map((v) => estimateTextWidth(format(v), FONT_SIZE.value, true)));
    headroom = Math.min(0.45, (numberWidth + 18) / Math.max(plotWidth, 1));
  } else {
    const plotWidth = CANVAS.width - SIDE_PADDING - 70;
    const layout = categoryLayout(opts.labels, plotWidth / Math.max(n, 1));
    categoryLabels = layout.labels;
    categorySize = layout.size;
    rotate = layout.rotate;
    skip = layout.skip;
    headroom = Math.min(0.3, (FONT_SIZE.value + 14) / Math.max(plotHeight, 1));
  }
  const grow = (v: number) => (v === 0 ? 0 : v / (1 - headroom));

  // One series against a target: bars that reached it keep the full colour,
  // the rest are lighter (lightness, not hue, so it survives colour blindness).
  const hitColoring = series.length === 1 && target !== null && !series[0]!.color;
  const datasets = series.map((s, i) => {
    const color = s.color ?? seriesColor(i);
    return {
      label: s.label,
      data: data[i]!,
      backgroundColor: hitColoring
        ? data[i]!.map((v) => (v !== null && v >= target!.value ? PALETTE.primary : PALETTE.primarySoft))
        : color,
      borderRadius: stacked ? 3 : 8,
      borderSkipped: stacked ? false : ("start" as const),
      borderColor: PALETTE.background,
      borderWidth: stacked ? 1 : 0,
      maxBarThickness: horizontal ? 64 : 120,
      categoryPercentage: series.length > 1 && !stacked ? 0.8 : 0.66,
      barPercentage: series.length > 1 && !stacked ? 0.94 : 1,
    };
  });

  // Horizontal bars carry their numbers, so their value axis is hidden
  // altogether (no ticks, no grid): names, bars, numbers, nothing else.
  const valueAxis = {
    stacked,
    beginAtZero: true,
    display: !horizontal && !isEmpty,
    ...(isEmpty
      ? { min: 0, max: 10 }
      : {
          suggestedMax: grow(hi),
          suggestedMin: grow(lo),
          ticks: { maxTicksLimit: 6, callback: axisTicks(maxAbs, locale) },
        }),
    grid: { color: PALETTE.grid, drawTicks: false },
  };
  const categoryAxis = {
    stacked,
    grid: { display: false },
    ticks: {
      autoSkip: skip,
      autoSkipPadding: 12,
      maxTicksLimit: 31,
      maxRotation: rotate ? 45 : 0,
      minRotation: 0,
      color: PALETTE.text,
      font: { size: categorySize },
    },
  };

  const plugins: Plugin[] = [];
  if (target) plugins.push(targetLine({ value: target.value, label: targetText(target, format), scaleId: horizontal ? "x" : "y" }));
  plugins.push(valueLabels({ format, stacked }));
  plugins.push(noData(messages[locale].charts.noData, isEmpty));

  const config: ChartConfiguration<"bar", (number | null)[], string | string[]> = {
    type: "bar",
    data: { labels: categoryLabels, datasets },
    options: {
      indexAxis: horizontal ? "y" : "x",
      layout: { padding: { top: 22, right: 32, bottom: 18 + (horizontal && target ? 40 : 0), left: 26 } },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: { ...titlePlugins(opts), legend: { display: legend, position: "top" } },
    },
    plugins,
  };
  return renderChart(config as unknown as ChartConfiguration);
}
