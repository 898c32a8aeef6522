import { describe, expect, it } from "vitest";
import { parseMonth } from "../../src/domain/month-parsing.js";

const TODAY = "2026-11-29";

describe("parseMonth", () => {
  it("defaults to the current month and reads this/last month", () => {
    expect(parseMonth("", TODAY)).toEqual({ year: 2026, month: 11 });
    expect(parseMonth("месяц", TODAY)).toEqual({ year: 2026, month: 11 });
    expect(parseMonth("last month", TODAY)).toEqual({ year: 2026, month: 10 });
    expect(parseMonth("прошлый месяц", TODAY)).toEqual({ year: 2026, month: 10 });
    expect(parseMonth("lastmonth", "2027-01-05")).toEqual({ year: 2026, month: 12 });
  });

  it("reads numeric months", () => {
    expect(parseMonth("11.2026", TODAY)).toEqual({ year: 2026, month: 11 });
    expect(parseMonth("3.2025", TODAY)).toEqual({ year: 2025, month: 3 });
    expect(parseMonth("2026-09", TODAY)).toEqual({ year: 2026, month: 9 });
    expect(parseMonth("10.26", TODAY)).toEqual({ year: 2026, month: 10 });
  });

  it("reads month names; without a year, the latest one that has begun", () => {
    expect(parseMonth("ноябрь", TODAY)).toEqual({ year: 2026, month: 11 });
    expect(parseMonth("Октябрь", TODAY)).toEqual({ year: 2026, month: 10 });
    expect(parseMonth("декабрь", TODAY)).toEqual({ year: 2025, month: 12 });
    expect(parseMonth("November", TODAY)).toEqual({ year: 2026, month: 11 });
    expect(parseMonth("sep", TODAY)).toEqual({ year: 2026, month: 9 });
    expect(parseMonth("май 2025", TODAY)).toEqual({ year: 2025, month: 5 });
  });

  it("refuses the future and what is not a month", () => {
    expect(parseMonth("12.2026", TODAY)).toEqual({ error: "future" });
    expect(parseMonth("январь 2027", TODAY)).toEqual({ error: "future" });
    expect(parseMonth("13.2026", TODAY)).toEqual({ error: "format" });
    expect(parseMonth("banana", TODAY)).toEqual({ error: "format" });
    expect(parseMonth("15.11", TODAY)).toEqual({ error: "format" });
    expect(parseMonth("0.2026", TODAY)).toEqual({ error: "format" });
  });
});
