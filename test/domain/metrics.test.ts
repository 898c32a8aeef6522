import { describe, expect, it } from "vitest";
import { METRIC_KEYS, METRIC_SURFACES, METRICS, metricParser, metricsOn, normalizeMetricWord } from "../../src/domain/metrics.js";

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
      "points",
      "market_share",
      "sales_margin",
      "cac",
      "payback_months",
      "active_customers",
      "repeat_rate",
      "churn",
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
      points: "count/at_least/sum",
      market_share: "percent/at_least/nosum",
      sales_margin: "percent/at_least/nosum",
      cac: "money/at_most/nosum",
      payback_months: "months/at_most/nosum",
      active_customers: "count/at_least/sum",
      repeat_rate: "percent/at_least/nosum",
      churn: "percent/at_most/nosum",
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
      "points",
      // Customers, not the head's money figures.
      "active_customers",
      "repeat_rate",
      "churn",
    ]);
    expect(metricsOn("report", "activity")).toEqual([
      "calls",
      "meetings",
      "call_conversion",
      "noanswer_rate",
      "proposals",
      "presentations",
    ]);
    expect(metricsOn("report", "results")).toEqual([
      "deals",
      "revenue",
      "avg_check",
      "lead_time",
      "close_time",
      "market_share",
      "sales_margin",
      "cac",
      "payback_months",
      "active_customers",
      "repeat_rate",
      "churn",
    ]);
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
