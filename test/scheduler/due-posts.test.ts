import { describe, expect, it } from "vitest";
import { teamSettingsSchema } from "../../src/domain/team-settings.js";
import { cronExpressions, dueSlots } from "../../src/scheduler/due-posts.js";

const defaults = teamSettingsSchema.parse({});
const keys = (tz: string, iso: string, s = defaults) => dueSlots(s, tz, Date.parse(iso)).map((x) => `${x.localDate} ${x.key}`);

describe("dueSlots", () => {
  it("opens the morning summary at 09:00 local, east and west of UTC", () => {
    // 2026-11-26 is a Thursday. Vladivostok is UTC+10, Los Angeles UTC−8.
    expect(keys("Asia/Vladivostok", "2026-11-25T22:59:00Z")).toEqual([]);
    expect(keys("Asia/Vladivostok", "2026-11-25T23:00:00Z")).toEqual(["2026-11-26 summary", "2026-11-26 checks@09"]);
    expect(keys("America/Los_Angeles", "2026-11-26T16:59:00Z")).toEqual([]);
    expect(keys("America/Los_Angeles", "2026-11-26T17:00:00Z")).toEqual(["2026-11-26 summary", "2026-11-26 checks@09"]);
    expect(keys("Europe/Moscow", "2026-11-26T06:00:00Z")).toContain("2026-11-26 summary");
  });

  it("keeps a missed post due until its window closes", () => {
    expect(keys("Europe/Moscow", "2026-11-26T09:59:00Z")).toContain("2026-11-26 summary"); // 12:59 MSK
    expect(keys("Europe/Moscow", "2026-11-26T10:00:00Z")).not.toContain("2026-11-26 summary"); // 13:00 MSK
    expect(keys("Europe/Moscow", "2026-11-26T19:59:00Z")).toContain("2026-11-26 evening"); // 22:59
    expect(keys("Europe/Moscow", "2026-11-26T20:00:00Z")).not.toContain("2026-11-26 evening");
  });

  it("posts the weekly podium on the first workday and nothing on days off", () => {
    // Monday: the league post (sent only by teams in a league) goes with the weekly podium.
    expect(keys("Europe/Moscow", "2026-11-30T06:05:00Z")).toEqual([
      "2026-11-30 summary",
      "2026-11-30 weekly",
      "2026-11-30 league",
      "2026-11-30 checks@09",
    ]);
    const weeklyOff = teamSettingsSchema.parse({ enabled: { weekly: false } });
    expect(keys("Europe/Moscow", "2026-11-30T06:05:00Z", weeklyOff)).toEqual(["2026-11-30 summary", "2026-11-30 checks@09"]);
    // A Sunday–Thursday team has its podium on Sunday; the league is on Monday for every team.
    const sunday = teamSettingsSchema.parse({ workdays: [7, 1, 2, 3, 4] });
    expect(keys("Europe/Moscow", "2026-11-29T06:05:00Z", sunday)).toContain("2026-11-29 weekly");
    expect(keys("Europe/Moscow", "2026-11-29T06:05:00Z", sunday)).not.toContain("2026-11-29 league");
    expect(keys("Europe/Moscow", "2026-11-30T06:05:00Z", sunday)).toContain("2026-11-30 league");
    expect(keys("Europe/Moscow", "2026-11-28T06:05:00Z")).toEqual(["2026-11-28 checks@09"]); // Saturday: only the funnel check
    const sixDays = teamSettingsSchema.parse({ workdays: [1, 2, 3, 4, 5, 6] });
    expect(keys("Europe/Moscow", "2026-11-28T06:05:00Z", sixDays)).toContain("2026-11-28 summary");
  });

  it("runs funnel checks hourly within the window and respects quiet hours and switches", () => {
    expect(keys("Europe/Moscow", "2026-11-26T16:10:00Z")).toEqual(["2026-11-26 evening", "2026-11-26 nudge", "2026-11-26 checks@19"]); // 19:10
    expect(keys("Europe/Moscow", "2026-11-26T17:10:00Z")).toEqual(["2026-11-26 evening", "2026-11-26 nudge"]); // 20:10, after checks end
    expect(keys("Europe/Moscow", "2026-11-26T18:10:00Z")).toEqual(["2026-11-26 evening"]); // 21:10: the nudge's window closed
    const quiet = teamSettingsSchema.parse({ quietFrom: "08:30", quietTo: "10:00" });
    expect(keys("Europe/Moscow", "2026-11-26T06:30:00Z", quiet)).toEqual([]);
    expect(keys("Europe/Moscow", "2026-11-26T07:00:00Z", quiet)).toEqual(["2026-11-26 summary", "2026-11-26 checks@10"]);
    const off = teamSettingsSchema.parse({ enabled: { summary: false, evening: true, weekly: true, alerts: false, nudge: true } });
    expect(keys("Europe/Moscow", "2026-11-26T06:00:00Z", off)).toEqual([]);
  });
});

describe("cronExpressions", () => {
  it("wakes the scheduler at each post's local time on its days", () => {
    const s = teamSettingsSchema.parse({ summaryTime: "08:45", workdays: [1, 2, 3, 4, 5, 6, 7] });
    expect(cronExpressions(s)).toEqual([
      { kind: "summary", expression: "45 8 * * 1,2,3,4,5,6,0" },
      { kind: "evening", expression: "30 18 * * 1,2,3,4,5,6,0" },
      { kind: "weekly", expression: "5 9 * * 1" },
      { kind: "nudge", expression: "0 18 * * 1,2,3,4,5,6,0" },
      { kind: "league", expression: "5 9 * * 1" },
      { kind: "checks", expression: "0 9-19 * * *" },
    ]);
  });
});
