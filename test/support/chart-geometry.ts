// Renders a chart.js configuration with the bot's real renderer and reads back the
// geometry chart.js computed: every line's points and bezier control points, and the
// y scale. A cubic bezier stays inside the box of its ends and control points, so a
// segment whose control points lie between its two values cannot overshoot them.
import type { Chart, ChartConfiguration, Plugin } from "chart.js";
import { renderChart } from "../../src/presentation/charts/renderer.js";

export interface Overshoot {
  dataset: number;
  index: number;
  /** The segment's two values, and where a control point pulls its curve (data units). */
  from: number;
  to: number;
  reach: number;
}

export interface LineGeometry {
  /** The y axis' lowest value. */
  yMin: number;
  /** Segments whose curve may leave the range of its two values (a bezier swing). */
  overshoots: Overshoot[];
}

interface Pt {
  x: number;
  y: number;
  skip?: boolean;
  cp1y?: number;
  cp2y?: number;
}

export async function lineGeometry(config: ChartConfiguration): Promise<LineGeometry> {
  let out: LineGeometry | undefined;
  const capture: Plugin = {
    id: "testLineGeometry",
    afterDraw(chart: Chart) {
      const y = chart.scales["y"]!;
      const overshoots: Overshoot[] = [];
      chart.data.datasets.forEach((ds, i) => {
        const meta = chart.getDatasetMeta(i);
        if (meta.type !== "line" || (ds.data as unknown[]).length === 0) return;
        const spanGaps = Boolean((ds as { spanGaps?: unknown }).spanGaps);
        const pts = meta.data as unknown as Pt[];
        for (let j = 0; j + 1 < pts.length; j++) {
          const a = pts[j]!;
          if (a.skip) continue;
          let k = j + 1;
          if (spanGaps) while (k < pts.length && pts[k]!.skip) k++;
          const b = pts[k];
          if (!b || b.skip) continue;
          // Straight segments (no control points) cannot swing.
          const cps = [a.cp2y, b.cp1y].filter((v): v is number => typeof v === "number");
          const lo = Math.min(a.y, b.y);
          const hi = Math.max(a.y, b.y);
          const worst = cps.reduce((w, c) => Math.max(w, lo - c, c - hi), 0);
          if (worst > 0.5) {
            const scale = chart.scales[meta.yAxisID ?? "y"]!;
            const value = (px: number) => Math.round((scale.getValueForPixel(px) ?? Number.NaN) * 100) / 100;
            const outside = cps.find((c) => c < lo - 0.5 || c > hi + 0.5)!;
            overshoots.push({ dataset: i, index: j, from: value(a.y), to: value(b.y), reach: value(outside) });
          }
        }
      });
      out = { yMin: y.min, overshoots };
    },
  };
  await renderChart({ ...config, plugins: [...(config.plugins ?? []), capture] } as ChartConfiguration);
  if (!out) throw new Error("the chart was not drawn");
  return out;
}

/** Series that a free bezier draws badly: plateaus next to jumps, a spike between zeros, gaps. */
export const SWINGY_SERIES: (number | null)[][] = [
  [0, 0, 10, 10, 0, 0, 9, 0, 0],
  [5, 40, 41, 2, 0, 38, 39, 40, 0],
  [0, 12, null, 12, 0, 1, 25, 0],
];
