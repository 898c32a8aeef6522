// Tiny inline chart.js plugins (no chartjs-plugin-annotation / datalabels):
// a dashed target line with its label, numbers at bar ends and a "no data"
// message. Each factory returns a fresh plugin for one chart configuration.

import type { Chart, Plugin } from "chart.js";
import { FONT_FAMILY, FONT_SIZE, PALETTE } from "./theme.js";

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Areas already covered by text, per chart, so later labels can step aside. */
const occupiedByChart = new WeakMap<Chart, Rect[]>();

function occupied(chart: Chart): Rect[] {
  let list = occupiedByChart.get(chart);
  if (!list) {
    list = [];
    occupiedByChart.set(chart, list);
  }
  return list;
}

export function font(size: number, bold = false): string {
  return `${bold ? "bold " : ""}${size}px "${FONT_FAMILY}"`;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

export interface BarGeometry {
  datasetIndex: number;
  index: number;
  value: number | null;
  rect: Rect;
  horizontal: boolean;
}

/** Screen rectangles of every drawn bar (visible datasets, non-null values). */
export function barGeometries(chart: Chart): BarGeometry[] {
  const out: BarGeometry[] = [];
  chart.data.datasets.forEach((dataset, datasetIndex) => {
    if (!chart.isDatasetVisible(datasetIndex)) return;
    const meta = chart.getDatasetMeta(datasetIndex);
    if (meta.type !== "bar") return;
    meta.data.forEach((element, index) => {
      const raw = dataset.data[index];
      const value = typeof raw === "number" && Number.isFinite(raw) ? raw : null;
      if (raw == null) return;
      const p = element.getProps(["x", "y", "base", "width", "height", "horizontal"], true) as {
        x: number;
        y: number;
        base: number;
        width: number;
        height: number;
        horizontal: boolean;
      };
      if (![p.x, p.y, p.base].every(Number.isFinite)) return;
      const rect = p.horizontal
        ? { left: Math.min(p.x, p.base), right: Math.max(p.x, p.base), top: p.y - p.height / 2, bottom: p.y + p.height / 2 }
        : { left: p.x - p.width / 2, right: p.x + p.width / 2, top: Math.min(p.y, p.base), bottom: Math.max(p.y, p.base) };
      out.push({ datasetIndex, index, value, rect, horizontal: p.horizontal });
    });
  });
  return out;
}

/** Small squares around the points of line datasets (obstacles for labels). */
function pointRects(chart: Chart): Rect[] {
  const out: Rect[] = [];
  chart.data.datasets.forEach((_, datasetIndex) => {
    if (!chart.isDatasetVisible(datasetIndex)) return;
    const meta = chart.getDatasetMeta(datasetIndex);
    if (meta.type !== "line") return;
    for (const element of meta.data) {
      const { x, y, skip } = element.getProps(["x", "y", "skip"], true) as { x: number; y: number; skip?: boolean };
      if (skip || !Number.isFinite(x) || !Number.isFinite(y)) continue;
      out.push({ left: x - 4, right: x + 4, top: y - 4, bottom: y + 4 });
    }
  });
  return out;
}

/** Text on a white patch, legible over grid and dashed target lines. */
function patchedText(ctx: Chart["ctx"], text: string, x: number, y: number, box: Rect): void {
  const fill = ctx.fillStyle;
  ctx.fillStyle = PALETTE.background;
  ctx.fillRect(box.left - 3, box.top - 1, box.right - box.left + 6, box.bottom - box.top + 2);
  ctx.fillStyle = fill;
  ctx.fillText(text, x, y);
}

export interface ValueLabelOptions {
  format: (v: number) => string;
  /** Stacked bars: the total goes at the end of the stack, segments get their own number inside when it fits. */
  stacked?: boolean;
  color?: string;
  /** Largest font size; shrinks (down to FONT_SIZE.min) until labels fit their bars. */
  size?: number;
}

/** Prints each bar's value just past its end (above, or right of horizontal bars). */
export function valueLabels(opts: ValueLabelOptions): Plugin {
  return {
    id: "kpiValueLabels",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const bars = barGeometries(chart).filter((b) => b.value !== null);
      if (bars.length === 0) return;
      const taken = occupied(chart);

      // One entry per bar end: stacked charts label the stack total.
      type Item = { value: number; rect: Rect; horizontal: boolean; negative: boolean };
      const items: Item[] = [];
      if (opts.stacked) {
        const byIndex = new Map<number, BarGeometry[]>();
        for (const b of bars) byIndex.set(b.index, [...(byIndex.get(b.index) ?? []), b]);
        for (const group of byIndex.values()) {
          const total = group.reduce((s, b) => s + (b.value ?? 0), 0);
          const horizontal = group[0]!.horizontal;
          const rect = group.reduce<Rect>(
            (r, b) => ({
              left: Math.min(r.left, b.rect.left),
              top: Math.min(r.top, b.rect.top),
              right: Math.max(r.right, b.rect.right),
              bottom: Math.max(r.bottom, b.rect.bottom),
            }),
            { ...group[0]!.rect },
          );
          items.push({ value: total, rect, horizontal, negative: total < 0 });
        }
      } else {
        for (const b of bars) items.push({ value: b.value!, rect: b.rect, horizontal: b.horizontal, negative: b.value! < 0 });
      }

      // Shrink the font until the widest label fits the bar it sits on
      // (vertical bars) or the bar's thickness allows (horizontal bars);
      // when even the smallest size cannot fit, print no numbers at all
      // (overlapping numbers are worse than none: the axis still has them).
      let size = opts.size ?? FONT_SIZE.value;
      const horizontal = items[0]!.horizontal;
      const thickness = Math.min(...bars.map((b) => (horizontal ? b.rect.bottom - b.rect.top : b.rect.right - b.rect.left)));
      if (horizontal) {
        if (thickness < FONT_SIZE.min * 0.9) return;
        size = Math.max(FONT_SIZE.min, Math.min(size, Math.floor(thickness * 0.8)));
      } else {
        const slot = thickness * (opts.stacked || chart.data.datasets.length === 1 ? 1.3 : 1.08) + 4;
        const widest = (s: number) => {
          ctx.font = font(s, true);
          return Math.max(...items.map((i) => ctx.measureText(opts.format(i.value)).width));
        };
        while (size > FONT_SIZE.min && widest(size) > slot) size--;
        if (widest(size) > slot) return;
      }

      ctx.save();
      ctx.font = font(size, true);
      ctx.fillStyle = opts.color ?? PALETTE.text;
      const gap = 7;
      for (const item of items) {
        const text = opts.format(item.value);
        const w = ctx.measureText(text).width;
        let x: number;
        let y: number;
        let box: Rect;
        if (item.horizontal) {
          ctx.textBaseline = "middle";
          ctx.textAlign = item.negative ? "right" : "left";
          x = item.negative ? item.rect.left - gap : item.rect.right + gap;
          y = (item.rect.top + item.rect.bottom) / 2;
          box = { left: item.negative ? x - w : x, right: item.negative ? x : x + w, top: y - size / 2, bottom: y + size / 2 };
        } else {
          ctx.textAlign = "center";
          ctx.textBaseline = item.negative ? "top" : "bottom";
          x = (item.rect.left + item.rect.right) / 2;
          y = item.negative ? item.rect.bottom + gap : item.rect.top - gap + 2;
          box = { left: x - w / 2, right: x + w / 2, top: item.negative ? y : y - size, bottom: item.negative ? y + size : y };
        }
        taken.push(box);
        patchedText(ctx, text, x, y, box);
      }

      // Segment numbers inside stacked bars, white, only where they fit.
      if (opts.stacked && chart.data.datasets.length > 1) {
        const inner = Math.max(FONT_SIZE.min, size - 2);
        ctx.font = font(inner, true);
        ctx.fillStyle = PALETTE.background;
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        for (const b of bars) {
          if (!b.value) continue;
          const text = opts.format(b.value);
          const w = ctx.measureText(text).width;
          const bw = b.rect.right - b.rect.left;
          const bh = b.rect.bottom - b.rect.top;
          if (w + 10 > bw || inner + 8 > bh) continue;
          ctx.fillText(text, (b.rect.left + b.rect.right) / 2, (b.rect.top + b.rect.bottom) / 2);
        }
      }
      ctx.restore();
    },
  };
}

export interface TargetLineOptions {
  value: number;
  /** Text shown next to the line. */
  label: string;
  /** Id of the value scale the target belongs to ("y" by default, "x" for horizontal bars). */
  scaleId?: string;
  color?: string;
}

/**
 * A dashed line across the plot at the target value, with its label in a
 * small white box. The line is drawn over the bars (before value labels);
 * the label is drawn last, just above or below the line at the rightmost
 * spot that covers no bar and no value label. On a
 * vertical line (horizontal bars) the label sits under the plot, in the
 * padding the builder reserves for it.
 */
export function targetLine(opts: TargetLineOptions): Plugin {
  const color = opts.color ?? PALETTE.target;
  const scaleId = opts.scaleId ?? "y";
  const position = (chart: Chart): number | null => {
    const scale = chart.scales[scaleId];
    if (!scale || !Number.isFinite(opts.value)) return null;
    const px = scale.getPixelForValue(opts.value);
    return Number.isFinite(px) ? px : null;
  };
  return {
    id: "kpiTargetLine",
    afterDatasetsDraw(chart) {
      const px = position(chart);
      if (px === null) return;
      const { ctx, chartArea: a } = chart;
      const vertical = chart.scales[scaleId]!.isHorizontal();
      ctx.save();
      ctx.strokeStyle = color;
      ctx.lineWidth = 3;
      ctx.setLineDash([12, 8]);
      ctx.lineCap = "butt";
      ctx.beginPath();
      if (vertical) {
        ctx.moveTo(px, a.top);
        ctx.lineTo(px, a.bottom);
      } else {
        ctx.moveTo(a.left, px);
        ctx.lineTo(a.right, px);
      }
      ctx.stroke();
      ctx.restore();
    },
    afterDraw(chart) {
      const px = position(chart);
      if (px === null || opts.label.trim() === "") return;
      const { ctx, chartArea: a } = chart;
      const vertical = chart.scales[scaleId]!.isHorizontal();
      const size = FONT_SIZE.value;
      ctx.save();
      ctx.font = font(size, true);
      const w = ctx.measureText(opts.label).width;
      const padX = 8;
      const padY = 5;
      const boxW = w + padX * 2;
      const boxH = size + padY * 2;
      let box: Rect;
      if (vertical) {
        // Below the plot, in the bottom padding the builder reserves (the
        // value axis of horizontal bars is hidden: numbers are on the bars).
        const cx = Math.min(Math.max(px, boxW / 2 + 4), chart.width - boxW / 2 - 4);
        box = { left: cx - boxW / 2, right: cx + boxW / 2, top: a.bottom + 6, bottom: a.bottom + 6 + boxH };
      } else {
        // Obstacles grow by a few pixels so the box never touches a bar.
        const m = 6;
        const obstacles = [...barGeometries(chart).map((b) => b.rect), ...pointRects(chart), ...occupied(chart)].map((r) => ({
          left: r.left - m,
          top: r.top - m,
          right: r.right + m,
          bottom: r.bottom + m,
        }));
        // Spots just above/below the line, from the right end leftwards
        // in small steps; the first that touches nothing wins, else the least covered.
        const spots: Rect[] = [];
        for (let left = a.right - boxW; left >= a.left + 4 - 10; left -= 10) {
          const l = Math.max(left, a.left + 4);
          for (const top of [px - boxH - 3, px + 3]) {
            if (top < a.top - 2 || top + boxH > a.bottom + 2) continue;
            spots.push({ left: l, right: l + boxW, top, bottom: top + boxH });
          }
        }
        if (spots.length === 0) {
          const top = Math.min(Math.max(px - boxH - 3, a.top), a.bottom - boxH);
          spots.push({ left: a.right - boxW, right: a.right, top, bottom: top + boxH });
        }
        const cost = (s: Rect) => obstacles.reduce((sum, o) => sum + overlapArea(s, o), 0);
        box = spots.find((s) => cost(s) === 0) ?? spots.reduce((best, s) => (cost(s) < cost(best) ? s : best), spots[0]!);
      }
      ctx.fillStyle = "rgba(255, 255, 255, 0.92)";
      ctx.beginPath();
      ctx.roundRect(box.left, box.top, box.right - box.left, box.bottom - box.top, 6);
      ctx.fill();
      ctx.fillStyle = color;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(opts.label, (box.left + box.right) / 2, (box.top + box.bottom) / 2 + 1);
      ctx.restore();
      occupied(chart).push(box);
    },
  };
}

/** Centred message when a chart has nothing to show (no labels or only nulls). */
export function noData(text: string, isEmpty: boolean): Plugin {
  return {
    id: "kpiNoData",
    afterDraw(chart) {
      if (!isEmpty) return;
      const { ctx, chartArea: a } = chart;
      ctx.save();
      ctx.font = font(26);
      ctx.fillStyle = PALETTE.textMuted;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(text, (a.left + a.right) / 2, (a.top + a.bottom) / 2);
      ctx.restore();
    },
  };
}
