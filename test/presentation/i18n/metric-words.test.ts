import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../src/domain/locales.js";
import { METRIC_KEYS } from "../../../src/domain/metrics.js";
import { messages } from "../../../src/presentation/i18n/index.js";
import { metricLabel, metricShort, metricsHint, metricWordList, parseMetricOn } from "../../../src/presentation/i18n/metric-words.js";

describe("metric words", () => {
  it("keeps short labels within 6 characters and labels in both languages", () => {
    for (const l of LOCALES) {
      for (const k of METRIC_KEYS) {
        expect(metricShort(k, l).length).toBeGreaterThan(0);
        expect(metricShort(k, l).length).toBeLessThanOrEqual(6);
        expect(metricLabel(k, l)).not.toBe("");
      }
    }
    expect(metricLabel("deals", "ru")).toBe("сделки");
    expect(metricLabel("deals", "en")).toBe("deals");
    expect(metricLabel("avg_check", "ru")).toBe("средний чек");
    expect(metricLabel("noanswer_rate", "ru")).toBe("доля недозвонов");
    expect(metricLabel("noanswer_rate", "en")).toBe("no-answer rate");
  });

  it("gives no alias to two metrics", () => {
    const seen = new Map<string, string>();
    for (const l of LOCALES) {
      for (const k of METRIC_KEYS) {
        for (const a of messages[l].metric[k].aliases) {
          expect(seen.get(a) ?? k, `${a} is an alias of two metrics`).toBe(k);
          seen.set(a, k);
        }
      }
    }
  });
});

describe("parseMetricOn", () => {
  const parseMetric = parseMetricOn("top");
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
    ["noanswer", "noanswer_rate"],
    ["noanswer_rate", "noanswer_rate"],
    ["недозвоны", "noanswer_rate"],
    ["Доля недозвонов", "noanswer_rate"],
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

  it("knows only the metrics shown on the surface", () => {
    expect(parseMetricOn("compare")("отказы")).toBeNull();
    expect(parseMetricOn("compare")("конверсия")).toBe("call_conversion");
  });
});

describe("metric hints", () => {
  it("lists a surface's metrics as each language types them", () => {
    expect(metricWordList("plan", "ru")).toBe(
      "звонки, встречи, конверсия, недозвоны, кп, презентации, сделки, выручка, средний_чек, отказы, доля_успешных, обработка, закрытие, лиды, очки, доля_рынка, рентабельность, cac, окупаемость, активные_клиенты, повторные, отток",
    );
    expect(metricWordList("compare", "en")).not.toContain("lost");
    expect(metricsHint("plan", "en")).toMatch(
      /^Metrics: calls, meetings, conversion, noanswer, .* \(or in Russian: звонки, встречи, конверсия, …\)\.$/,
    );
  });
});
