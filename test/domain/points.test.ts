import { describe, expect, it } from "vitest";
import { computeKpis, timeSeries } from "../../src/domain/kpi.js";
import { DEFAULT_POINT_WEIGHTS, entryPoints, isPointWeightKey, parsePointWeights, withDefaults } from "../../src/domain/points.js";
import type { ActivityKind, ActivityRecord, CallOutcome, Period } from "../../src/domain/types.js";

let id = 1;
const act = (kind: ActivityKind, iso: string, outcome: CallOutcome | null = kind === "call" ? "reached" : null): ActivityRecord => ({
  id: id++,
  userId: 1,
  kind,
  outcome,
  amountMinor: kind === "deal" ? 100_000 : null,
  occurredAt: Date.parse(iso),
  leadId: null,
  clientName: null,
  lostReason: null,
});

const WEEK: Period = {
  from: Date.parse("2026-11-22T21:00:00Z"),
  to: Date.parse("2026-11-29T21:00:00Z"),
  startDate: "2026-11-23",
  endDate: "2026-11-29",
  kind: "week",
};

const entries = [
  act("call", "2026-11-23T07:00:00Z"), // 1
  act("call", "2026-11-23T08:00:00Z", "meeting"), // 3
  act("call", "2026-11-23T09:00:00Z", "noanswer"), // 1
  act("meeting", "2026-11-24T07:00:00Z"), // 5
  act("proposal", "2026-11-24T08:00:00Z"), // 5
  act("presentation", "2026-11-24T09:00:00Z"), // 5
  act("lead", "2026-11-25T07:00:00Z"), // 2
  act("deal", "2026-11-25T08:00:00Z"), // 20
  act("lost", "2026-11-25T09:00:00Z"), // 0
  act("deal", "2026-11-22T20:59:00Z"), // Sunday before, local: outside the week
];

describe("points", () => {
  it("weighs each kind by the catalogue's defaults", () => {
    expect(entryPoints({ kind: "call", outcome: "meeting" })).toBe(3);
    expect(entryPoints({ kind: "call", outcome: "noanswer" })).toBe(1);
    expect(entryPoints({ kind: "deal", outcome: null })).toBe(20);
    expect(entryPoints({ kind: "lost", outcome: null })).toBe(0);
    expect(computeKpis({ activities: entries, timelines: [], period: WEEK }).points).toBe(42);
  });

  it("uses the team's weights when given", () => {
    const weights = withDefaults({ call: 2, deal: 25, meeting_call: 4 });
    // 2 + 4 + 2 + 5 + 5 + 5 + 2 + 25 + 0
    expect(computeKpis({ activities: entries, timelines: [], period: WEEK, weights }).points).toBe(50);
  });

  it("sums per day in a time series (team zone)", () => {
    const series = timeSeries(entries, WEEK, "Europe/Moscow", "day", "points");
    expect(series.slice(0, 4).map((p) => p.value)).toEqual([5, 15, 22, 0]);
  });

  it("drops stored weights that are not valid", () => {
    expect(withDefaults({ call: -1, deal: 1.5, lead: 2000, meeting: 7, nonsense: 3 })).toEqual({ ...DEFAULT_POINT_WEIGHTS, meeting: 7 });
  });

  it("parses a weights line, refusing it whole on any bad pair", () => {
    const key = (w: string) => (isPointWeightKey(w) ? w : w === "звонок" ? "call" : null);
    expect(parsePointWeights("call 2 deal 25 meeting_call 4", key)).toEqual({ ok: true, weights: { call: 2, deal: 25, meeting_call: 4 } });
    expect(parsePointWeights("звонок 0", key)).toEqual({ ok: true, weights: { call: 0 } });
    expect(parsePointWeights("call 1001", key)).toEqual({ ok: false, error: "bad_value", word: "1001" });
    expect(parsePointWeights("call -1", key)).toEqual({ ok: false, error: "bad_value", word: "-1" });
    expect(parsePointWeights("call 2.5", key)).toEqual({ ok: false, error: "bad_value", word: "2.5" });
    expect(parsePointWeights("call", key)).toEqual({ ok: false, error: "bad_value", word: "" });
    expect(parsePointWeights("calls 2", key)).toEqual({ ok: false, error: "unknown_key", word: "calls" });
    expect(parsePointWeights("", key)).toMatchObject({ ok: false, error: "empty" });
  });
});
