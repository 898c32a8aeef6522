import { describe, expect, it } from "vitest";
import { METRIC_KEYS, METRICS, parseMetric } from "../../src/domain/metrics.js";

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
