import { describe, expect, it } from "vitest";
import { parseAmount, splitAmountAndRest } from "../../src/domain/amounts.js";

describe("parseAmount accepts", () => {
  const ok: [string, number][] = [
    ["50000", 5_000_000],
    ["50 000", 5_000_000],
    ["50\u00A0000", 5_000_000],
    ["50\u2009000", 5_000_000],
    ["50\u202F000", 5_000_000],
    ["1 250 000", 125_000_000],
    ["50k", 5_000_000],
    ["50K", 5_000_000],
    ["50к", 5_000_000],
    ["50 к", 5_000_000],
    ["1.5m", 150_000_000],
    ["1,5m", 150_000_000],
    ["1,5 млн", 150_000_000],
    ["1.5 млн.", 150_000_000],
    ["50 тыс", 5_000_000],
    ["50 тыс.", 5_000_000],
    ["2 млрд", 200_000_000_000],
    ["2bn", 200_000_000_000],
    ["50000 ₽", 5_000_000],
    ["50000₽", 5_000_000],
    ["50000 р", 5_000_000],
    ["50000р.", 5_000_000],
    ["50000 руб", 5_000_000],
    ["50 000 руб.", 5_000_000],
    ["50000 rub", 5_000_000],
    ["50000 RUB", 5_000_000],
    ["50 тыс. руб.", 5_000_000],
    ["50к₽", 5_000_000],
    ["99.99", 9_999],
    ["99,9", 9_990],
    ["1 250 000,50", 125_000_050],
    ["  7000  ", 700_000],
    // More than two decimals are fine with a multiplier and round to the kopeck.
    ["1,2345 тыс", 123_450],
    ["1.234567 тыс", 123_457], // 1234.567 ₽ → 1234.57 ₽
    ["0.000005 тыс", 1], // 0.005 ₽ = 0.5 kop → rounds half up to 1 kop
    ["12,345 млн", 1_234_500_000],
    // The limit itself (10^12 ₽) is allowed.
    ["1000000000000", 100_000_000_000_000],
    ["1000 млрд", 100_000_000_000_000],
  ];
  it.each(ok)("%j → %d kop", (text, minor) => {
    expect(parseAmount(text)).toEqual({ minor });
  });
});

describe("parseAmount rejects", () => {
  const bad: [string, string][] = [
    ["", "format"],
    ["abc", "format"],
    ["50 usd", "format"],
    ["50kk", "format"],
    ["1e6", "format"],
    ["5 00", "format"], // a group must have three digits
    ["50,000", "format"], // three decimals without a multiplier: a thousands separator, ambiguous
    ["1.500", "format"],
    ["1,005", "format"],
    ["50 000 руб руб", "format"],
    ["₽ 500", "format"],
    ["0", "zero"],
    ["0,00", "zero"],
    ["0 млн", "zero"],
    ["0.000001 тыс", "zero"], // 0.001 ₽ = 0.1 kop → 0
    ["-500", "negative"],
    ["−500", "negative"],
    ["- 1,5 млн", "negative"],
    ["1000000000000.01", "too_large"],
    ["1001 млрд", "too_large"],
  ];
  it.each(bad)("%j → %s", (text, error) => {
    expect(parseAmount(text)).toEqual({ error });
  });
});

describe("splitAmountAndRest", () => {
  it("takes the amount tokens off the front", () => {
    expect(splitAmountAndRest("1,5 млн ООО Ромашка")).toEqual({ amountText: "1,5 млн", rest: "ООО Ромашка" });
    expect(splitAmountAndRest("50 000 ₽ Acme")).toEqual({ amountText: "50 000 ₽", rest: "Acme" });
    expect(splitAmountAndRest("50000 Рога и копыта")).toEqual({ amountText: "50000", rest: "Рога и копыта" });
    expect(splitAmountAndRest("50к — Acme Ltd")).toEqual({ amountText: "50к", rest: "Acme Ltd" });
    expect(splitAmountAndRest("120000")).toEqual({ amountText: "120000", rest: "" });
    expect(splitAmountAndRest("50 тыс. руб. Альфа")).toEqual({ amountText: "50 тыс. руб.", rest: "Альфа" });
  });

  it("keeps a negative amount so the caller can say why it is wrong", () => {
    const r = splitAmountAndRest("-500 Acme");
    expect(r).toEqual({ amountText: "-500", rest: "Acme" });
    expect(parseAmount(r.amountText)).toEqual({ error: "negative" });
  });

  it("returns the first token when nothing looks like an amount", () => {
    expect(splitAmountAndRest("Acme 500")).toEqual({ amountText: "Acme", rest: "500" });
    expect(splitAmountAndRest("   ")).toEqual({ amountText: "", rest: "" });
  });
});
