import { describe, expect, it } from "vitest";
import {
  formatDuration,
  formatMetricValue,
  METRIC_KEYS,
  METRIC_SURFACES,
  METRICS,
  metricParser,
  metricsOn,
  normalizeMetricWord,
} from "../../src/domain/metrics.js";

const NNBSP = "\u202F";
const NBSP = "\u00A0";
const MIN = 60_000;
const H = 3_600_000;
const D = 86_400_000;

describe("metric catalogue", () => {
  it("has the stable keys in catalogue order", () => {
    expect(METRIC_KEYS).toEqual([
      "calls",
      "meetings",
      "call_conversion",
      "noanswer_rate",
      "proposals",
      "presentations",
      "deals",
      "revenue",
      "avg_check",
      "lost",
      "win_rate",
      "lead_time",
      "close_time",
      "leads",
    ]);
  });

  it("gives each metric its unit, direction and summability", () => {
    const summary = Object.fromEntries(
      METRIC_KEYS.map((k) => [k, `${METRICS[k].unit}/${METRICS[k].direction}/${METRICS[k].summable ? "sum" : "nosum"}`]),
    );
    expect(summary).toEqual({
      calls: "count/at_least/sum",
      meetings: "count/at_least/sum",
      call_conversion: "percent/at_least/nosum",
      noanswer_rate: "percent/at_most/nosum",
      proposals: "count/at_least/sum",
      presentations: "count/at_least/sum",
      deals: "count/at_least/sum",
      revenue: "money/at_least/sum",
      avg_check: "money/at_least/nosum",
      lost: "count/at_most/sum",
      win_rate: "percent/at_least/nosum",
      lead_time: "duration/at_most/nosum",
      close_time: "duration/at_most/nosum",
      leads: "count/at_least/sum",
    });
    for (const k of METRIC_KEYS) expect(METRICS[k].key).toBe(k);
  });
});

describe("metricsOn", () => {
  it("selects each surface's metrics in catalogue order", () => {
    expect(metricsOn("me")).toEqual([
      "calls",
      "meetings",
      "call_conversion",
      "noanswer_rate",
      "proposals",
      "presentations",
      "deals",
      "revenue",
      "avg_check",
    ]);
    expect(metricsOn("report", "activity")).toEqual([
      "calls",
      "meetings",
      "call_conversion",
      "noanswer_rate",
      "proposals",
      "presentations",
    ]);
    expect(metricsOn("report", "results")).toEqual(["deals", "revenue", "avg_check", "lead_time", "close_time"]);
    expect(metricsOn("compare")).not.toContain("lost");
    expect(metricsOn("compare")).toContain("win_rate");
    expect(metricsOn("export")).toEqual([...METRIC_KEYS]);
    expect(metricsOn("top")).toEqual([...METRIC_KEYS]);
    expect(metricsOn("summary")).toEqual(["calls", "meetings", "deals", "revenue"]);
    expect(metricsOn("summary", "results")).toEqual(["deals", "revenue"]);
  });

  it("shows the no-answer rate wherever call conversion is shown, except as the main metric", () => {
    for (const s of METRIC_SURFACES) if (s !== "main") expect(METRICS.noanswer_rate.show[s]).toBe(METRICS.call_conversion.show[s]);
    expect(metricsOn("main")).not.toContain("noanswer_rate");
  });
});

describe("metricParser", () => {
  const parse = metricParser([
    ["avg_check", ["средний_чек", "Чек"]],
    ["lost", ["отказы"]],
  ]);

  it("reads keys and aliases in any case, with spaces or dashes for underscores", () => {
    expect(parse("avg_check")).toBe("avg_check");
    expect(parse("Средний чек")).toBe("avg_check");
    expect(parse("средний-чек")).toBe("avg_check");
    expect(parse("чек")).toBe("avg_check");
    expect(parse("  ОТКАЗЫ ")).toBe("lost");
    expect(parse("noanswer_rate")).toBe("noanswer_rate");
  });

  it("knows only the given keys and never reads Object.prototype", () => {
    const onlyLost = metricParser([["avg_check", ["чек"]]], ["lost"]);
    expect(onlyLost("чек")).toBeNull();
    expect(onlyLost("avg_check")).toBeNull();
    expect(onlyLost("lost")).toBe("lost");
    expect(parse("toString")).toBeNull();
    expect(parse("constructor")).toBeNull();
    expect(parse("")).toBeNull();
  });

  it("normalises like the aliases are written", () => {
    expect(normalizeMetricWord(" Доля  Недозвонов ")).toBe("доля_недозвонов");
    expect(normalizeMetricWord("Win-Rate")).toBe("win_rate");
    expect(normalizeMetricWord("Отчёт")).toBe("отчет");
  });
});

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
