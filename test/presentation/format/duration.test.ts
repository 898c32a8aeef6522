import { describe, expect, it } from "vitest";
import { formatDuration, formatDurationNarrow, formatHours } from "../../../src/presentation/format/duration.js";

const MIN = 60_000;
const H = 3_600_000;
const D = 86_400_000;

describe("formatDuration", () => {
  it("drops zero parts and rounds to the minute / hour", () => {
    expect(formatDuration(45 * MIN, "ru")).toBe("45 мин");
    expect(formatDuration(3 * H, "ru")).toBe("3 ч");
    expect(formatDuration(2 * D, "en")).toBe("2d");
    expect(formatDuration(0, "en")).toBe("0m");
    expect(formatDuration(20 * 1000, "ru")).toBe("0 мин");
    expect(formatDuration(5 * H + 20 * MIN + 30 * 1000, "en")).toBe("5h 21m"); // 30 s rounds up
    expect(formatDuration(23 * H + 59 * MIN + 40 * 1000, "ru")).toBe("1 д"); // rounds to a full day
    expect(formatDuration(D + 40 * MIN, "en")).toBe("1d 1h"); // ≥ 1 day: nearest hour
    expect(formatDuration(D + 20 * MIN, "en")).toBe("1d");
  });
});

describe("formatDurationNarrow and formatHours", () => {
  it("use one short unit", () => {
    expect(formatDurationNarrow(59 * MIN, "ru")).toBe("59м");
    expect(formatDurationNarrow(47 * H, "en")).toBe("47h");
    expect(formatDurationNarrow(48 * H, "ru")).toBe("2д");
    expect(formatDurationNarrow(12 * D, "en")).toBe("12d");
    expect(formatHours(1.25, "ru")).toBe("1,3 ч");
    expect(formatHours(36, "en")).toBe("36 h");
  });
});
