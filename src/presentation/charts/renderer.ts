// Renders chart.js configurations to PNG buffers on the server.
//
// One ChartJSNodeCanvas per canvas size, created on first use and reused:
// constructing one loads a fresh copy of chart.js (chartjs-node-canvas
// isolates each instance's Chart defaults and registry), which costs far more
// than a render. Fonts are bundled (assets/fonts) and registered once, before
// the first canvas exists, so Cyrillic looks the same on every machine.

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Chart, ChartConfiguration, Plugin } from "chart.js";
import { ChartJSNodeCanvas } from "chartjs-node-canvas";
import { DEFAULT_SIZE, FONT_FAMILY, FONT_SIZE, PALETTE } from "./theme.js";

export interface ChartSize {
  width: number;
  height: number;
}

/** Dataset property (a dash pattern) that turns its legend swatch into a dashed line. */
export const LEGEND_DASH = "kpiLegendDash";

const FONT_FILES = [
  { url: new URL("../../../assets/fonts/DejaVuSans.ttf", import.meta.url), weight: "normal" },
  { url: new URL("../../../assets/fonts/DejaVuSans-Bold.ttf", import.meta.url), weight: "bold" },
] as const;

let fontsRegistered = false;

/**
 * Registers the bundled fonts under FONT_FAMILY. Fonts live in the native
 * canvas module (process-wide), and must be known before the first canvas is
 * created, so this runs right after the first ChartJSNodeCanvas is built
 * (its constructor creates no canvas).
 */
function registerFonts(renderer: ChartJSNodeCanvas): void {
  if (fontsRegistered) return;
  for (const font of FONT_FILES) {
    const path = fileURLToPath(font.url);
    if (!existsSync(path)) throw new Error(`Chart font is missing: ${path}`);
    renderer.registerFont(path, { family: FONT_FAMILY, weight: font.weight });
  }
  fontsRegistered = true;
}

/** Paints the whole canvas white before anything else (PNG is transparent otherwise). */
const whiteBackground: Plugin = {
  id: "kpiBackground",
  beforeDraw(chart: Chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = "destination-over";
    ctx.fillStyle = PALETTE.background;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** House style, applied to the chart.js copy owned by one renderer. */
function applyDefaults(ChartJS: typeof Chart): void {
  const d = ChartJS.defaults;
  d.font.family = FONT_FAMILY;
  d.font.size = FONT_SIZE.tick;
  d.font.lineHeight = 1.25;
  d.color = PALETTE.text;
  d.borderColor = PALETTE.grid;
  d.devicePixelRatio = 1;
  d.animation = false;
  d.responsive = false;
  d.maintainAspectRatio = false;
  d.events = []; // no listeners: nothing is interactive in a PNG
  d.layout.padding = { top: 22, right: 32, bottom: 18, left: 26 };

  d.plugins.title.align = "start";
  d.plugins.title.color = PALETTE.text;
  d.plugins.title.font = { family: FONT_FAMILY, size: FONT_SIZE.title, weight: "bold", lineHeight: 1.2 };
  d.plugins.title.padding = { top: 0, bottom: 6 };

  d.plugins.subtitle.align = "start";
  d.plugins.subtitle.color = PALETTE.textMuted;
  d.plugins.subtitle.font = { family: FONT_FAMILY, size: FONT_SIZE.subtitle, weight: "normal", lineHeight: 1.2 };
  d.plugins.subtitle.padding = { top: 0, bottom: 18 };

  d.plugins.legend.align = "start";
  d.plugins.legend.labels.usePointStyle = true;
  d.plugins.legend.labels.pointStyle = "rectRounded";
  d.plugins.legend.labels.boxWidth = 16;
  d.plugins.legend.labels.boxHeight = 16;
  d.plugins.legend.labels.padding = 22;
  d.plugins.legend.labels.color = PALETTE.text;
  d.plugins.legend.labels.font = { family: FONT_FAMILY, size: FONT_SIZE.legend };

  // Legend swatches: line series show their line colour (not a pale area
  // fill), and a dataset flagged with LEGEND_DASH (a legend-only entry,
  // e.g. a target) shows a dashed line.
  const baseLabels = d.plugins.legend.labels.generateLabels;
  d.plugins.legend.labels.generateLabels = function (this: unknown, chart: Chart) {
    const items = baseLabels.call(this as never, chart);
    for (const item of items) {
      if (item.datasetIndex === undefined) continue;
      const dataset = chart.data.datasets[item.datasetIndex] as unknown as Record<string, unknown>;
      if (chart.getDatasetMeta(item.datasetIndex).type === "line" && typeof dataset.borderColor === "string") {
        item.fillStyle = dataset.borderColor;
        item.strokeStyle = dataset.borderColor;
      }
      const dash = dataset[LEGEND_DASH];
      if (Array.isArray(dash)) {
        item.pointStyle = "line";
        item.lineDash = dash as number[];
        item.lineWidth = 3;
      }
    }
    return items;
  };

  d.plugins.tooltip.enabled = false;

  d.scale.grid.color = PALETTE.grid;
  d.scale.grid.tickColor = "transparent";
  // Cartesian-only option, absent from the union type of `defaults.scale`.
  (d.scale as unknown as { border: { display: boolean } }).border.display = false;
  d.scale.ticks.color = PALETTE.textMuted;
  d.scale.ticks.padding = 10;

  ChartJS.register(whiteBackground);
}

const renderers = new Map<string, ChartJSNodeCanvas>();

function rendererFor(size: ChartSize): ChartJSNodeCanvas {
  const width = Math.round(size.width);
  const height = Math.round(size.height);
  if (!(width > 0 && height > 0 && width <= 4096 && height <= 4096)) {
    throw new RangeError(`Chart size must be 1…4096 px per side, got ${size.width}×${size.height}`);
  }
  const key = `${width}x${height}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = new ChartJSNodeCanvas({ width, height, chartCallback: applyDefaults });
    registerFonts(renderer);
    renderers.set(key, renderer);
  }
  return renderer;
}

/**
 * PNG encoding: flat colours on white compress as well with no row filters and a fast
 * zlib level, at under half the default's encoding time (about 55 KB either way).
 * node-canvas's values: compression 0–9, PNG_FILTER_NONE = 8.
 */
const PNG_OPTIONS = { compressionLevel: 3, filters: 8 } as const;

/** chartjs-node-canvas's own draw step (its renderToBuffer has no encoder options). */
interface DrawsCharts {
  renderChart(config: ChartConfiguration): {
    canvas: { toBuffer(done: (err: Error | null, png: Buffer) => void, mime: "image/png", options: typeof PNG_OPTIONS): void } | null;
    destroy(): void;
  };
}

/**
 * Renders a chart.js configuration to a PNG (default 1000×625, white
 * background, fonts and colours from the house style). Animation is off and
 * the canvas is 1:1, so the same input always gives the same bytes.
 * The PNG is encoded on the libuv pool.
 */
export async function renderChart(config: ChartConfiguration, size: ChartSize = DEFAULT_SIZE): Promise<Buffer> {
  // async: a configuration chart.js rejects becomes a rejected promise, not a sync throw.
  const renderer = rendererFor(size);
  const draws = renderer as unknown as Partial<DrawsCharts>;
  if (typeof draws.renderChart !== "function") return renderer.renderToBuffer(config, "image/png");
  const chart = draws.renderChart(config);
  const canvas = chart.canvas;
  if (!canvas) throw new Error("chart has no canvas");
  return new Promise((resolve, reject) =>
    canvas.toBuffer(
      (err, png) => {
        chart.destroy();
        if (err) reject(err);
        else resolve(png);
      },
      "image/png",
      PNG_OPTIONS,
    ),
  );
}
