// A team-local day's [from, to), hand-computed, including a day that remembers the
// previous answer in its zone and a 23-hour day at a clock change.
import { describe, expect, it } from "vitest";
import { localDayBounds } from "../../src/services/record-entry.js";

const utc = (iso: string) => Date.parse(iso);

describe("localDayBounds", () => {
  it("gives the local day around an instant, asked in any order and zone", () => {
    // Moscow is UTC+3 all year: 7 Dec 2026 local runs 6 Dec 21:00 UTC → 7 Dec 21:00 UTC.
    const moscow7 = { from: utc("2026-12-06T21:00:00Z"), to: utc("2026-12-07T21:00:00Z") };
    expect(localDayBounds(utc("2026-12-07T10:00:00Z"), "Europe/Moscow")).toEqual(moscow7);
    // Same zone, same day (the remembered answer), then its last and first millisecond.
    expect(localDayBounds(utc("2026-12-07T20:59:59.999Z"), "Europe/Moscow")).toEqual(moscow7);
    expect(localDayBounds(utc("2026-12-06T21:00:00Z"), "Europe/Moscow")).toEqual(moscow7);
    // A minute before its start is the day before; after its end, the day after.
    expect(localDayBounds(utc("2026-12-06T20:59:00Z"), "Europe/Moscow")).toEqual({
      from: utc("2026-12-05T21:00:00Z"),
      to: utc("2026-12-06T21:00:00Z"),
    });
    expect(localDayBounds(utc("2026-12-07T21:00:00Z"), "Europe/Moscow")).toEqual({
      from: utc("2026-12-07T21:00:00Z"),
      to: utc("2026-12-08T21:00:00Z"),
    });
    // The same instant in another zone: 7 Dec in Vladivostok (UTC+10) runs 6 Dec 14:00 → 7 Dec 14:00 UTC.
    expect(localDayBounds(utc("2026-12-07T10:00:00Z"), "Asia/Vladivostok")).toEqual({
      from: utc("2026-12-06T14:00:00Z"),
      to: utc("2026-12-07T14:00:00Z"),
    });
    expect(localDayBounds(utc("2026-12-07T10:00:00Z"), "Europe/Moscow")).toEqual(moscow7);
  });

  it("keeps a 23-hour day whole at a spring clock change", () => {
    // Berlin, 29 Mar 2026: 00:00 CET (UTC+1) to 00:00 CEST (UTC+2) the next day, 23 hours.
    const day = localDayBounds(utc("2026-03-29T12:00:00Z"), "Europe/Berlin");
    expect(day).toEqual({ from: utc("2026-03-28T23:00:00Z"), to: utc("2026-03-29T22:00:00Z") });
    expect(localDayBounds(utc("2026-03-29T22:30:00Z"), "Europe/Berlin")).toEqual({
      from: utc("2026-03-29T22:00:00Z"),
      to: utc("2026-03-30T22:00:00Z"),
    });
  });
});
