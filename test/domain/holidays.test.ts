import { describe, expect, it } from "vitest";
import { formatHolidays, holidayChecker, parseHolidays } from "../../src/domain/holidays.js";

describe("parseHolidays", () => {
  it("reads ranges and single days, yearly without a year", () => {
    const r = parseHolidays("01.01–08.01, 23.02, 08.03");
    expect(r).toEqual({
      ok: true,
      holidays: ["01-01", "01-02", "01-03", "01-04", "01-05", "01-06", "01-07", "01-08", "02-23", "03-08"],
    });
  });

  it("takes a spaced dash, a hyphen, and a range across the new year", () => {
    expect(parseHolidays("30.12 - 02.01")).toEqual({ ok: true, holidays: ["01-01", "01-02", "12-30", "12-31"] });
    expect(parseHolidays("28.02-01.03")).toEqual({ ok: true, holidays: ["02-28", "02-29", "03-01"] });
  });

  it("keeps a dated day as a one-off", () => {
    expect(parseHolidays("04.11.2026, 31.12.2026–01.01.2027")).toEqual({
      ok: true,
      holidays: ["2026-11-04", "2026-12-31", "2027-01-01"],
    });
  });

  it("refuses what is not a date", () => {
    expect(parseHolidays("32.01")).toEqual({ ok: false, error: "bad_date", word: "32.01" });
    expect(parseHolidays("01.01, завтра")).toEqual({ ok: false, error: "bad_date", word: "завтра" });
    expect(parseHolidays("05.01.2027–01.01.2027")).toMatchObject({ ok: false, error: "bad_date" });
    expect(parseHolidays("01.01–05.01.2027")).toMatchObject({ ok: false, error: "bad_date" });
    expect(parseHolidays("  ")).toMatchObject({ ok: false, error: "empty" });
  });

  it("refuses years a date cannot be typed with (found by the fuzz suite: the bot crashed)", () => {
    expect(parseHolidays("01.01.0001-31.12.9999")).toEqual({ ok: false, error: "bad_date", word: "01.01.0001–31.12.9999" });
    expect(parseHolidays("31.12.9999")).toEqual({ ok: false, error: "bad_date", word: "31.12.9999" });
    expect(parseHolidays("01.01.1969")).toMatchObject({ ok: false, error: "bad_date" });
  });
});

describe("holidayChecker and formatHolidays", () => {
  it("matches yearly days in any year and one-offs only in theirs", () => {
    const is = holidayChecker(["01-07", "2026-11-04"]);
    expect(is("2026-01-07")).toBe(true);
    expect(is("2031-01-07")).toBe(true);
    expect(is("2026-11-04")).toBe(true);
    expect(is("2027-11-04")).toBe(false);
  });

  it("writes stored days back as ranges", () => {
    const parsed = parseHolidays("01.01–08.01, 23.02, 08.03, 04.11.2026");
    expect(parsed.ok && formatHolidays(parsed.holidays)).toBe("01.01–08.01, 23.02, 08.03, 04.11.2026");
  });
});
