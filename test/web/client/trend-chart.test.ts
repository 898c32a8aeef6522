// The Mini App's trend chart never swings past the data (the page builds this very
// configuration; here chart.js lays it out on the bot's canvas renderer).
import { describe, expect, it } from "vitest";
import { trendChartConfig } from "../../../src/web/client/trend-chart.js";
import { lineGeometry, SWINGY_SERIES } from "../../support/chart-geometry.js";

describe("Mini App trend chart geometry", () => {
  for (const values of SWINGY_SERIES) {
    it(`draws ${JSON.stringify(values)} without overshoot, from zero`, async () => {
      const trend = { label: "сделки", labels: values.map((_, i) => String(i + 1)), values, texts: values.map(String) };
      const g = await lineGeometry(trendChartConfig(trend, { line: "#2481cc", text: "#707579" }) as never);
      expect(g.overshoots).toEqual([]);
      expect(g.yMin).toBe(0);
    });
  }
});
