import { describe, expect, it } from "vitest";
import { conversionDrops, decidedConversions } from "../../src/domain/conversion-drop.js";
import type { LeadTimeline } from "../../src/domain/types.js";

const base: LeadTimeline = {
  leadId: 0,
  ownerId: 1,
  clientName: "x",
  registeredAt: 0,
  qualifiedAt: null,
  meetingAt: null,
  proposalAt: null,
  wonAt: null,
  lostAt: null,
  lostAtStage: null,
  lostReason: null,
};
const lead = (p: Partial<LeadTimeline>): LeadTimeline => ({ ...base, ...p });

describe("decidedConversions", () => {
  it("counts leads that left a stage in the window: moved on or lost there", () => {
    const tl = [
      lead({ qualifiedAt: 15 }), // new → qualified inside
      lead({ qualifiedAt: 5 }), // moved before the window: not decided in it
      lead({ lostAt: 12, lostAtStage: "new" }),
      lead({ lostAt: 18, lostAtStage: "new" }),
      lead({ qualifiedAt: 11, meetingAt: 11, proposalAt: 11, wonAt: 11 }), // a deal jumping every stage
      lead({ qualifiedAt: 1, lostAt: 14, lostAtStage: "qualified" }),
      lead({ lostAt: 25, lostAtStage: "new" }), // after the window
    ];
    const r = decidedConversions(tl, 10, 20);
    expect(r.new).toEqual({ moved: 2, lost: 2, rate: 50 });
    expect(r.qualified).toEqual({ moved: 1, lost: 1, rate: 50 });
    expect(r.meeting).toEqual({ moved: 1, lost: 0, rate: 100 });
    expect(r.proposal).toEqual({ moved: 1, lost: 0, rate: 100 });
  });
});

describe("conversionDrops", () => {
  const o = (moved: number, lost: number) => ({ moved, lost, rate: (moved / (moved + lost)) * 100 });
  const none = { moved: 0, lost: 0, rate: null };
  it("reports stages more than N points below the baseline, worst first, ignoring small samples", () => {
    const baseline = { new: o(38, 62), qualified: o(60, 40), meeting: o(50, 50), proposal: o(30, 10) };
    const current = { new: o(21, 79), qualified: o(45, 55), meeting: o(1, 3), proposal: o(7, 3) };
    expect(conversionDrops(current, baseline, 10)).toEqual([
      { stage: "new", baseline: 38, current: 21 },
      { stage: "qualified", baseline: 60, current: 45 },
    ]);
    // Exactly 10 points is not "more than 10".
    expect(conversionDrops({ ...current, new: o(28, 72), qualified: o(50, 50) }, baseline, 10)).toEqual([]);
    expect(conversionDrops({ new: none, qualified: none, meeting: none, proposal: none }, baseline, 10)).toEqual([]);
  });
});
