// The bot's line charts never swing past the data: no bezier dip below zero between
// two zeros, no bump above a plateau. Read from the geometry chart.js computes.
import { describe, expect, it } from "vitest";
import { lineChartConfig } from "../../../src/presentation/charts/line-chart.js";
import { lineGeometry, SWINGY_SERIES } from "../../support/chart-geometry.js";

describe("lineChart geometry", () => {
  for (const values of SWINGY_SERIES) {
    it(`draws ${JSON.stringify(values)} without overshoot, from zero`, async () => {
      const labels = values.map((_, i) => String(i + 1));
      for (const series of [
        [{ label: "Сделки", values }],
        [
          { label: "Сделки", values },
          { label: "Встречи", values: values.map((v) => (v === null ? 1 : 45 - v)) },
        ],
      ]) {
        const g = await lineGeometry(lineChartConfig({ title: "Сделки", labels, series }));
        expect(g.overshoots).toEqual([]);
        expect(g.yMin).toBe(0);
      }
    });
  }
});
