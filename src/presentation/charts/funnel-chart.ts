import type { Chart, ChartConfiguration, Plugin } from "chart.js";
import { formatNumber, formatPercent } from "../format/number.js";
import { messages } from "../i18n/index.js";
import type { FunnelChartOptions } from "./chart-options.js";
import { estimateTextWidth, truncateLabel } from "./chart-text.js";
import { CANVAS, finite, headerHeight, titlePlugins } from "./layout.js";
import { barGeometries, font, noData } from "./plugins.js";
import { renderChart } from "./renderer.js";
import { FONT_SIZE, mix, PALETTE } from "./theme.js";

/** Sales funnel: centred bars narrowing down, counts inside, conversions between, losses muted. */
export async function funnelChart(opts: FunnelChartOptions): Promise<Buffer> {
  const locale = opts.locale ?? "ru";
  const stages = opts.stages.map((s) => {
    const count = finite(s.count) ? Math.max(0, s.count) : 0;
    const lost = finite(s.lost) ? Math.min(count, Math.max(0, s.lost)) : 0;
    return { label: truncateLabel(s.label), count, lost };
  });
  const n = stages.length;
  const isEmpty = n === 0 || stages.every((s) => s.count === 0);
  const maxCount = Math.max(1, ...stages.map((s) => s.count));
  const anyLost = stages.some((s) => s.lost > 0);
  const fmt = (v: number) => formatNumber(v, locale, 0);
  const lostText = (v: number) => `−${fmt(v)}`;
  const lostColumn = anyLost
    ? Math.max(...stages.map((s) => (s.lost > 0 ? estimateTextWidth(lostText(s.lost), FONT_SIZE.value, true) : 0))) + 18
    : 0;
  const conversions = stages.slice(1).map((s, i) => {
    const given = opts.conversionLabels?.[i];
    if (given !== undefined) return given;
    const prev = stages[i]!.count;
    return prev > 0 ? formatPercent((s.count / prev) * 100, locale) : "";
  });
  const colors = stages.map((_, i) => mix(PALETTE.primary, "#8DB6F2", n > 1 ? (i / (n - 1)) * 0.75 : 0));
  const plotHeight = CANVAS.height - headerHeight(opts, anyLost) - 40;
  const row = plotHeight / Math.max(n, 1);
  const labelSize = Math.max(FONT_SIZE.min, Math.min(FONT_SIZE.tick, Math.floor(row * 0.4)));

  const funnelLabels: Plugin = {
    id: "kpiFunnelLabels",
    afterDatasetsDraw(chart: Chart) {
      if (isEmpty) return;
      const bars = barGeometries(chart);
      const whole = bars.filter((b) => b.datasetIndex === 1);
      const inner = new Map(bars.filter((b) => b.datasetIndex === 0).map((b) => [b.index, b]));
      const ctx = chart.ctx;
      const cx = (chart.chartArea.left + chart.chartArea.right) / 2;
      ctx.save();
      ctx.textBaseline = "middle";
      whole.forEach((b) => {
        const stage = stages[b.index]!;
        const y = (b.rect.top + b.rect.bottom) / 2;
        const h = b.rect.bottom - b.rect.top;
        const size = Math.max(FONT_SIZE.min, Math.min(FONT_SIZE.tick + 2, Math.floor(h * 0.5)));
        ctx.font = font(size, true);
        const text = fmt(stage.count);
        const w = ctx.measureText(text).width;
        const core = inner.get(b.index)?.rect ?? b.rect;
        let right = b.rect.right;
        if (w + 16 <= core.right - core.left) {
          ctx.fillStyle = PALETTE.background;
          ctx.textAlign = "center";
          ctx.fillText(text, cx, y + 1);
        } else {
          ctx.fillStyle = PALETTE.text;
          ctx.textAlign = "left";
          ctx.fillText(text, Math.max(b.rect.right, cx) + 10, y + 1);
          right = Math.max(b.rect.right, cx) + 10 + w;
        }
        if (stage.lost > 0) {
          ctx.font = font(FONT_SIZE.value, true);
          ctx.fillStyle = PALETTE.lostText;
          ctx.textAlign = "left";
          ctx.fillText(lostText(stage.lost), right + 12, y + 1);
        }
      });
      // Conversion between consecutive stages, centred in the gap.
      ctx.font = font(Math.max(FONT_SIZE.min, Math.min(FONT_SIZE.value, labelSize - 2)));
      ctx.fillStyle = PALETTE.textMuted;
      ctx.textAlign = "center";
      for (let i = 0; i + 1 < whole.length; i++) {
        const text = conversions[whole[i]!.index];
        if (!text) continue;
        const a = whole[i]!.rect;
        const b = whole[i + 1]!.rect;
        ctx.fillText(`↓ ${text}`, cx, (a.bottom + b.top) / 2 + 1);
      }
      ctx.restore();
    },
  };

  const config: ChartConfiguration<"bar", [number, number][], string> = {
    type: "bar",
    data: {
      labels: stages.map((s) => s.label),
      datasets: [
        {
          label: "",
          data: stages.map((s) => [-(s.count - s.lost) / 2, (s.count - s.lost) / 2]),
          backgroundColor: colors,
          borderRadius: 6,
          borderSkipped: false,
          grouped: false,
          barPercentage: 1,
          categoryPercentage: 0.64,
        },
        {
          label: messages[locale].charts.lost,
          data: stages.map((s) => [-s.count / 2, s.count / 2]),
          backgroundColor: PALETTE.lost,
          borderRadius: 6,
          borderSkipped: false,
          grouped: false,
          barPercentage: 1,
          categoryPercentage: 0.64,
        },
      ],
    },
    options: {
      indexAxis: "y",
      layout: { padding: { top: 22, right: 32 + lostColumn, bottom: 18, left: 26 } },
      scales: {
        x: { display: false, min: -maxCount / 2, max: maxCount / 2 },
        y: { grid: { display: false }, ticks: { color: PALETTE.text, font: { size: labelSize }, padding: 14 } },
      },
      plugins: {
        ...titlePlugins(opts),
        legend: { display: anyLost, position: "top", align: "end", labels: { filter: (item) => item.datasetIndex === 1 } },
      },
    },
    plugins: [funnelLabels, noData(messages[locale].charts.noData, isEmpty)],
  };
  return renderChart(config as unknown as ChartConfiguration);
}
