import { describe, expect, it } from "vitest";
import { formatCompact, formatNumber, formatPercent, formatPlain, groupDigits } from "../../../src/presentation/format/number.js";

const NBSP = "\u00A0"; // between a number and a Russian unit
const NNBSP = "\u202F"; // thousands separator

describe("formatCompact", () => {
  const cases: [number, string, string][] = [
    [0, "0", "0"],
    [7, "7", "7"],
    [12.5, "12,5", "12.5"],
    [999, "999", "999"],
    [1_000, `1${NBSP}тыс.`, "1k"],
    [1_500, `1,5${NBSP}тыс.`, "1.5k"],
    [12_345, `12,35${NBSP}тыс.`, "12.35k"], // 12.345 rounds half up, no float noise
    [250_000, `250${NBSP}тыс.`, "250k"],
    [999_999, `1${NBSP}млн`, "1M"], // 999,999 тыс. would round to 1000 тыс.
    [1_250_000, `1,25${NBSP}млн`, "1.25M"],
    [-2_500_000, `-2,5${NBSP}млн`, "-2.5M"],
    [3_000_000_000, `3${NBSP}млрд`, "3B"],
    [1_234_567_890_123, `1${NNBSP}234,57${NBSP}млрд`, `1${NNBSP}234.57B`],
  ];
  it.each(cases)("%d → %s / %s", (n, ru, en) => {
    expect(formatCompact(n, "ru")).toBe(ru);
    expect(formatCompact(n, "en")).toBe(en);
  });

  it("survives non-finite input", () => {
    expect(formatCompact(Number.NaN, "ru")).toBe("—");
    expect(formatCompact(Number.POSITIVE_INFINITY, "en")).toBe("—");
  });

  it("keeps fewer decimals on request, and narrow cells short", () => {
    expect(formatCompact(1_234_567, "ru", { maxFrac: 1 })).toBe(`1,2${NBSP}млн`);
    expect(formatCompact(1_234_567, "en", { maxFrac: 0 })).toBe("1M");
    expect(formatCompact(12_345, "ru", { narrow: true })).toBe(`12,3${NBSP}тыс.`);
    expect(formatCompact(1_050_000, "ru", { narrow: true })).toBe(`1,05${NBSP}млн`);
    expect(formatCompact(4_804_000, "en", { narrow: true })).toBe("4.8M");
    expect(formatCompact(123_456, "ru", { narrow: true })).toBe(`123${NBSP}тыс.`);
    expect(formatCompact(999.6, "en", { narrow: true })).toBe("1k"); // rounds up into the next unit
    expect(formatCompact(99_960, "ru", { narrow: true })).toBe(`100${NBSP}тыс.`);
    expect(formatCompact(-50_000, "en", { narrow: true })).toBe("-50k");
    expect(formatCompact(0.4, "ru", { narrow: true })).toBe("0");
  });
});

describe("formatNumber, groupDigits, formatPlain", () => {
  it("groups thousands with narrow no-break spaces and uses the decimal comma in Russian", () => {
    expect(formatNumber(1_250, "ru")).toBe(`1${NNBSP}250`);
    expect(formatNumber(1_250_000.5, "en")).toBe(`1${NNBSP}250${NNBSP}000.5`);
    expect(formatNumber(-3.14659, "ru")).toBe("-3,15");
    expect(formatNumber(1.15, "ru", 2)).toBe("1,15"); // no float noise
    expect(formatNumber(2.96, "en", 1)).toBe("3");
    expect(formatNumber(-0.001, "ru")).toBe("0"); // no "-0"
    expect(formatNumber(0, "en")).toBe("0");
  });

  it("groups integers only", () => {
    expect(groupDigits(999)).toBe("999");
    expect(groupDigits(1000)).toBe(`1${NNBSP}000`);
    expect(groupDigits(-1_234_567)).toBe(`-1${NNBSP}234${NNBSP}567`);
    expect(groupDigits(12.9)).toBe("12");
  });

  it("writes spreadsheet numbers without grouping", () => {
    expect(formatPlain(1_234_567.5, "ru", 2)).toBe("1234567,50");
    expect(formatPlain(1_234_567.5, "en", 1)).toBe("1234567.5");
    expect(formatPlain(3, "ru", 0)).toBe("3");
  });
});

describe("formatPercent", () => {
  it("keeps one decimal everywhere (1,5 % is not 2 %), more only when asked", () => {
    expect(formatPercent(18.5, "ru")).toBe("18,5%");
    expect(formatPercent(1.5, "ru")).toBe("1,5%");
    expect(formatPercent(100 / 3, "ru", 2)).toBe("33,33%");
    expect(formatPercent(100 / 3, "ru", 1)).toBe("33,3%");
    expect(formatPercent(100 / 3, "en", 1)).toBe("33.3%");
    expect(formatPercent(0, "en")).toBe("0%");
    expect(formatPercent(-4.4, "ru")).toBe("-4,4%");
    expect(formatPercent(25, "ru")).toBe("25%");
  });
});
