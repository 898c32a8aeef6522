// The fast paths give the numbers of the slow ones: KPIs from counted entries equal
// KPIs from the entries themselves, and a metric's trend from only its own entry kinds
// equals its trend from every entry.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ActivityCount, computeKpis, computeKpisByUser, metricKinds, timeSeries } from "../../src/domain/kpi.js";
import { METRIC_KEYS } from "../../src/domain/metrics.js";
import { DEFAULT_POINT_WEIGHTS } from "../../src/domain/points.js";
import { ACTIVITY_KINDS, type ActivityRecord, CALL_OUTCOMES, type Period } from "../../src/domain/types.js";

const FROM = Date.parse("2026-11-01T00:00:00+03:00");
const TO = Date.parse("2026-12-01T00:00:00+03:00");
const PERIOD: Period = { from: FROM, to: TO, startDate: "2026-11-01", endDate: "2026-11-30", kind: "month" };

const entry = fc.record({
  userId: fc.constantFrom(1, 2, 3),
  kind: fc.constantFrom(...ACTIVITY_KINDS),
  outcome: fc.constantFrom(null, ...CALL_OUTCOMES),
  amountMinor: fc.integer({ min: 0, max: 10_000_000 }),
  occurredAt: fc.integer({ min: FROM, max: TO - 1 }),
});
const entries = fc.array(entry, { maxLength: 60 }).map((list) =>
  list.map(
    (e, i): ActivityRecord => ({
      id: i + 1,
      userId: e.userId,
      kind: e.kind,
      outcome: e.kind === "call" ? e.outcome : null,
      amountMinor: e.kind === "deal" ? e.amountMinor : null,
      occurredAt: e.occurredAt,
      leadId: null,
      clientName: null,
      lostReason: null,
    }),
  ),
);

/** What `group by user_id, kind, outcome` with count(*) and sum(amount_minor) returns. */
function countsOf(list: readonly ActivityRecord[]): ActivityCount[] {
  const groups = new Map<string, ActivityCount>();
  for (const a of list) {
    const key = `${a.userId}|${a.kind}|${a.outcome}`;
    const g = groups.get(key) ?? { userId: a.userId, kind: a.kind, outcome: a.outcome, n: 0, amountMinor: 0 };
    g.n++;
    g.amountMinor += a.amountMinor ?? 0;
    groups.set(key, g);
  }
  return [...groups.values()];
}

describe("counted entries", () => {
  it("give every KPI the entries themselves give, for the team and per person", () => {
    fc.assert(
      fc.property(entries, (list) => {
        const weights = { ...DEFAULT_POINT_WEIGHTS, meeting_call: 7, deal: 11 };
        const rows = { activities: list, timelines: [], period: PERIOD, weights };
        const counted = { activities: [], counts: countsOf(list), timelines: [], period: PERIOD, weights };
        expect(computeKpis(counted)).toEqual(computeKpis(rows));
        expect(computeKpisByUser(counted, [1, 2, 3])).toEqual(computeKpisByUser(rows, [1, 2, 3]));
      }),
    );
  });

  it("a metric's trend from only its entry kinds is its trend from every entry", () => {
    fc.assert(
      fc.property(entries, (list) => {
        for (const metric of METRIC_KEYS) {
          const kinds = metricKinds(metric);
          if (kinds === null) continue;
          const own = list.filter((a) => kinds.includes(a.kind));
          expect(timeSeries(own, PERIOD, "Europe/Moscow", "day", metric)).toEqual(timeSeries(list, PERIOD, "Europe/Moscow", "day", metric));
        }
      }),
      { numRuns: 40 },
    );
  });
});
