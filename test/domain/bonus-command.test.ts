import { describe, expect, it } from "vitest";
import { bonusKindParser, parseBonusCommand, parseBonusPercent } from "../../src/domain/bonus-command.js";
import { parseMetricOn } from "../../src/presentation/i18n/metric-words.js";

const kinds = bonusKindParser({ over_plan: ["сверх_плана"], big_deal: ["крупная_сделка"], plan_hit: ["план"] });
const parse = (text: string) => parseBonusCommand(text, kinds, parseMetricOn("plan"));

describe("parseBonusCommand", () => {
  it("reads the three one-line forms", () => {
    expect(parse("over_plan 5%")).toEqual({ params: { kind: "over_plan", percentBp: 500 } });
    expect(parse("big_deal 300k 10k")).toEqual({ params: { kind: "big_deal", thresholdMinor: 30_000_000, amountMinor: 1_000_000 } });
    expect(parse("plan_hit deals 15k")).toEqual({ params: { kind: "plan_hit", metric: "deals", amountMinor: 1_500_000 } });
  });

  it("takes money as /deal does, and Russian words", () => {
    expect(parse("крупная_сделка 300 000 10 000")).toEqual({
      params: { kind: "big_deal", thresholdMinor: 30_000_000, amountMinor: 1_000_000 },
    });
    expect(parse("big_deal 1,5 млн 50 тыс")).toEqual({ params: { kind: "big_deal", thresholdMinor: 150_000_000, amountMinor: 5_000_000 } });
    expect(parse("план сделки 15 тыс. ₽")).toEqual({ params: { kind: "plan_hit", metric: "deals", amountMinor: 1_500_000 } });
    expect(parse("сверх_плана 2,5 %")).toEqual({ params: { kind: "over_plan", percentBp: 250 } });
    expect(parse("plan_hit выручка 1k")).toEqual({ params: { kind: "plan_hit", metric: "revenue", amountMinor: 100_000 } });
  });

  it("refuses what is missing, unknown or out of range", () => {
    expect(parse("")).toEqual({ error: "usage" });
    expect(parse("big_deal 300k")).toEqual({ error: "usage" });
    expect(parse("plan_hit deals")).toEqual({ error: "usage" });
    expect(parse("mega 5%")).toEqual({ error: "kind", word: "mega" });
    expect(parse("plan_hit bananas 5k")).toEqual({ error: "metric", word: "bananas" });
    expect(parse("over_plan 0%")).toMatchObject({ error: "percent", reason: "zero" });
    expect(parse("over_plan -5%")).toMatchObject({ error: "percent", reason: "negative" });
    expect(parse("over_plan 150%")).toMatchObject({ error: "percent", reason: "too_large" });
    expect(parse("over_plan пять")).toMatchObject({ error: "percent", reason: "format" });
    expect(parse("big_deal -300k 10k")).toMatchObject({ error: "money", reason: "negative" });
    expect(parse("big_deal 300k -10k")).toMatchObject({ error: "money", reason: "negative", word: "-10k" });
    expect(parse("big_deal 300k 200m")).toMatchObject({ error: "money", reason: "too_large" });
    expect(parse("plan_hit deals 0")).toMatchObject({ error: "money", reason: "zero" });
    expect(parse("plan_hit deals 15k extra")).toEqual({ error: "extra", word: "extra" });
  });

  it("accepts exactly 100 % and 100 млн ₽, not more", () => {
    expect(parse("over_plan 100%")).toEqual({ params: { kind: "over_plan", percentBp: 10_000 } });
    expect(parse("big_deal 100m 1k")).toMatchObject({ params: { thresholdMinor: 10_000_000_000 } });
    expect(parse("big_deal 100000001 1k")).toMatchObject({ error: "money", reason: "too_large" });
  });
});

describe("parseBonusPercent", () => {
  it("reads hundredths and refuses more decimals", () => {
    expect(parseBonusPercent("0.01%")).toEqual({ percentBp: 1 });
    expect(parseBonusPercent("12.5")).toEqual({ percentBp: 1250 });
    expect(parseBonusPercent("1.234%")).toEqual({ error: "format" });
  });
});
