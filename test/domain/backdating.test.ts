import { describe, expect, it } from "vitest";
import { backdatedInstant, checkBackdate, parseDayToken, resolveBackdate, resolveDay } from "../../src/domain/backdating.js";
import { splitEntryDay } from "../../src/domain/entry-parsing.js";
import { parseSettingsCommand } from "../../src/domain/settings-command.js";
import { readTeamSettings } from "../../src/domain/team-settings.js";

const TZ = "Europe/Moscow";

describe("day words and dates", () => {
  it("reads day words and dates, and rejects impossible dates", () => {
    expect(parseDayToken("вчера")).toEqual({ type: "ago", days: 1 });
    expect(parseDayToken("Позавчера")).toEqual({ type: "ago", days: 2 });
    expect(parseDayToken("yesterday")).toEqual({ type: "ago", days: 1 });
    expect(parseDayToken("сегодня")).toEqual({ type: "ago", days: 0 });
    expect(parseDayToken("25.11")).toEqual({ type: "date", day: 25, month: 11, year: null });
    expect(parseDayToken("5.1.27")).toEqual({ type: "date", day: 5, month: 1, year: 2027 });
    expect(parseDayToken("29.02")).toEqual({ type: "date", day: 29, month: 2, year: null });
    expect(parseDayToken("31.02")).toBe("bad_date");
    expect(parseDayToken("32.11")).toBe("bad_date");
    expect(parseDayToken("Acme")).toBeNull();
    expect(parseDayToken("constructor")).toBeNull();
    expect(parseDayToken("1.5m")).toBeNull();
  });

  it("pins them to the calendar seen from today", () => {
    const today = "2026-11-29"; // a Sunday
    expect(resolveDay({ type: "ago", days: 1 }, today)).toBe("2026-11-28");
    expect(resolveDay({ type: "weekday", weekday: 5 }, today)).toBe("2026-11-27");
    // The same weekday as today means a week ago.
    expect(resolveDay({ type: "weekday", weekday: 7 }, today)).toBe("2026-11-22");
    expect(resolveDay({ type: "date", day: 25, month: 11, year: null }, today)).toBe("2026-11-25");
    // Tomorrow stays in this year (and is refused as the future); 30.12 typed in January is last year's.
    expect(resolveDay({ type: "date", day: 30, month: 11, year: null }, today)).toBe("2026-11-30");
    expect(resolveDay({ type: "date", day: 30, month: 12, year: null }, "2027-01-02")).toBe("2026-12-30");
    expect(resolveDay({ type: "date", day: 29, month: 2, year: null }, today)).toBeNull();
  });

  it("checks the window: today always, back up to N days, never ahead; 0 turns it off", () => {
    expect(checkBackdate("2026-11-29", "2026-11-29", 0)).toEqual({ ok: true, daysBack: 0 });
    expect(checkBackdate("2026-11-22", "2026-11-29", 7)).toEqual({ ok: true, daysBack: 7 });
    expect(checkBackdate("2026-11-21", "2026-11-29", 7)).toEqual({ ok: false, error: "outside_window" });
    expect(checkBackdate("2026-11-30", "2026-11-29", 7)).toEqual({ ok: false, error: "future" });
    expect(checkBackdate("2026-11-28", "2026-11-29", 0)).toEqual({ ok: false, error: "disabled" });
  });

  it("dates a backdated entry that day at the local time it was logged, in the team's zone", () => {
    const sent = Date.parse("2026-11-29T10:30:15Z"); // 13:30:15 in Moscow
    expect(backdatedInstant("2026-11-27", sent, TZ)).toBe(Date.parse("2026-11-27T10:30:15Z"));
    expect(backdatedInstant("2026-11-29", sent, TZ)).toBe(sent);
    // 00:30 Moscow on the 29th is still the 28th in UTC: "вчера" is the 28th local.
    const early = Date.parse("2026-11-28T21:30:00Z");
    const r = resolveBackdate({ type: "ago", days: 1 }, early, TZ, 7);
    expect(r).toEqual({ ok: true, day: "2026-11-28", occurredAt: Date.parse("2026-11-27T21:30:00Z"), backdated: true });
    expect(resolveBackdate("bad_date", sent, TZ, 7)).toEqual({ ok: false, error: "bad_date", day: null });
    expect(resolveBackdate({ type: "date", day: 1, month: 12, year: null }, sent, TZ, 7)).toEqual({
      ok: false,
      error: "future",
      day: "2026-12-01",
    });
  });
});

describe("a logging command's day", () => {
  it("takes the day from the end (or, without an amount, the start) and leaves the rest to the entry parser", () => {
    expect(splitEntryDay("call", "вчера")).toEqual({ args: "", day: { type: "ago", days: 1 } });
    expect(splitEntryDay("call", "встреча Acme вчера")).toEqual({ args: "встреча Acme", day: { type: "ago", days: 1 } });
    expect(splitEntryDay("meeting", "вчера Acme")).toEqual({ args: "Acme", day: { type: "ago", days: 1 } });
    expect(splitEntryDay("deal", "50k Acme 25.11")).toEqual({ args: "50k Acme", day: { type: "date", day: 25, month: 11, year: null } });
    // A deal's first word is its amount, never a day.
    expect(splitEntryDay("deal", "25.11")).toEqual({ args: "25.11", day: null });
    expect(splitEntryDay("lost", "Acme вчера — дорого, решили вчера")).toEqual({
      args: "Acme — дорого, решили вчера",
      day: { type: "ago", days: 1 },
    });
    expect(splitEntryDay("call", "Acme 31.02")).toEqual({ args: "Acme", day: "bad_date" });
    expect(splitEntryDay("proposal", "ООО Ромашка")).toEqual({ args: "ООО Ромашка", day: null });
  });

  it("/settings backdate takes 0–31 days; the default is 7", () => {
    expect(readTeamSettings({}).backdateDays).toBe(7);
    const metric = () => null;
    expect(parseSettingsCommand("backdate 3", metric)).toEqual({ scope: "team", patch: { backdateDays: 3 } });
    expect(parseSettingsCommand("backdate 0", metric)).toEqual({ scope: "team", patch: { backdateDays: 0 } });
    expect(parseSettingsCommand("backdate 32", metric)).toMatchObject({ error: "bad_value" });
    expect(parseSettingsCommand("backdate -1", metric)).toMatchObject({ error: "bad_value" });
  });
});
