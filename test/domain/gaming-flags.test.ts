import { describe, expect, it } from "vitest";
import {
  burstEntries,
  callOutliers,
  DEFAULT_FLAG_SETTINGS,
  dealsWithoutHistory,
  detectFlags,
  duplicateEntries,
  type FlagSettings,
  median,
  nightEntries,
  parseFlagSettings,
} from "../../src/domain/gaming-flags.js";
import { mergeTeamSettings, parseSettingsCommand } from "../../src/domain/settings-command.js";
import { readTeamSettings } from "../../src/domain/team-settings.js";
import type { ActivityKind, ActivityRecord, CallOutcome } from "../../src/domain/types.js";

let nextId = 1;
function entry(at: string, more: Partial<ActivityRecord> & { kind?: ActivityKind; outcome?: CallOutcome | null } = {}): ActivityRecord {
  return {
    id: nextId++,
    userId: 1,
    kind: "call",
    outcome: more.kind && more.kind !== "call" ? null : "reached",
    amountMinor: null,
    occurredAt: Date.parse(at),
    leadId: null,
    clientName: null,
    lostReason: null,
    ...more,
  };
}
/** `n` entries from `start`, `stepSeconds` apart. */
function series(n: number, start: string, stepSeconds: number, more: Partial<ActivityRecord> = {}): ActivityRecord[] {
  const t0 = Date.parse(start);
  return Array.from({ length: n }, (_, i) => entry(new Date(t0 + i * stepSeconds * 1000).toISOString(), more));
}
const ids = (list: ActivityRecord[]) => list.map((e) => e.id);
const only = (patch: Partial<FlagSettings>): FlagSettings => ({
  ...DEFAULT_FLAG_SETTINGS,
  burstCount: null,
  duplicateMinutes: null,
  nightFrom: null,
  callsFactor: null,
  dealLookbackDays: null,
  ...patch,
});

describe("bursts", () => {
  it("flags 20 entries within 2 minutes and not 19, nor 20 spread over exactly 2 minutes", () => {
    // 20 entries 6 s apart: first to last 114 s < 120 s.
    const tight = series(20, "2026-11-24T10:00:00Z", 6);
    expect(ids(burstEntries(tight, 20, 2))).toEqual(ids(tight));
    expect(burstEntries(tight.slice(1), 20, 2)).toEqual([]);
    // 19 entries 6 s apart, then the 20th exactly 120 s after the first: not within 2 minutes.
    const spread = [...series(19, "2026-11-24T10:00:00Z", 6), entry("2026-11-24T10:02:00Z")];
    expect(burstEntries(spread, 20, 2)).toEqual([]);
  });

  it("marks only the entries inside a burst, not the calm ones around it", () => {
    const before = entry("2026-11-24T09:00:00Z");
    const burst = series(21, "2026-11-24T10:00:00Z", 1); // 21 in 20 s
    const after = entry("2026-11-24T10:30:00Z");
    expect(ids(burstEntries([after, ...burst, before], 20, 2))).toEqual(ids(burst));
  });
});

describe("duplicates", () => {
  it("flags the same kind, outcome, client and amount within the window, both copies", () => {
    const a = entry("2026-11-24T10:00:00Z", { kind: "deal", amountMinor: 5_000_000, clientName: "Ромашка" });
    const b = entry("2026-11-24T10:09:59Z", { kind: "deal", amountMinor: 5_000_000, clientName: "  ромашка " });
    const otherAmount = entry("2026-11-24T10:01:00Z", { kind: "deal", amountMinor: 6_000_000, clientName: "Ромашка" });
    expect(ids(duplicateEntries([otherAmount, b, a], 10))).toEqual([a.id, b.id]);
  });

  it("does not flag copies further apart than the window, different outcomes, or client-less calls", () => {
    const a = entry("2026-11-24T10:00:00Z", { clientName: "Acme" });
    const late = entry("2026-11-24T10:10:01Z", { clientName: "Acme" });
    const meeting = entry("2026-11-24T10:00:30Z", { clientName: "Acme", outcome: "meeting" });
    const bare = series(3, "2026-11-24T11:00:00Z", 10);
    expect(duplicateEntries([a, late, meeting, ...bare], 10)).toEqual([]);
  });
});

describe("night entries", () => {
  it("reads the clock in the team's zone: 23:30 in Moscow is 20:30 UTC", () => {
    const moscowNight = entry("2026-11-24T20:30:00Z"); // 23:30 MSK
    const moscowEvening = entry("2026-11-24T19:59:00Z"); // 22:59 MSK
    const moscowEarly = entry("2026-11-25T02:59:00Z"); // 05:59 MSK
    const moscowMorning = entry("2026-11-25T03:00:00Z"); // 06:00 MSK: not night any more
    const all = [moscowNight, moscowEvening, moscowEarly, moscowMorning];
    expect(ids(nightEntries(all, "23:00", "06:00", "Europe/Moscow"))).toEqual([moscowNight.id, moscowEarly.id]);
    // The same instants in New York (UTC−5): 15:30, 14:59, 21:59, 22:00 — none at night.
    expect(nightEntries(all, "23:00", "06:00", "America/New_York")).toEqual([]);
    // A window that does not wrap: 14:00–16:00 New York time.
    expect(ids(nightEntries(all, "14:00", "16:00", "America/New_York"))).toEqual([moscowNight.id, moscowEvening.id]);
  });

  it("gives the flag the entry's local day: 01:00 on the 25th in Vladivostok is the 24th in UTC", () => {
    const e = entry("2026-11-24T15:00:00Z"); // 01:00 on 25.11 in Vladivostok (UTC+10)
    const flags = detectFlags({
      entries: [e],
      history: [],
      days: ["2026-11-25"],
      tz: "Asia/Vladivostok",
      settings: only({ nightFrom: "23:00", nightTo: "06:00" }),
    });
    expect(flags).toEqual([
      { kind: "night", userId: 1, day: "2026-11-25", entryIds: [e.id], detail: { count: 1, firstAt: e.occurredAt, lastAt: e.occurredAt } },
    ]);
    expect(
      detectFlags({ entries: [e], history: [], days: ["2026-11-24"], tz: "Asia/Vladivostok", settings: only({ nightFrom: "23:00" }) }),
    ).toEqual([]);
  });
});

describe("calls far above the team with no conversion", () => {
  const day = "2026-11-24T";
  it("flags 60 calls with 1 meeting (1.7 %) when the others' median is 20", () => {
    const spammer = [...series(59, `${day}09:00:00Z`, 300, { userId: 1 }), entry(`${day}15:00:00Z`, { userId: 1, outcome: "meeting" })];
    const others = [
      ...series(20, `${day}09:00:00Z`, 600, { userId: 2 }),
      ...series(25, `${day}09:00:00Z`, 600, { userId: 3 }),
      ...series(10, `${day}09:00:00Z`, 600, { userId: 4 }),
    ];
    const out = callOutliers([...spammer, ...others], { factor: 2, min: 30, maxConversion: 5 });
    expect(out).toHaveLength(1);
    expect(out[0]!.userId).toBe(1);
    expect(out[0]!.median).toBe(20);
    expect(out[0]!.conversion).toBeCloseTo(100 / 60, 5);
    expect(out[0]!.calls).toHaveLength(60);
  });

  it("does not flag good conversion, too few calls, calls under 2× the median, or a lone caller", () => {
    const good = [
      ...series(56, `${day}09:00:00Z`, 60, { userId: 1 }),
      ...series(4, `${day}12:00:00Z`, 60, { userId: 1, outcome: "meeting" }),
    ];
    const peer = series(10, `${day}09:00:00Z`, 60, { userId: 2 });
    // 4 of 60 = 6.7 % > 5 %.
    expect(callOutliers([...good, ...peer], { factor: 2, min: 30, maxConversion: 5 })).toEqual([]);
    // 25 calls: under the minimum volume of 30.
    expect(callOutliers([...series(25, `${day}09:00:00Z`, 60, { userId: 1 }), ...peer], { factor: 2, min: 30, maxConversion: 5 })).toEqual(
      [],
    );
    // 39 calls against a median of 20 (others 20 and 20): 39 < 40.
    const peers = [...series(20, `${day}09:00:00Z`, 60, { userId: 2 }), ...series(20, `${day}09:00:00Z`, 60, { userId: 3 })];
    expect(callOutliers([...series(39, `${day}09:00:00Z`, 60, { userId: 1 }), ...peers], { factor: 2, min: 30, maxConversion: 5 })).toEqual(
      [],
    );
    expect(callOutliers(series(100, `${day}09:00:00Z`, 60, { userId: 1 }), { factor: 2, min: 30, maxConversion: 5 })).toEqual([]);
  });

  it("counts a colleague who logged only meetings as a zero in the median", () => {
    const caller = series(30, `${day}09:00:00Z`, 60, { userId: 1 });
    const meetingsOnly = [entry(`${day}10:00:00Z`, { userId: 2, kind: "meeting" })];
    const out = callOutliers([...caller, ...meetingsOnly], { factor: 2, min: 30, maxConversion: 5 });
    expect(out.map((o) => [o.userId, o.median, o.conversion])).toEqual([[1, 0, 0]]);
  });

  it("takes the median as the middle value, or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

describe("deals with no earlier activity", () => {
  it("flags a deal whose client had no call, meeting, proposal, presentation or lead before it", () => {
    const call = entry("2026-11-20T10:00:00Z", { userId: 2, clientName: "Acme" }); // a colleague called Acme
    const acme = entry("2026-11-24T10:00:00Z", { kind: "deal", amountMinor: 1, clientName: "ACME" });
    const beta = entry("2026-11-24T11:00:00Z", { kind: "deal", amountMinor: 1, clientName: "Beta" });
    const betaLater = entry("2026-11-24T12:00:00Z", { clientName: "Beta" }); // after the deal: does not count
    const noClient = entry("2026-11-24T13:00:00Z", { kind: "deal", amountMinor: 1 });
    expect(ids(dealsWithoutHistory([acme, beta, noClient], [call, betaLater, acme, beta], 90))).toEqual([beta.id]);
  });

  it("looks back only the given days, and counts a same-second entry stored first", () => {
    const old = entry("2026-08-01T10:00:00Z", { clientName: "Gamma", kind: "lead" });
    const deal = entry("2026-11-24T10:00:00Z", { kind: "deal", amountMinor: 1, clientName: "Gamma" });
    expect(ids(dealsWithoutHistory([deal], [old], 90))).toEqual([deal.id]); // 115 days back
    expect(dealsWithoutHistory([deal], [old], 120)).toEqual([]);
    const sameSecondCall = { ...entry("2026-11-24T10:00:00Z", { clientName: "Delta" }) };
    const sameSecondDeal = entry("2026-11-24T10:00:00Z", { kind: "deal", amountMinor: 1, clientName: "Delta" });
    expect(dealsWithoutHistory([sameSecondDeal], [sameSecondCall], 90)).toEqual([]);
    // An earlier deal alone is not groundwork.
    const firstDeal = entry("2026-11-10T10:00:00Z", { kind: "deal", amountMinor: 1, clientName: "Eps" });
    const repeat = entry("2026-11-24T10:00:00Z", { kind: "deal", amountMinor: 1, clientName: "Eps" });
    expect(ids(dealsWithoutHistory([repeat], [firstDeal], 90))).toEqual([repeat.id]);
  });
});

describe("detectFlags", () => {
  it("groups by person and local day, one flag per kind, and does nothing when off", () => {
    const burst = series(20, "2026-11-24T07:00:00Z", 3, { userId: 7 }); // 10:00 MSK on the 24th
    const night = entry("2026-11-24T21:00:00Z", { userId: 8 }); // 00:00 MSK on the 25th
    const input = { entries: [...burst, night], history: [], tz: "Europe/Moscow", settings: DEFAULT_FLAG_SETTINGS };
    const flags = detectFlags({ ...input, days: ["2026-11-24", "2026-11-25"] });
    expect(flags.map((f) => [f.kind, f.userId, f.day, f.entryIds.length])).toEqual([
      ["burst", 7, "2026-11-24", 20],
      ["night", 8, "2026-11-25", 1],
    ]);
    expect(flags[0]!.detail).toMatchObject({ count: 20, firstAt: burst[0]!.occurredAt, lastAt: burst[19]!.occurredAt });
    expect(detectFlags({ ...input, days: ["2026-11-24"] }).map((f) => f.kind)).toEqual(["burst"]);
    expect(detectFlags({ ...input, days: ["2026-11-24"], settings: { ...DEFAULT_FLAG_SETTINGS, on: false } })).toEqual([]);
    expect(detectFlags({ ...input, days: ["2026-11-24"], settings: { ...DEFAULT_FLAG_SETTINGS, burstCount: 21 } })).toEqual([]);
  });
});

describe("/settings flags", () => {
  it("reads each form and refuses what is not one", () => {
    expect(parseFlagSettings("off")).toEqual({ on: false });
    expect(parseFlagSettings("burst 30 5")).toEqual({ burstCount: 30, burstMinutes: 5 });
    expect(parseFlagSettings("всплеск 25")).toEqual({ burstCount: 25, burstMinutes: 2 });
    expect(parseFlagSettings("burst off")).toEqual({ burstCount: null });
    expect(parseFlagSettings("duplicate 15")).toEqual({ duplicateMinutes: 15 });
    expect(parseFlagSettings("night 22-7")).toEqual({ nightFrom: "22:00", nightTo: "07:00" });
    expect(parseFlagSettings("night 23:30 - 06:00")).toEqual({ nightFrom: "23:30", nightTo: "06:00" });
    expect(parseFlagSettings("calls 3x 40 10%")).toEqual({ callsFactor: 3, callsMin: 40, callsConversion: 10 });
    expect(parseFlagSettings("звонки 1,5")).toEqual({ callsFactor: 1.5, callsMin: 30, callsConversion: 5 });
    expect(parseFlagSettings("deals 30")).toEqual({ dealLookbackDays: 30 });
    expect(parseFlagSettings("deals off")).toEqual({ dealLookbackDays: null });
    for (const bad of [
      "",
      "burst",
      "burst 2 2",
      "burst 20 0",
      "burst -5",
      "night 25-06",
      "night 23-23",
      "calls 1",
      "calls 2 30 150",
      "deals 0",
      "colour 3",
      "burst 20 2 9",
    ]) {
      expect(parseFlagSettings(bad), bad).toBeNull();
    }
  });

  it("changes one threshold and keeps the rest, through /settings", () => {
    const current = readTeamSettings({});
    expect(current.flags).toEqual(DEFAULT_FLAG_SETTINGS);
    const change = parseSettingsCommand("flags burst 30 5", () => null);
    if ("error" in change || change.scope !== "team") throw new Error("expected a team change");
    const next = mergeTeamSettings(current, change.patch);
    expect(next.flags).toEqual({ ...DEFAULT_FLAG_SETTINGS, burstCount: 30, burstMinutes: 5 });
    expect(readTeamSettings(JSON.parse(JSON.stringify(next))).flags.burstCount).toBe(30);
    expect(parseSettingsCommand("flags burst 1 1", () => null)).toEqual({ error: "bad_value", key: "flags", value: "burst 1 1" });
  });
});
