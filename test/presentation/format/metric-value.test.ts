import { describe, expect, it } from "vitest";
import { csvValue, displayValue, formatMetricNarrow, formatMetricValue } from "../../../src/presentation/format/metric-value.js";

const NNBSP = "\u202F";
const NBSP = "\u00A0";
const MIN = 60_000;
const H = 3_600_000;
const D = 86_400_000;

describe("formatMetricValue", () => {
  it("formats counts", () => {
    expect(formatMetricValue("calls", 7, "ru")).toBe("7");
    expect(formatMetricValue("calls", 1250, "en")).toBe(`1${NNBSP}250`);
    expect(formatMetricValue("calls", 7.5, "ru")).toBe("7,5");
    expect(formatMetricValue("deals", 0, "ru")).toBe("0");
  });

  it("formats money from kopecks, full and compact", () => {
    expect(formatMetricValue("revenue", 125_000_000, "ru")).toBe(`1${NNBSP}250${NNBSP}000${NBSP}₽`);
    expect(formatMetricValue("revenue", 125_000_000, "ru", { compact: true })).toBe(`1,25${NBSP}млн${NBSP}₽`);
    expect(formatMetricValue("avg_check", 125_000_000, "en", { compact: true })).toBe(`1.25M${NBSP}₽`);
    expect(formatMetricValue("avg_check", 5_000_000, "en")).toBe(`50${NNBSP}000${NBSP}₽`);
  });

  it("formats percents with at most one decimal", () => {
    expect(formatMetricValue("call_conversion", 23, "ru")).toBe("23%");
    expect(formatMetricValue("win_rate", 100 / 3, "ru")).toBe("33,3%");
    expect(formatMetricValue("win_rate", 100 / 3, "en")).toBe("33.3%");
    expect(formatMetricValue("win_rate", 0, "en")).toBe("0%");
  });

  it("formats durations", () => {
    expect(formatMetricValue("lead_time", 5 * H + 20 * MIN, "ru")).toBe("5 ч 20 мин");
    expect(formatMetricValue("lead_time", 5 * H + 20 * MIN, "en")).toBe("5h 20m");
    expect(formatMetricValue("close_time", 2 * D + 4 * H, "ru")).toBe("2 д 4 ч");
    expect(formatMetricValue("close_time", 2 * D + 4 * H, "en")).toBe("2d 4h");
  });

  it("shows null as a dash", () => {
    expect(formatMetricValue("avg_check", null, "ru")).toBe("—");
    expect(formatMetricValue("lead_time", null, "en")).toBe("—");
    expect(formatMetricValue("calls", null, "en")).toBe("—");
  });
});

describe("formatMetricNarrow", () => {
  it("keeps cells a few characters wide", () => {
    expect(formatMetricNarrow("revenue", 45_000_000, "ru")).toBe(`450${NBSP}тыс.`);
    expect(formatMetricNarrow("revenue", 45_000_000, "en")).toBe("450k");
    expect(formatMetricNarrow("avg_check", 99_999_900, "ru")).toBe(`1${NBSP}млн`); // 999 999 ₽ moves up a unit
    expect(formatMetricNarrow("lead_time", 52 * H, "ru")).toBe("2,2д");
    expect(formatMetricNarrow("lead_time", 30 * H, "en")).toBe("30h");
    expect(formatMetricNarrow("lead_time", 45 * MIN, "ru")).toBe("45м");
    expect(formatMetricNarrow("call_conversion", 18.6, "ru")).toBe("18,6%");
    // Three significant digits for money: 1 050 000 is not "1,1 млн"; small shares keep their decimal.
    expect(formatMetricNarrow("revenue", 105_000_000, "ru")).toBe(`1,05${NBSP}млн`);
    expect(formatMetricNarrow("revenue", 150_000_000, "ru")).toBe(`1,5${NBSP}млн`);
    expect(formatMetricNarrow("revenue", 1_234_500, "en")).toBe("12.3k");
    expect(formatMetricNarrow("market_share", 1.5, "ru")).toBe("1,5%");
    expect(formatMetricValue("market_share", 1.5, "ru")).toBe("1,5%");
    expect(formatMetricNarrow("calls", 1204, "ru")).toBe(`1${NNBSP}204`);
    expect(formatMetricNarrow("calls", 2.5, "ru")).toBe("2,5");
    expect(formatMetricNarrow("deals", null, "en")).toBe("—");
  });
});

describe("displayValue and csvValue", () => {
  it("show money in rubles, times in hours", () => {
    expect(displayValue("revenue", 12_345)).toBe(123.45);
    expect(displayValue("lead_time", 90 * MIN)).toBe(1.5);
    expect(displayValue("calls", 7)).toBe(7);
    expect(csvValue("revenue", 5_000_000, "ru")).toBe("50000,00");
    expect(csvValue("revenue", 5_000_050, "en")).toBe("50000.50");
    expect(csvValue("close_time", 2 * D, "ru")).toBe("48,0");
    expect(csvValue("win_rate", 100 / 3, "en")).toBe("33.3");
    expect(csvValue("calls", 12, "ru")).toBe("12");
    expect(csvValue("calls", null, "ru")).toBeNull();
  });
});
