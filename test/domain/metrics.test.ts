import { describe, expect, it } from "vitest";
import { formatDuration, formatMetricValue, METRIC_KEYS, METRICS, parseMetric } from "../../src/domain/metrics.js";

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
  });

  it("keeps short labels within 6 characters and labels in both languages", () => {
    for (const k of METRIC_KEYS) {
      const m = METRICS[k];
      expect(m.key).toBe(k);
      expect(m.short.ru.length).toBeLessThanOrEqual(6);
      expect(m.short.en.length).toBeLessThanOrEqual(6);
      expect(m.short.ru.length).toBeGreaterThan(0);
      expect(m.label.ru).not.toBe("");
      expect(m.label.en).not.toBe("");
    }
    expect(METRICS.deals.label).toEqual({ ru: "сделки", en: "deals" });
    expect(METRICS.avg_check.label.ru).toBe("средний чек");
  });
});

describe("parseMetric", () => {
  const cases: [string, string][] = [
    ["calls", "calls"],
    ["звонки", "calls"],
    ["Звонки", "calls"],
    ["meetings", "meetings"],
    ["встречи", "meetings"],
    ["conversion", "call_conversion"],
    ["конверсия", "call_conversion"],
    ["call_conversion", "call_conversion"],
    ["call-conversion", "call_conversion"],
    ["Call Conversion", "call_conversion"],
    ["proposals", "proposals"],
    ["кп", "proposals"],
    ["КП", "proposals"],
    ["presentations", "presentations"],
    ["презентации", "presentations"],
    ["deals", "deals"],
    ["сделки", "deals"],
    ["DEALS", "deals"],
    ["revenue", "revenue"],
    ["выручка", "revenue"],
    ["avgcheck", "avg_check"],
    ["avg_check", "avg_check"],
    ["avg-check", "avg_check"],
    ["avg check", "avg_check"],
    ["средний_чек", "avg_check"],
    ["средний чек", "avg_check"],
    ["Средний-чек", "avg_check"],
    ["чек", "avg_check"],
    ["winrate", "win_rate"],
    ["win_rate", "win_rate"],
    ["win-rate", "win_rate"],
    ["доля_успешных", "win_rate"],
    ["доля успешных", "win_rate"],
    ["leadtime", "lead_time"],
    ["lead_time", "lead_time"],
    ["lead time", "lead_time"],
    ["обработка", "lead_time"],
    ["closetime", "close_time"],
    ["close_time", "close_time"],
    ["закрытие", "close_time"],
    ["lost", "lost"],
    ["отказы", "lost"],
    ["leads", "leads"],
    ["лиды", "leads"],
    ["  Выручка ", "revenue"],
  ];
  it.each(cases)("%j → %s", (text, key) => {
    expect(parseMetric(text)).toBe(key);
  });

  it("returns null for unknown names", () => {
    expect(parseMetric("profit")).toBeNull();
    expect(parseMetric("")).toBeNull();
    expect(parseMetric("avg__check")).toBeNull();
    expect(parseMetric("toString")).toBeNull();
    expect(parseMetric("constructor")).toBeNull();
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
