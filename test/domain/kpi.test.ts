import { describe, expect, it } from "vitest";
import { computeKpis, computeKpisByUser, computeTeamKpis, type KpiValues, median, timeSeries } from "../../src/domain/kpi.js";
import type { ActivityKind, ActivityRecord, CallOutcome, LeadTimeline, Period } from "../../src/domain/types.js";

const H = 3_600_000;
const D = 86_400_000;
const utc = (iso: string) => Date.parse(iso);
const MSK = "Europe/Moscow";

/** A manager with nothing logged: counts and sums 0, ratios and times null. */
const EMPTY: KpiValues = {
  calls: 0,
  meetings: 0,
  call_conversion: null,
  noanswer_rate: null,
  proposals: 0,
  presentations: 0,
  deals: 0,
  revenue: 0,
  avg_check: null,
  lost: 0,
  win_rate: null,
  lead_time: null,
  close_time: null,
  leads: 0,
  points: 0,
  // Without a business context (no inputs, no customers' history) these are not measured.
  market_share: null,
  sales_margin: null,
  cac: null,
  payback_months: null,
  active_customers: null,
  repeat_rate: null,
  churn: null,
};

// November 2026 in Moscow (UTC+3), written out by hand.
const NOVEMBER: Period = {
  from: utc("2026-10-31T21:00:00Z"),
  to: utc("2026-11-30T21:00:00Z"),
  startDate: "2026-11-01",
  endDate: "2026-11-30",
  kind: "month",
};

let nextId = 1;
function act(
  userId: number,
  kind: ActivityKind,
  iso: string,
  extra: { outcome?: CallOutcome; amountMinor?: number; lostReason?: string } = {},
): ActivityRecord {
  return {
    id: nextId++,
    userId,
    kind,
    outcome: extra.outcome ?? (kind === "call" ? "reached" : null),
    amountMinor: extra.amountMinor ?? null,
    occurredAt: utc(iso),
    leadId: null,
    clientName: null,
    lostReason: extra.lostReason ?? null,
  };
}

function timeline(leadId: number, ownerId: number, registered: string, stages: { qualified?: string; won?: string } = {}): LeadTimeline {
  return {
    leadId,
    ownerId,
    clientName: `Client ${leadId}`,
    registeredAt: utc(registered),
    qualifiedAt: stages.qualified ? utc(stages.qualified) : null,
    meetingAt: null,
    proposalAt: null,
    wonAt: stages.won ? utc(stages.won) : null,
    lostAt: null,
    lostAtStage: null,
    lostReason: null,
  };
}

const ANNA = 1;
const BORIS = 2;
const VERA = 3; // logged nothing

const activities: ActivityRecord[] = [
  // Anna: 4 calls in November, 2 ended in a meeting → 50 %.
  act(ANNA, "call", "2026-11-02T07:00:00Z", { outcome: "meeting" }),
  act(ANNA, "call", "2026-11-03T07:00:00Z", { outcome: "meeting" }),
  act(ANNA, "call", "2026-11-04T07:00:00Z", { outcome: "reached" }),
  act(ANNA, "call", "2026-11-30T20:59:00Z", { outcome: "noanswer" }), // 23:59 on 30 Nov local: inside
  // Just outside November in Moscow time: must not count.
  act(ANNA, "call", "2026-10-31T20:59:59Z", { outcome: "meeting" }), // 31 Oct 23:59:59 local
  act(ANNA, "call", "2026-11-30T21:00:00Z", { outcome: "meeting" }), // 1 Dec 00:00 local
  act(ANNA, "deal", "2026-11-30T21:00:00Z", { amountMinor: 99_900 }), // 1 Dec local
  act(ANNA, "meeting", "2026-11-05T08:00:00Z"),
  act(ANNA, "meeting", "2026-11-06T08:00:00Z"),
  act(ANNA, "proposal", "2026-11-07T08:00:00Z"),
  act(ANNA, "proposal", "2026-11-08T08:00:00Z"),
  act(ANNA, "proposal", "2026-11-09T08:00:00Z"),
  act(ANNA, "presentation", "2026-11-10T08:00:00Z"),
  act(ANNA, "deal", "2026-11-11T08:00:00Z", { amountMinor: 10_000_000 }), // 100 000 ₽
  act(ANNA, "deal", "2026-11-12T08:00:00Z", { amountMinor: 25_000_000 }), // 250 000 ₽
  act(ANNA, "deal", "2026-11-13T08:00:00Z", { amountMinor: 5_000_000 }), // 50 000 ₽
  act(ANNA, "lost", "2026-11-14T08:00:00Z", { lostReason: "дорого" }),
  act(ANNA, "lead", "2026-11-02T06:00:00Z"),
  act(ANNA, "lead", "2026-11-03T06:00:00Z"),
  // Boris: 10 calls, 1 meeting → 10 %; no deals; 2 lost.
  ...Array.from({ length: 9 }, (_, i) => act(BORIS, "call", `2026-11-1${i}T09:00:00Z`, { outcome: "reached" })),
  act(BORIS, "call", "2026-11-20T09:00:00Z", { outcome: "meeting" }),
  act(BORIS, "lost", "2026-11-21T09:00:00Z"),
  act(BORIS, "lost", "2026-11-22T09:00:00Z"),
  act(BORIS, "lead", "2026-11-10T00:00:00Z"),
];

const timelines: LeadTimeline[] = [
  // Anna: qualified in November after 2 h and 6 h.
  timeline(1, ANNA, "2026-11-02T06:00:00Z", { qualified: "2026-11-02T08:00:00Z" }),
  // …and this one was won 1 day after qualification.
  timeline(2, ANNA, "2026-11-03T06:00:00Z", { qualified: "2026-11-03T12:00:00Z", won: "2026-11-04T12:00:00Z" }),
  // Qualified in October (not a November lead time), won in November 16 days later.
  timeline(3, ANNA, "2026-10-20T00:00:00Z", { qualified: "2026-10-21T00:00:00Z", won: "2026-11-06T00:00:00Z" }),
  // Won on 1 Dec local: no November close time.
  timeline(6, ANNA, "2026-10-01T00:00:00Z", { qualified: "2026-10-02T00:00:00Z", won: "2026-11-30T21:00:00Z" }),
  // Boris: qualified after 10 h.
  timeline(4, BORIS, "2026-11-10T00:00:00Z", { qualified: "2026-11-10T10:00:00Z" }),
  // Boris: a deal for a brand-new client: all stages at the same instant → 0 and 0.
  timeline(8, BORIS, "2026-11-16T00:00:00Z", {
    qualified: "2026-11-16T00:00:00Z",
    won: "2026-11-16T00:00:00Z",
  }),
  // Won without a qualification time (broken row): ignored for close_time.
  timeline(7, BORIS, "2026-11-14T00:00:00Z", { won: "2026-11-15T00:00:00Z" }),
];

const input = { activities, timelines, period: NOVEMBER };

describe("computeKpis for one manager", () => {
  it("computes every metric for Anna", () => {
    const anna = computeKpis({
      activities: activities.filter((a) => a.userId === ANNA),
      timelines: timelines.filter((t) => t.ownerId === ANNA),
      period: NOVEMBER,
    });
    const expected: KpiValues = {
      calls: 4,
      meetings: 2,
      call_conversion: 50, // 2 meeting calls ÷ 4 calls
      noanswer_rate: 25, // 1 unanswered call ÷ 4 calls
      proposals: 3,
      presentations: 1,
      deals: 3,
      revenue: 40_000_000, // 100 000 + 250 000 + 50 000 ₽
      avg_check: 13_333_333, // 400 000 ₽ ÷ 3 = 133 333.33 ₽, to the kopeck
      lost: 1,
      win_rate: 75, // 3 ÷ (3 + 1)
      lead_time: 4 * H, // median of 2 h and 6 h (even count)
      close_time: 8.5 * D, // median of 1 d and 16 d
      leads: 2,
      // Default weights: calls 3 + 3 + 1 + 1, meetings 2 × 5, proposals 3 × 5,
      // presentation 5, deals 3 × 20, lost 0, leads 2 × 2 = 102.
      points: 102,
      // No business context given: business metrics are not measured (business-metrics.test.ts).
      market_share: null,
      sales_margin: null,
      cac: null,
      payback_months: null,
      active_customers: null,
      repeat_rate: null,
      churn: null,
    };
    expect(anna).toEqual(expected);
  });

  it("gives a manager without deals a null average check and 0 % win rate", () => {
    const boris = computeKpis({
      activities: activities.filter((a) => a.userId === BORIS),
      timelines: timelines.filter((t) => t.ownerId === BORIS),
      period: NOVEMBER,
    });
    expect(boris.deals).toBe(0);
    expect(boris.revenue).toBe(0);
    expect(boris.avg_check).toBeNull();
    expect(boris.win_rate).toBe(0); // 0 ÷ (0 + 2)
    expect(boris.call_conversion).toBe(10); // 1 ÷ 10
    expect(boris.lead_time).toBe(5 * H); // median of 10 h and 0
    expect(boris.close_time).toBe(0); // only the same-instant deal counts
  });

  it("returns zeros and nulls for an empty period", () => {
    const february: Period = {
      from: utc("2027-01-31T21:00:00Z"),
      to: utc("2027-02-28T21:00:00Z"),
      startDate: "2027-02-01",
      endDate: "2027-02-28",
      kind: "month",
    };
    expect(computeKpis({ activities, timelines, period: february })).toEqual(EMPTY);
    expect(computeKpis({ activities: [], timelines: [], period: NOVEMBER })).toEqual(EMPTY);
  });
});

describe("team KPIs", () => {
  it("computes ratios from the team's raw entries, not an average of ratios", () => {
    const team = computeTeamKpis(input);
    // Raw: 3 meeting calls ÷ 14 calls = 21.43 %; the average of 50 % and 10 % would be 30 %.
    expect(team.call_conversion).toBeCloseTo((3 / 14) * 100, 10);
    expect(team.call_conversion).not.toBeCloseTo(30, 1);
    expect(team.calls).toBe(14);
    // 1 unanswered ÷ 14 calls = 7.14 %, not the mean of Anna's 25 % and Boris's 0 %.
    expect(team.noanswer_rate).toBeCloseTo((1 / 14) * 100, 10);
    expect(team.deals).toBe(3);
    expect(team.lost).toBe(3);
    expect(team.win_rate).toBe(50); // 3 ÷ (3 + 3); not the mean of 75 % and 0 %
    expect(team.revenue).toBe(40_000_000);
    expect(team.avg_check).toBe(13_333_333);
    expect(team.leads).toBe(3);
    expect(team.lead_time).toBe(4 * H); // median of 0, 2 h, 6 h, 10 h = (2 + 6) / 2
    expect(team.close_time).toBe(1 * D); // median of 0, 1 d, 16 d
  });
});

describe("computeKpisByUser", () => {
  it("splits by user and includes managers without activity", () => {
    const byUser = computeKpisByUser(input, [ANNA, BORIS, VERA]);
    expect([...byUser.keys()]).toEqual([ANNA, BORIS, VERA]);
    expect(byUser.get(ANNA)?.revenue).toBe(40_000_000);
    expect(byUser.get(ANNA)?.call_conversion).toBe(50);
    expect(byUser.get(ANNA)?.lead_time).toBe(4 * H);
    expect(byUser.get(BORIS)?.call_conversion).toBe(10);
    expect(byUser.get(BORIS)?.avg_check).toBeNull();
    expect(byUser.get(BORIS)?.lead_time).toBe(5 * H);
    expect(byUser.get(VERA)).toEqual(EMPTY);
  });

  it("ignores rows of people not asked for", () => {
    const byUser = computeKpisByUser(input, [BORIS]);
    expect(byUser.size).toBe(1);
    expect(byUser.get(BORIS)?.calls).toBe(10);
    expect(byUser.get(BORIS)?.deals).toBe(0);
  });
});

describe("median", () => {
  it("averages the two middle values for even counts", () => {
    expect(median([10, 2, 6, 4])).toBe(5);
    expect(median([3, 1])).toBe(2);
    expect(median([7, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe("period boundaries for lead and close times", () => {
  it("includes events at `from` and excludes events at `to`", () => {
    const tls = [
      timeline(20, ANNA, "2026-10-31T20:00:00Z", { qualified: "2026-10-31T21:00:00Z" }), // at from: 1 h
      timeline(21, ANNA, "2026-11-30T18:00:00Z", { qualified: "2026-11-30T21:00:00Z" }), // at to: excluded
      timeline(22, ANNA, "2026-11-20T00:00:00Z", { qualified: "2026-11-20T03:00:00Z" }), // 3 h
    ];
    expect(computeKpis({ activities: [], timelines: tls, period: NOVEMBER }).lead_time).toBe(2 * H);
  });
});

describe("timeSeries", () => {
  // Week of 23–29 Nov 2026 in Moscow.
  const WEEK: Period = {
    from: utc("2026-11-22T21:00:00Z"),
    to: utc("2026-11-29T21:00:00Z"),
    startDate: "2026-11-23",
    endDate: "2026-11-29",
    kind: "week",
  };
  const weekActs = [
    act(ANNA, "deal", "2026-11-22T21:30:00Z", { amountMinor: 1_000_000 }), // 23 Nov 00:30 local (22 Nov in UTC)
    act(BORIS, "deal", "2026-11-23T20:00:00Z", { amountMinor: 3_000_000 }), // 23 Nov 23:00 local
    act(ANNA, "deal", "2026-11-25T10:00:00Z", { amountMinor: 500_000 }),
    act(ANNA, "deal", "2026-11-22T20:59:00Z", { amountMinor: 7_000_000 }), // 22 Nov local: outside
    act(ANNA, "call", "2026-11-24T10:00:00Z", { outcome: "meeting" }),
    act(ANNA, "call", "2026-11-24T11:00:00Z", { outcome: "noanswer" }),
  ];
  const days = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"];
  const series = (values: (number | null)[]) => days.map((key, i) => ({ key, value: values[i] }));

  it("has a point for every day, zeros for counts", () => {
    expect(timeSeries(weekActs, WEEK, MSK, "day", "deals")).toEqual(series([2, 0, 1, 0, 0, 0, 0]));
    expect(timeSeries(weekActs, WEEK, MSK, "day", "revenue")).toEqual(series([4_000_000, 0, 500_000, 0, 0, 0, 0]));
  });

  it("has nulls for ratios in empty buckets", () => {
    expect(timeSeries(weekActs, WEEK, MSK, "day", "avg_check")).toEqual(series([2_000_000, null, 500_000, null, null, null, null]));
    expect(timeSeries(weekActs, WEEK, MSK, "day", "call_conversion")).toEqual(series([null, 50, null, null, null, null, null]));
    expect(timeSeries(weekActs, WEEK, MSK, "day", "noanswer_rate")).toEqual(series([null, 50, null, null, null, null, null]));
  });

  it("groups by week and month", () => {
    expect(timeSeries(activities, NOVEMBER, MSK, "week", "deals")).toEqual([
      { key: "2026-10-26", value: 0 },
      { key: "2026-11-02", value: 0 },
      { key: "2026-11-09", value: 3 }, // 11, 12, 13 Nov
      { key: "2026-11-16", value: 0 },
      { key: "2026-11-23", value: 0 },
      { key: "2026-11-30", value: 0 }, // the 1 Dec deal is outside the period
    ]);
    expect(timeSeries(activities, NOVEMBER, MSK, "month", "calls")).toEqual([{ key: "2026-11", value: 14 }]);
  });

  it("puts lead times in the bucket of the qualification", () => {
    expect(timeSeries(activities, NOVEMBER, MSK, "week", "lead_time", { timelines })).toEqual([
      { key: "2026-10-26", value: null },
      { key: "2026-11-02", value: 4 * H }, // 2 h and 6 h
      { key: "2026-11-09", value: 10 * H },
      { key: "2026-11-16", value: 0 },
      { key: "2026-11-23", value: null },
      { key: "2026-11-30", value: null },
    ]);
    // Without timelines there is nothing to measure.
    expect(timeSeries(activities, NOVEMBER, MSK, "month", "close_time")).toEqual([{ key: "2026-11", value: null }]);
  });
});

describe("noanswer_rate", () => {
  const call = (outcome: CallOutcome, iso = "2026-11-10T09:00:00Z") => act(ANNA, "call", iso, { outcome });
  const rate = (acts: ActivityRecord[]) => computeKpis({ activities: acts, timelines: [], period: NOVEMBER }).noanswer_rate;

  it("is unanswered calls ÷ all calls, in percent", () => {
    expect(rate([call("noanswer"), call("reached"), call("meeting"), call("reached")])).toBe(25); // 1 ÷ 4
    expect(rate([call("noanswer"), call("noanswer"), call("reached")])).toBeCloseTo(200 / 3, 10); // 2 ÷ 3 = 66.67 %
    expect(rate([call("noanswer")])).toBe(100);
    expect(rate([call("reached"), call("meeting")])).toBe(0);
  });

  it("is null without calls, and other kinds do not count", () => {
    expect(rate([])).toBeNull();
    expect(
      rate([act(ANNA, "meeting", "2026-11-10T09:00:00Z"), act(ANNA, "deal", "2026-11-10T09:00:00Z", { amountMinor: 100 })]),
    ).toBeNull();
    // A meeting logged next to one unanswered call leaves the rate at 1 ÷ 1.
    expect(rate([call("noanswer"), act(ANNA, "meeting", "2026-11-10T09:00:00Z")])).toBe(100);
  });

  it("counts only calls inside the period", () => {
    // 31 Oct 23:59 local (outside) and 1 Dec 00:00 local (outside) are unanswered; inside: 1 of 2.
    const acts = [call("noanswer", "2026-10-31T20:59:00Z"), call("noanswer", "2026-11-30T21:00:00Z"), call("noanswer"), call("reached")];
    expect(rate(acts)).toBe(50);
  });

  it("is computed from the team's raw calls, per manager alike", () => {
    const acts = [
      call("noanswer"),
      call("noanswer"),
      call("reached"),
      call("reached"), // Anna: 2 of 4 = 50 %
      act(BORIS, "call", "2026-11-10T09:00:00Z", { outcome: "noanswer" }), // Boris: 1 of 1 = 100 %
    ];
    const byUser = computeKpisByUser({ activities: acts, timelines: [], period: NOVEMBER }, [ANNA, BORIS]);
    expect(byUser.get(ANNA)?.noanswer_rate).toBe(50);
    expect(byUser.get(BORIS)?.noanswer_rate).toBe(100);
    expect(computeTeamKpis({ activities: acts, timelines: [], period: NOVEMBER }).noanswer_rate).toBe(60); // 3 ÷ 5
  });
});
