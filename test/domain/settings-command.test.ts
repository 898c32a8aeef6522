import { describe, expect, it } from "vitest";
import { mergeTeamSettings, parseSettingsCommand } from "../../src/domain/settings-command.js";
import { parseMetricOn } from "../../src/presentation/i18n/metric-words.js";

const parseMainMetric = parseMetricOn("main");

import { firstWorkday, inQuietHours, parseWorkdays, readTeamSettings, teamSettingsSchema } from "../../src/domain/team-settings.js";

describe("parseSettingsCommand", () => {
  it("accepts every documented key with a valid value", () => {
    expect(parseSettingsCommand("timezone Asia/Yekaterinburg", parseMainMetric)).toEqual({
      scope: "team",
      patch: {},
      timezone: "Asia/Yekaterinburg",
    });
    expect(parseSettingsCommand("summary 09:30", parseMainMetric)).toEqual({ scope: "team", patch: { summaryTime: "09:30" } });
    expect(parseSettingsCommand("summary off", parseMainMetric)).toEqual({ scope: "team", patch: { enabled: { summary: false } } });
    expect(parseSettingsCommand("workdays пн-сб", parseMainMetric)).toEqual({ scope: "team", patch: { workdays: [1, 2, 3, 4, 5, 6] } });
    expect(parseSettingsCommand("summary_to both", parseMainMetric)).toEqual({ scope: "team", patch: { summaryTo: ["head", "group"] } });
    expect(parseSettingsCommand("topic here", parseMainMetric, 77)).toEqual({ scope: "team", patch: { topicId: 77 } });
    expect(parseSettingsCommand("leadtime 48ч", parseMainMetric)).toEqual({ scope: "team", patch: { leadNewHours: 48 } });
    expect(parseSettingsCommand("quiet 21:00-08:00", parseMainMetric)).toEqual({
      scope: "team",
      patch: { quietFrom: "21:00", quietTo: "08:00" },
    });
    expect(parseSettingsCommand("metric выручка", parseMainMetric)).toEqual({ scope: "team", patch: { mainMetric: "revenue" } });
    expect(parseSettingsCommand("checks 10:00-18:00", parseMainMetric)).toEqual({
      scope: "team",
      patch: { checksFrom: "10:00", checksTo: "18:00" },
    });
    expect(parseSettingsCommand("language en", parseMainMetric)).toEqual({ scope: "user", patch: { language: "en" } });
    expect(parseSettingsCommand("nudge off", parseMainMetric)).toEqual({ scope: "user", patch: { nudge: false } });
  });

  it("reads the active-customer window in days, 7 to 730, in either language", () => {
    expect(parseSettingsCommand("customers 90", parseMainMetric)).toEqual({ scope: "team", patch: { activeCustomerDays: 90 } });
    expect(parseSettingsCommand("клиенты 730", parseMainMetric)).toEqual({ scope: "team", patch: { activeCustomerDays: 730 } });
    expect(parseSettingsCommand("customers 7", parseMainMetric)).toEqual({ scope: "team", patch: { activeCustomerDays: 7 } });
    for (const value of ["6", "731", "0", "-30", "90d", "", "1e2"]) {
      expect(parseSettingsCommand(`customers ${value}`, parseMainMetric), value).toEqual({ error: "bad_value", key: "customers", value });
    }
  });

  it("refuses unknown keys and invalid values", () => {
    expect(parseSettingsCommand("timezone Mars/Base", parseMainMetric)).toEqual({
      error: "bad_value",
      key: "timezone",
      value: "Mars/Base",
    });
    expect(parseSettingsCommand("summary 25:00", parseMainMetric)).toEqual({ error: "bad_value", key: "summary", value: "25:00" });
    expect(parseSettingsCommand("summary 9:60", parseMainMetric)).toMatchObject({ error: "bad_value" });
    expect(parseSettingsCommand("workdays 0-9", parseMainMetric)).toMatchObject({ error: "bad_value" });
    expect(parseSettingsCommand("topic here", parseMainMetric)).toMatchObject({ error: "bad_value" });
    expect(parseSettingsCommand("metric happiness", parseMainMetric)).toMatchObject({ error: "bad_value" });
    expect(parseSettingsCommand("colour blue", parseMainMetric)).toEqual({ error: "unknown_key", key: "colour" });
  });
});

describe("firstWorkday", () => {
  it("starts the week on the workday after a day off", () => {
    expect(firstWorkday([1, 2, 3, 4, 5])).toBe(1);
    expect(firstWorkday([7, 1, 2, 3, 4])).toBe(7);
    expect(firstWorkday([6, 7, 1, 2, 3])).toBe(6);
    expect(firstWorkday([1, 2, 3, 4, 5, 6, 7])).toBe(1);
  });
});

describe("team settings", () => {
  it("fills defaults and drops invalid stored fields", () => {
    const s = readTeamSettings({ summaryTime: "99:99", workdays: [1, 3] });
    expect(s.summaryTime).toBe("09:00");
    expect(s.workdays).toEqual([1, 3]);
    expect(mergeTeamSettings(s, { enabled: { nudge: false } as never }).enabled).toEqual({
      summary: true,
      evening: true,
      weekly: true,
      alerts: true,
      nudge: false,
    });
  });

  it("reads quiet hours across midnight and weekday lists", () => {
    const s = teamSettingsSchema.parse({ quietFrom: "21:00", quietTo: "08:00" });
    expect([20 * 60 + 59, 21 * 60, 3 * 60, 8 * 60].map((m) => inQuietHours(s, m))).toEqual([false, true, true, false]);
    expect(parseWorkdays("mon,wed,fri")).toEqual([1, 3, 5]);
    expect(parseWorkdays("1-5 7")).toEqual([1, 2, 3, 4, 5, 7]);
    expect(parseWorkdays("5-1")).toBeNull();
  });

  it("turns storing confident free text at once on and off (team), refusing other values", () => {
    expect(parseSettingsCommand("autolog on", parseMainMetric)).toEqual({ scope: "team", patch: { autoLog: true } });
    expect(parseSettingsCommand("автозапись выкл", parseMainMetric)).toEqual({ scope: "team", patch: { autoLog: false } });
    expect(parseSettingsCommand("autolog maybe", parseMainMetric)).toEqual({ error: "bad_value", key: "autolog", value: "maybe" });
    expect(parseSettingsCommand("leaderboard fair", parseMainMetric)).toEqual({ scope: "team", patch: { leaderboardMode: "fair" } });
    expect(parseSettingsCommand("рейтинг обычный", parseMainMetric)).toEqual({ scope: "team", patch: { leaderboardMode: "plain" } });
    expect(parseSettingsCommand("leaderboard improved", parseMainMetric)).toEqual({
      error: "bad_value",
      key: "leaderboard",
      value: "improved",
    });
    expect(teamSettingsSchema.parse({}).autoLog).toBe(false);
  });
});

describe("the leaderboard metric", () => {
  it("takes only metrics that can be the team's main metric", () => {
    expect(parseSettingsCommand("metric недозвоны", parseMainMetric)).toEqual({ error: "bad_value", key: "metric", value: "недозвоны" });
    expect(parseSettingsCommand("metric конверсия", parseMainMetric)).toEqual({ scope: "team", patch: { mainMetric: "call_conversion" } });
  });
});
