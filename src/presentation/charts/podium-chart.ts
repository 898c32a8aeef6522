import type { Chart, ChartConfiguration, Plugin, Scale } from "chart.js";
import { messages } from "../i18n/index.js";
import type { PodiumChartOptions } from "./chart-options.js";
import { defaultValueFormat, estimateTextWidth, MAX_LABEL_CHARS, truncateLabel, valueFormatter } from "./chart-text.js";
import { CANVAS, finite, headerHeight, SIDE_PADDING, titlePlugins } from "./layout.js";
import { font, noData, valueLabels } from "./plugins.js";
import { renderChart } from "./renderer.js";
import { FONT_SIZE, mix, PALETTE } from "./theme.js";

/** Leaderboard: ranked horizontal bars, place numbers in gold/silver/bronze circles; ties share a place. */
export async function podiumChart(opts: PodiumChartOptions): Promise<Buffer> {
  const locale = opts.locale ?? "ru";
  const entries = opts.entries
    .filter((e) => finite(e.value))
    .map((e) => ({ ...e, place: finite(e.place) && e.place >= 1 ? Math.floor(e.place) : Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.place - b.place || b.value - a.value || a.name.localeCompare(b.name, locale));
  const n = entries.length;
  const isEmpty = n === 0;
  const values = entries.map((e) => e.value);
  const format = valueFormatter(opts.valueFormat, locale) ?? defaultValueFormat(values, locale);
  const names = entries.map((e) => truncateLabel(e.name, MAX_LABEL_CHARS));
  const plotHeight = CANVAS.height - headerHeight(opts, false) - 24;
  const row = plotHeight / Math.max(n, 1);
  const nameSize = Math.max(FONT_SIZE.min, Math.min(FONT_SIZE.tick, Math.floor(row * 0.42)));
  const radius = Math.max(10, Math.min(21, Math.floor(row * 0.34)));
  const maxValue = Math.max(0, ...values);
  const nameWidth = Math.max(0, ...names.map((s) => estimateTextWidth(s, nameSize, true)));
  const columnWidth = radius * 2 + 14 + nameWidth + 18;
  const plotWidth = CANVAS.width - SIDE_PADDING - columnWidth;
  const numberWidth = Math.max(0, ...values.map((v) => estimateTextWidth(format(v), FONT_SIZE.value, true)));
  const headroom = Math.min(0.45, (numberWidth + 18) / Math.max(plotWidth, 1));
  const placeLabel = (p: number) => (p === Number.MAX_SAFE_INTEGER ? "–" : String(p));
  const barColor = (p: number) => (p <= 3 ? PALETTE.primary : mix(PALETTE.primary, PALETTE.background, 0.45));

  const rankColumn: Plugin = {
    id: "kpiRankColumn",
    afterDatasetsDraw(chart: Chart) {
      const scale = chart.scales.y;
      if (!scale) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.textBaseline = "middle";
      entries.forEach((e, i) => {
        const y = scale.getPixelForValue(i);
        const cx = scale.left + radius;
        const medal = e.place <= 3 ? PALETTE.medals[e.place - 1]! : PALETTE.rankOther;
        ctx.beginPath();
        ctx.arc(cx, y, radius, 0, Math.PI * 2);
        ctx.fillStyle = medal;
        ctx.fill();
        const label = placeLabel(e.place);
        ctx.font = font(Math.max(12, Math.round(radius * (label.length > 1 ? 0.85 : 1))), true);
        ctx.fillStyle = e.place <= 3 ? PALETTE.background : PALETTE.text;
        ctx.textAlign = "center";
        ctx.fillText(label, cx, y + 1);
        ctx.font = font(nameSize, e.place === 1);
        ctx.fillStyle = PALETTE.text;
        ctx.textAlign = "left";
        ctx.fillText(names[i]!, scale.left + radius * 2 + 14, y + 1);
      });
      ctx.restore();
    },
  };

  const config: ChartConfiguration<"bar", number[], string> = {
    type: "bar",
    data: {
      labels: names,
      datasets: [
        {
          label: "",
          data: values,
          backgroundColor: entries.map((e) => barColor(e.place)),
          borderRadius: 8,
          borderSkipped: "start",
          maxBarThickness: 56,
          categoryPercentage: 0.7,
          barPercentage: 1,
        },
      ],
    },
    options: {
      indexAxis: "y",
      scales: {
        x: {
          display: false,
          min: Math.min(0, ...values) / (1 - headroom),
          max: isEmpty ? 1 : Math.max(1e-9, maxValue / (1 - headroom)),
        },
        y: {
          grid: { display: false },
          ticks: { display: false },
          afterFit: (scale: Scale) => {
            // Exact name widths (the estimate above only sizes the headroom).
            const ctx = scale.ctx;
            ctx.save();
            let widest = 0;
            entries.forEach((e, i) => {
              ctx.font = font(nameSize, e.place === 1);
              widest = Math.max(widest, ctx.measureText(names[i]!).width);
            });
            ctx.restore();
            scale.width = radius * 2 + 14 + widest + 22;
          },
        },
      },
      plugins: { ...titlePlugins(opts), legend: { display: false } },
    },
    plugins: [rankColumn, valueLabels({ format }), noData(messages[locale].charts.noData, isEmpty)],
  };
  return renderChart(config as unknown as ChartConfiguration);
}
