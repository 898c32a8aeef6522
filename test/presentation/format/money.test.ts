import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_AMOUNT_MINOR, parseAmount } from "../../../src/domain/amounts.js";
import { formatMoney, formatMoneyNarrow } from "../../../src/presentation/format/money.js";

const NNBSP = "\u202F"; // digit groups
const NBSP = "\u00A0"; // before ₽ and unit words

describe("formatMoney", () => {
  it("shows whole rubles with thin groups", () => {
    expect(formatMoney(125_000_000, "ru")).toBe(`1${NNBSP}250${NNBSP}000${NBSP}₽`);
    expect(formatMoney(125_000_000, "en")).toBe(`1${NNBSP}250${NNBSP}000${NBSP}₽`);
    expect(formatMoney(99_950, "ru")).toBe(`1${NNBSP}000${NBSP}₽`); // 999.50 rounds up
    expect(formatMoney(0, "ru")).toBe(`0${NBSP}₽`);
    expect(formatMoney(-5_000_000, "ru")).toBe(`-50${NNBSP}000${NBSP}₽`);
  });

  it("shows kopecks on request", () => {
    expect(formatMoney(99_950, "ru", { kopecks: true })).toBe(`999,5${NBSP}₽`);
    expect(formatMoney(123_456_789, "en", { kopecks: true })).toBe(`1${NNBSP}234${NNBSP}567.89${NBSP}₽`);
    expect(formatMoney(100_000, "ru", { kopecks: true })).toBe(`1${NNBSP}000${NBSP}₽`);
  });

  it("has a compact form", () => {
    expect(formatMoney(125_000_000, "ru", { compact: true })).toBe(`1,25${NBSP}млн${NBSP}₽`);
    expect(formatMoney(125_000_000, "en", { compact: true })).toBe(`1.25M${NBSP}₽`);
    expect(formatMoney(5_000_000, "ru", { compact: true })).toBe(`50${NBSP}тыс.${NBSP}₽`);
    expect(formatMoney(5_000_000, "en", { compact: true })).toBe(`50k${NBSP}₽`);
    expect(formatMoney(200_000_000_000, "ru", { compact: true })).toBe(`2${NBSP}млрд${NBSP}₽`);
    expect(formatMoney(115_000_000, "ru", { compact: true })).toBe(`1,15${NBSP}млн${NBSP}₽`);
    // 999 999 ₽ would round to "1000 тыс." — it moves up a unit instead.
    expect(formatMoney(99_999_900, "ru", { compact: true })).toBe(`1${NBSP}млн${NBSP}₽`);
    // Under a thousand rubles there is nothing to compact.
    expect(formatMoney(50_000, "en", { compact: true })).toBe(`500${NBSP}₽`);
  });
});

describe("formatMoneyNarrow", () => {
  it("reads тыс./млн in Russian and k/M in English, without the sign", () => {
    expect(formatMoneyNarrow(40_000_000, "ru")).toBe(`400${NBSP}тыс.`);
    expect(formatMoneyNarrow(40_000_000, "en")).toBe("400k");
    expect(formatMoneyNarrow(480_000_000, "ru")).toBe(`4,8${NBSP}млн`);
    expect(formatMoneyNarrow(480_000_000, "en")).toBe("4.8M");
    expect(formatMoneyNarrow(1_250_000, "ru")).toBe(`12,5${NBSP}тыс.`);
    expect(formatMoneyNarrow(50_000, "ru")).toBe("500");
    expect(formatMoneyNarrow(0, "en")).toBe("0");
    expect(formatMoneyNarrow(-15_000_000, "ru")).toBe(`-150${NBSP}тыс.`);
  });
});

describe("formatMoney reads back", () => {
  // What the bot writes, a manager may paste back into /deal: it must parse to the same rubles.
  it("parses to the same whole rubles, full and compact, in both languages", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: MAX_AMOUNT_MINOR }), fc.constantFrom("ru" as const, "en" as const), (minor, locale) => {
        const full = parseAmount(formatMoney(minor, locale));
        expect(full).toEqual({ minor: Math.round(minor / 100) * 100 });
        const compact = parseAmount(formatMoney(minor, locale, { compact: true }));
        if (!("minor" in compact)) throw new Error(`compact form did not parse for ${minor}`);
        // Two decimals of the unit: off by at most half a unit of the last digit (0.5 %).
        expect(Math.abs(compact.minor - minor)).toBeLessThanOrEqual(Math.max(50, minor * 0.005));
      }),
    );
  });
});
