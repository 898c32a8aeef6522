// High-level chart builders: plain data in, PNG out (no DB access here).
// Every builder lays out for a 1000×625 canvas that Telegram shows as a
// photo on a phone: big type, few ticks, numbers printed where people look.

import type { Chart, ChartConfiguration, Plugin, Scale } from "chart.js";
import {
  type ChartLocale,
  defaultValueFormat,
  estimateTextWidth,
  formatAxisValue,
  formatNumber,
  MAX_LABEL_CHARS,
  truncateLabel,
} from "./format.js";
import { barGeometries, font, noData, targetLine, valueLabels } from "./plugins.js";
import { LEGEND_DASH, renderChart } from "./renderer.js";
import { DEFAULT_SIZE, FONT_SIZE, mix, PALETTE, seriesColor, withAlpha } from "./theme.js";

export interface ChartTarget {
  value: number;
  /**
   * Shown next to the line. The formatted value is appended ("План: 20")
   * unless the label already contains a digit.
   */
  label: string;
}

interface CommonOptions {
  title: string;
  subtitle?: string;
  /** Number formatting and built-in words ("Нет данных"); "ru" by default. */
  locale?: ChartLocale;
}

export interface BarSeries {
  label: string;
  values: (number | null)[];
  color?: string;
}

export interface BarChartOptions extends CommonOptions {
  labels: string[];
  series: BarSeries[];
  target?: ChartTarget | null;
  valueFormat?: (v: number) => string;
  /** Bars grow to the right, names on the left. Default: true when there are more than 8 labels. */
  horizontal?: boolean;
  stacked?: boolean;
}

export interface LineSeries {
  label: string;
  values: (number | null)[];
  color?: string;
  yAxis?: "left" | "right";
}

export interface LineChartOptions extends CommonOptions {
  labels: string[];
  series: LineSeries[];
  target?: ChartTarget | null;
  /** Left axis ticks and the target label. */
  valueFormat?: (v: number) => string;
  /** Right axis ticks. */
  rightValueFormat?: (v: number) => string;
}

export interface FunnelStage {
  label: string;
  count: number;
  /** Leads lost at this stage (part of `count`), drawn in a muted colour. */
  lost?: number;
}

export interface FunnelChartOptions extends CommonOptions {
  stages: FunnelStage[];
  /** Text between stage i and i+1 ("62%"); computed from the counts when absent. */
  conversionLabels?: string[];
}

export interface PodiumEntry {
  name: string;
  value: number;
  /** 1-based; equal places (1, 2, 2, 4) share a badge colour. */
  place: number;
}

export interface PodiumChartOptions extends CommonOptions {
  entries: PodiumEntry[];
  valueFormat?: (v: number) => string;
}

const WORDS = {
  ru: { noData: "Нет данных", lost: "Потеряно на этапе" },
  en: { noData: "No data", lost: "Lost at stage" },
} as const;

// Rough layout budget of the default canvas, for decisions made before
// chart.js lays out (label wrapping, font shrinking, headroom for numbers).
const CANVAS = DEFAULT_SIZE;
const SIDE_PADDING = 58;

function headerHeight(o: CommonOptions, legend: boolean): number {
  return 22 + 42 + (o.subtitle ? 38 : 0) + (legend ? 46 : 0);
}

function titlePlugins(o: CommonOptions) {
  return {
    // Without a subtitle the title needs a little more air above the plot.
    title: { display: o.title.trim() !== "", text: o.title, padding: { top: 0, bottom: o.subtitle ? 6 : 18 } },
    subtitle: { display: !!o.subtitle, text: o.subtitle ?? "" },
  };
}

function finite(v: number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function targetText(target: ChartTarget, format: (v: number) => string): string {
  const label = target.label.trim();
  if (label === "") return format(target.value);
  return /\d/.test(label) ? label : `${label}: ${format(target.value)}`;
}

function axisTicks(maxAbs: number, locale: ChartLocale, format?: (v: number) => string) {
  return (value: number | string) => {
    const v = typeof value === "number" ? value : Number(value);
    return format ? format(v) : formatAxisValue(v, maxAbs, locale);
  };
}

/** Splits "Имя Фамилия" onto two lines (each shortened), for narrow category slots. */
function twoLines(label: string): string | string[] {
  const words = label.replace(/\s+/gu, " ").trim().split(" ");
  if (words.length < 2) return truncateLabel(label);
  // Break at the space that best balances the two lines.
  let best = 1;
  let bestDiff = Infinity;
  for (let i = 1; i < words.length; i++) {
    const diff = Math.abs(words.slice(0, i).join(" ").length - words.slice(i).join(" ").length);
    if (diff < bestDiff) {
      bestDiff = diff;
      best = i;
    }
  }
  return [truncateLabel(words.slice(0, best).join(" ")), truncateLabel(words.slice(best).join(" "))];
}

function lines(label: string | string[]): string[] {
  return Array.isArray(label) ? label : [label];
}

/** Shortens `text` (with "…") until its estimated width fits `maxWidth`. */
function fitWidth(text: string, size: number, maxWidth: number): string {
  const chars = Array.from(truncateLabel(text));
  for (let keep = chars.length; keep > 3; keep--) {
    const candidate = keep === chars.length ? chars.join("") : truncateLabel(chars.join(""), keep);
    if (estimateTextWidth(candidate, size) <= maxWidth) return candidate;
  }
  return truncateLabel(chars.join(""), 4);
}

/**
 * Category labels under vertical bars, never tilted while avoidable: one
 * line if they fit, else two lines ("Имя" / "Фамилия"), else smaller,
 * else shortened to the slot; tilted only when even that cannot fit.
 * Many categories (days of a month) are not names: chart.js skips some
 * instead (at most 31 shown), which keeps "01.11" whole.
 */
function categoryLayout(raw: string[], slot: number) {
  const room = slot - 8;
  const fits = (labels: (string | string[])[], size: number) =>
    labels.every((l) => lines(l).every((line) => estimateTextWidth(line, size) <= room));
  const single = raw.map((l) => truncateLabel(l));
  if (fits(single, FONT_SIZE.tick)) return { labels: single, size: FONT_SIZE.tick, rotate: false, skip: false };
  if (raw.length > 12) {
    const size = fits(single, 18) ? 18 : FONT_SIZE.tick;
    return { labels: single, size, rotate: false, skip: !fits(single, size) };
  }
  const wrapped = raw.map(twoLines);
  for (let size = FONT_SIZE.tick; size >= 16; size--) {
    if (fits(wrapped, size)) return { labels: wrapped, size, rotate: false, skip: false };
  }
  if (estimateTextWidth("Ааа…", 16) <= room) {
    const shortened = wrapped.map((l) => (Array.isArray(l) ? l.map((line) => fitWidth(line, 16, room)) : fitWidth(l, 16, room)));
    return { labels: shortened, size: 16, rotate: false, skip: false };
  }
  return { labels: single, size: FONT_SIZE.min, rotate: true, skip: false };
}

/** Bar chart: KPI progress per manager, with an optional dashed target line. */
export async function barChart(opts: BarChartOptions): Promise<Buffer> {
  const locale = opts.locale ?? "ru";
  const n = opts.labels.length;
  const series = opts.series;
  const data = series.map((s) => opts.labels.map((_, j) => (finite(s.values[j]) ? s.values[j]! : null)));
  const all = data.flat();
  const format = opts.valueFormat ?? defaultValueFormat(all, locale);
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
  plugins.push(noData(WORDS[locale].noData, isEmpty));

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

/** Time series (e.g. deals per day, revenue on a right axis); null values leave gaps. */
export async function lineChart(opts: LineChartOptions): Promise<Buffer> {
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
  const leftFormat = opts.valueFormat;
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
    tension: 0.25,
    cubicInterpolationMode: "monotone" as const,
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
      ticks: { maxTicksLimit: 6, color: tint(rightOnly), callback: axisTicks(rightMax, locale, opts.rightValueFormat) },
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
  plugins.push(noData(WORDS[locale].noData, isEmpty));

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
  return renderChart(config as unknown as ChartConfiguration);
}

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
    return prev > 0 ? `${Math.round((s.count / prev) * 100)}%` : "";
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
          label: WORDS[locale].lost,
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
    plugins: [funnelLabels, noData(WORDS[locale].noData, isEmpty)],
  };
  return renderChart(config as unknown as ChartConfiguration);
}

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
  const format = opts.valueFormat ?? defaultValueFormat(values, locale);
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
    plugins: [rankColumn, valueLabels({ format }), noData(WORDS[locale].noData, isEmpty)],
  };
  return renderChart(config as unknown as ChartConfiguration);
}
