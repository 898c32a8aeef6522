import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  formatLocal,
  isoWeekday,
  isValidTimeZone,
  localClock,
  localDate,
  zonedMidnight,
  zonedTime,
  zoneOffsetMs,
} from "../../src/domain/time.js";

const H = 3_600_000;
const utc = (iso: string) => Date.parse(iso);

describe("localDate", () => {
  it("is already the next day in Moscow but not in New York at 22:30 UTC", () => {
    const ms = utc("2026-11-30T22:30:00Z");
    expect(localDate(ms, "Europe/Moscow")).toBe("2026-12-01");
    expect(localDate(ms, "America/New_York")).toBe("2026-11-30");
    expect(localDate(ms, "UTC")).toBe("2026-11-30");
  });

  it("handles zones far east and west of UTC", () => {
    // Vladivostok is UTC+10: 14:00Z is midnight of the next local day.
    expect(localDate(utc("2026-11-30T13:59:59Z"), "Asia/Vladivostok")).toBe("2026-11-30");
    expect(localDate(utc("2026-11-30T14:00:00Z"), "Asia/Vladivostok")).toBe("2026-12-01");
    // Los Angeles is UTC-8 in winter: 07:59Z on the 27th is still the 26th.
    expect(localDate(utc("2026-11-27T07:59:00Z"), "America/Los_Angeles")).toBe("2026-11-26");
    expect(localDate(utc("2026-11-27T08:00:00Z"), "America/Los_Angeles")).toBe("2026-11-27");
  });

  it("handles a half-hour zone (Kolkata, UTC+05:30)", () => {
    expect(localDate(utc("2026-11-25T18:29:00Z"), "Asia/Kolkata")).toBe("2026-11-25");
    expect(localDate(utc("2026-11-25T18:30:00Z"), "Asia/Kolkata")).toBe("2026-11-26");
  });
});

describe("zonedMidnight", () => {
  it("finds local 00:00 in fixed-offset and half-hour zones", () => {
    expect(zonedMidnight("2026-11-26", "Europe/Moscow")).toBe(utc("2026-11-25T21:00:00Z"));
    expect(zonedMidnight("2026-11-26", "Asia/Kolkata")).toBe(utc("2026-11-25T18:30:00Z"));
    expect(zonedMidnight("2026-11-26", "Asia/Vladivostok")).toBe(utc("2026-11-25T14:00:00Z"));
    expect(zonedMidnight("2026-07-01", "America/Los_Angeles")).toBe(utc("2026-07-01T07:00:00Z"));
    expect(zonedMidnight("2026-12-01", "America/Los_Angeles")).toBe(utc("2026-12-01T08:00:00Z"));
  });

  it("is right on both sides of the New York DST changes", () => {
    // 1 Nov 2026: clocks fall back at 02:00, so midnight is still EDT (-4).
    expect(zonedMidnight("2026-11-01", "America/New_York")).toBe(utc("2026-11-01T04:00:00Z"));
    expect(zonedMidnight("2026-11-02", "America/New_York")).toBe(utc("2026-11-02T05:00:00Z"));
    // 8 Mar 2026: spring forward; midnight is EST (-5), the next one EDT (-4).
    expect(zonedMidnight("2026-03-08", "America/New_York")).toBe(utc("2026-03-08T05:00:00Z"));
    expect(zonedMidnight("2026-03-09", "America/New_York")).toBe(utc("2026-03-09T04:00:00Z"));
  });

  it("makes the Berlin fall-back day 25 h and the spring-forward day 23 h long", () => {
    const dayLength = (date: string, tz: string) => zonedMidnight(addDays(date, 1), tz) - zonedMidnight(date, tz);
    expect(zonedMidnight("2026-10-25", "Europe/Berlin")).toBe(utc("2026-10-24T22:00:00Z"));
    expect(zonedMidnight("2026-10-26", "Europe/Berlin")).toBe(utc("2026-10-25T23:00:00Z"));
    expect(dayLength("2026-10-25", "Europe/Berlin")).toBe(25 * H);
    expect(dayLength("2026-03-29", "Europe/Berlin")).toBe(23 * H);
    expect(dayLength("2026-03-08", "America/New_York")).toBe(23 * H);
    expect(dayLength("2026-11-26", "Europe/Moscow")).toBe(24 * H);
  });

  it("uses the first existing instant when DST starts at midnight (Santiago)", () => {
    // Chile springs forward at 00:00 on 6 Sep 2026: the day starts at 01:00 (-03).
    expect(zonedMidnight("2026-09-06", "America/Santiago")).toBe(utc("2026-09-06T04:00:00Z"));
    expect(zonedMidnight("2026-09-05", "America/Santiago")).toBe(utc("2026-09-05T04:00:00Z"));
  });

  it("throws on impossible dates", () => {
    expect(() => zonedMidnight("2026-02-30", "UTC")).toThrow(RangeError);
    expect(() => zonedMidnight("26.11.2026", "UTC")).toThrow(RangeError);
  });
});

describe("zonedTime", () => {
  it("converts a wall time to UTC", () => {
    expect(zonedTime("2026-11-26", 9, 15, "Asia/Kolkata")).toBe(utc("2026-11-26T03:45:00Z"));
    expect(zonedTime("2026-11-26", 18, 0, "Europe/Moscow")).toBe(utc("2026-11-26T15:00:00Z"));
  });

  it("pushes a non-existent time forward and picks the earlier of a repeated one", () => {
    // 02:30 does not exist on 8 Mar 2026 in New York → 03:30 EDT.
    expect(zonedTime("2026-03-08", 2, 30, "America/New_York")).toBe(utc("2026-03-08T07:30:00Z"));
    // 01:30 happens twice on 1 Nov 2026 → the first (EDT) one.
    expect(zonedTime("2026-11-01", 1, 30, "America/New_York")).toBe(utc("2026-11-01T05:30:00Z"));
  });
});

describe("cached offsets", () => {
  it("agree with Intl every 15 minutes across the Berlin fall-back day", () => {
    const intl = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    const start = utc("2026-10-24T20:00:00Z");
    for (let ms = start; ms < start + 30 * H; ms += 15 * 60_000) {
      const p = Object.fromEntries(intl.formatToParts(ms).map((x) => [x.type, x.value]));
      expect(formatLocal(ms, "Europe/Berlin", "DD.MM.YYYY HH:mm")).toBe(`${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`);
    }
    expect(zoneOffsetMs(utc("2026-10-25T00:59:00Z"), "Europe/Berlin")).toBe(2 * H);
    expect(zoneOffsetMs(utc("2026-10-25T01:00:00Z"), "Europe/Berlin")).toBe(1 * H);
  });
});

describe("calendar arithmetic", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-11-26", 0)).toBe("2026-11-26");
    expect(addDays("2026-11-26", -30)).toBe("2026-10-27");
  });

  it("gives ISO weekdays with Monday = 1", () => {
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-26")).toBe(4);
    expect(isoWeekday("2026-11-29")).toBe(7);
  });

  it("counts days between dates as b − a", () => {
    expect(daysBetween("2026-11-01", "2026-11-30")).toBe(29);
    expect(daysBetween("2026-03-01", "2026-02-28")).toBe(-1);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
  });
});

describe("localClock / formatLocal", () => {
  it("reads the local wall clock", () => {
    expect(localClock(utc("2026-11-26T06:05:00Z"), "Europe/Moscow")).toEqual({
      date: "2026-11-26",
      hour: 9,
      minute: 5,
      weekday: 4,
    });
    // Midnight is hour 0, never 24.
    expect(localClock(utc("2026-11-25T21:00:00Z"), "Europe/Moscow")).toEqual({
      date: "2026-11-26",
      hour: 0,
      minute: 0,
      weekday: 4,
    });
  });

  it("formats with the three patterns", () => {
    const ms = utc("2026-11-26T06:05:00Z");
    expect(formatLocal(ms, "Europe/Moscow", "HH:mm")).toBe("09:05");
    expect(formatLocal(ms, "Europe/Moscow", "DD.MM")).toBe("26.11");
    expect(formatLocal(ms, "Europe/Moscow", "DD.MM.YYYY HH:mm")).toBe("26.11.2026 09:05");
    expect(formatLocal(utc("2026-11-26T18:40:00Z"), "Asia/Kolkata", "DD.MM.YYYY HH:mm")).toBe("27.11.2026 00:10");
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA names and rejects junk", () => {
    expect(isValidTimeZone("Europe/Moscow")).toBe(true);
    expect(isValidTimeZone("Asia/Kolkata")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("Moscow")).toBe(false);
  });
});
