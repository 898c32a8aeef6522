import { describe, expect, it } from "vitest";
import { metricLabel } from "../../../src/presentation/i18n/metric-words.js";
import { formatProgress, statusLabel } from "../../../src/presentation/views/plan-progress.js";

const MIN = 60_000;
const H = 3_600_000;
const NBSP = "\u00A0";

describe("formatProgress", () => {
  // share chosen so that pace = 0.7 / share = 85 %.
  const share = 0.7 / 0.85;

  it("writes the line in English and Russian", () => {
    expect(formatProgress("deals", 7, 10, share, "en", metricLabel("deals", "en"))).toBe("deals 7/10 (70%) · pace 85% · behind");
    expect(formatProgress("deals", 7, 10, share, "ru", metricLabel("deals", "ru"))).toBe("сделки 7/10 (70%) · темп 85% · отстаёт");
  });

  it("drops pace once done and formats other units", () => {
    expect(formatProgress("deals", 10, 10, 0.5, "en", metricLabel("deals", "en"))).toBe("deals 10/10 (100%) · done");
    expect(formatProgress("lead_time", 5 * H + 20 * MIN, 24 * H, 0.5, "en", metricLabel("lead_time", "en"))).toBe(
      "lead processing time 5h 20m/1d · on pace",
    );
    expect(formatProgress("call_conversion", 18, 20, 0.5, "ru", metricLabel("call_conversion", "ru"))).toBe(
      "конверсия звонков 18%/20% · отстаёт",
    );
    expect(formatProgress("avg_check", null, 5_000_000, 0.5, "en", metricLabel("avg_check", "en"))).toBe(`average check —/50k${NBSP}₽`);
    expect(formatProgress("revenue", 120_000_000, 200_000_000, 0.5, "ru", metricLabel("revenue", "ru"))).toBe(
      `выручка 1,2${NBSP}млн${NBSP}₽/2${NBSP}млн${NBSP}₽ (60%) · темп 120% · в темпе`,
    );
  });
});

describe("statusLabel", () => {
  it("words each status in both languages", () => {
    expect(statusLabel("at_risk", "ru")).toBe("под угрозой");
    expect(statusLabel("failed", "en")).toBe("failed");
  });
});
