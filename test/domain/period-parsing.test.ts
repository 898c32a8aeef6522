import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/domain/period-parsing.js";

describe("parsePeriod keywords", () => {
  const cases: [string, string][] = [
    ["today", "today"],
    ["TODAY", "today"],
    ["day", "today"],
    ["yesterday", "yesterday"],
    ["week", "week"],
    ["lastweek", "lastweek"],
    ["last_week", "lastweek"],
    ["month", "month"],
    ["Month", "month"],
    ["lastmonth", "lastmonth"],
    ["quarter", "quarter"],
    ["year", "year"],
    ["сегодня", "today"],
    ["Сегодня", "today"],
    ["вчера", "yesterday"],
    ["неделя", "week"],
    ["прошлая_неделя", "lastweek"],
    ["прошлаянеделя", "lastweek"],
    ["Прошлая неделя", "lastweek"],
    ["месяц", "month"],
    ["прошлый_месяц", "lastmonth"],
    ["квартал", "quarter"],
    ["год", "year"],
    ["  ГОД  ", "year"],
  ];
  it.each(cases)("%s → %s", (text, kind) => {
    expect(parsePeriod(text)).toEqual({ kind });
  });

  it("rejects unknown words", () => {
    expect(parsePeriod("tomorrow")).toBeNull();
    expect(parsePeriod("")).toBeNull();
    expect(parsePeriod("неделька")).toBeNull();
    expect(parsePeriod("constructor")).toBeNull();
    expect(parsePeriod("__proto__")).toBeNull();
  });
});

describe("parsePeriod dates and ranges", () => {
  const nov1to15 = { kind: "range", start: { year: null, month: 11, day: 1 }, end: { year: null, month: 11, day: 15 } };
  const nov1to15y = { kind: "range", start: { year: 2026, month: 11, day: 1 }, end: { year: 2026, month: 11, day: 15 } };

  it("accepts yearless ranges with en dash, em dash, hyphen and ..", () => {
    expect(parsePeriod("01.11–15.11")).toEqual(nov1to15);
    expect(parsePeriod("01.11—15.11")).toEqual(nov1to15);
    expect(parsePeriod("01.11-15.11")).toEqual(nov1to15);
    expect(parsePeriod("01.11..15.11")).toEqual(nov1to15);
    expect(parsePeriod("1.11 – 15.11")).toEqual(nov1to15);
  });

  it("accepts ranges with years in both notations", () => {
    expect(parsePeriod("01.11.2026-15.11.2026")).toEqual(nov1to15y);
    expect(parsePeriod("01.11.26–15.11.26")).toEqual(nov1to15y);
    expect(parsePeriod("2026-11-01..2026-11-15")).toEqual(nov1to15y);
    expect(parsePeriod("2026-11-01-2026-11-15")).toEqual(nov1to15y);
    // A yearless side borrows the other side's year.
    expect(parsePeriod("01.11–15.11.2026")).toEqual(nov1to15y);
  });

  it("accepts a single date", () => {
    expect(parsePeriod("15.11")).toEqual({ kind: "date", date: { year: null, month: 11, day: 15 } });
    expect(parsePeriod("2026-11-15")).toEqual({ kind: "date", date: { year: 2026, month: 11, day: 15 } });
    expect(parsePeriod("15.11.2026")).toEqual({ kind: "date", date: { year: 2026, month: 11, day: 15 } });
    // 29.02 exists in some years, so it is accepted without a year.
    expect(parsePeriod("29.02")).toEqual({ kind: "date", date: { year: null, month: 2, day: 29 } });
  });

  it("rejects impossible dates and reversed ranges", () => {
    expect(parsePeriod("31.02")).toBeNull();
    expect(parsePeriod("32.01")).toBeNull();
    expect(parsePeriod("15.13")).toBeNull();
    expect(parsePeriod("00.11")).toBeNull();
    expect(parsePeriod("2026-13-01")).toBeNull();
    expect(parsePeriod("2026-02-29")).toBeNull(); // 2026 is not a leap year
    expect(parsePeriod("29.02.2026")).toBeNull();
    expect(parsePeriod("01.11–31.11")).toBeNull();
    expect(parsePeriod("15.11–01.11")).toBeNull();
    expect(parsePeriod("2026-11-15..2026-11-01")).toBeNull();
    expect(parsePeriod("01.12.2026-15.11.2026")).toBeNull();
    expect(parsePeriod("01.11–")).toBeNull();
    expect(parsePeriod("01.11 15.11")).toBeNull();
  });

  it("rejects years no period can hold (found by the fuzz suite: 31.12.9999 crashed reports)", () => {
    expect(parsePeriod("01.01.0001-31.12.9999")).toBeNull();
    expect(parsePeriod("31.12.9999")).toBeNull();
    expect(parsePeriod("1.1.1000-1.1.1250")).toBeNull();
    expect(parsePeriod("31.12.1969")).toBeNull();
    expect(parsePeriod("01.01.1970-31.12.9998")).toEqual({
      kind: "range",
      start: { year: 1970, month: 1, day: 1 },
      end: { year: 9998, month: 12, day: 31 },
    });
  });
});
