import { describe, expect, it } from "vitest";
import { computeFunnel, normalizeReason, topReasons } from "../../src/domain/funnel.js";
import type { LeadTimeline, Period, Stage } from "../../src/domain/types.js";

const utc = (iso: string) => Date.parse(iso);

const NOVEMBER: Period = {
  from: utc("2026-10-31T21:00:00Z"),
  to: utc("2026-11-30T21:00:00Z"),
  startDate: "2026-11-01",
  endDate: "2026-11-30",
  kind: "month",
};

type StageTimes = Partial<Record<"qualified" | "meeting" | "proposal" | "won" | "lost", string>>;

function lead(
  leadId: number,
  registered: string,
  t: StageTimes = {},
  lost: { at?: Stage | null; reason?: string | null } = {},
): LeadTimeline {
  return {
    leadId,
    ownerId: 1,
    clientName: `C${leadId}`,
    registeredAt: utc(registered),
    qualifiedAt: t.qualified ? utc(t.qualified) : null,
    meetingAt: t.meeting ? utc(t.meeting) : null,
    proposalAt: t.proposal ? utc(t.proposal) : null,
    wonAt: t.won ? utc(t.won) : null,
    lostAt: t.lost ? utc(t.lost) : null,
    lostAtStage: lost.at ?? null,
    lostReason: lost.reason ?? null,
  };
}

const R = "2026-11-05T08:00:00Z";
const Q = "2026-11-06T08:00:00Z";
const M = "2026-11-07T08:00:00Z";
const P = "2026-11-08T08:00:00Z";
const W = "2026-11-09T08:00:00Z";
const L = "2026-11-10T08:00:00Z";
const JUMP = "2026-11-12T10:00:00Z";

const cohort: LeadTimeline[] = [
  lead(1, R, { lost: L }, { at: "new", reason: "Дорого" }),
  lead(2, R, { qualified: Q, lost: L }, { at: "qualified", reason: "дорого." }),
  lead(3, R, { qualified: Q, meeting: M, lost: L }, { at: "meeting", reason: "Нет бюджета" }),
  lead(4, R, { qualified: Q, meeting: M, proposal: P, won: W }),
  // A deal for a brand-new client: every skipped stage carries the same instant.
  lead(5, JUMP, { qualified: JUMP, meeting: JUMP, proposal: JUMP, won: JUMP }),
  // Proposal sent straight after qualification: the meeting stage carries the jump instant.
  lead(6, R, { qualified: Q, meeting: P, proposal: P, lost: L }, { at: "proposal", reason: null }),
  lead(7, R, { qualified: Q, lost: L }, { at: "qualified", reason: "  ДОРОГО! " }),
  lead(8, R, { qualified: Q, lost: L }, { at: "qualified", reason: "Выбрали конкурента" }),
  // Registered in October: not in the November cohort.
  lead(9, "2026-10-20T08:00:00Z", { qualified: Q, lost: L }, { at: "qualified", reason: "дорого" }),
  // Registered at 00:30 on 1 Dec Moscow time: not in the cohort either.
  lead(10, "2026-11-30T21:30:00Z"),
];

describe("computeFunnel", () => {
  const f = computeFunnel(cohort, NOVEMBER);

  it("counts the cohort and how many reached each stage", () => {
    expect(f.cohort).toBe(8);
    expect(f.steps.map((s) => [s.stage, s.reached])).toEqual([
      ["new", 8],
      ["qualified", 7], // all but lead 1
      ["meeting", 4], // leads 3, 4, 5, 6
      ["proposal", 3], // 4, 5, 6
      ["won", 2], // 4, 5
    ]);
  });

  it("computes the conversion from each previous stage", () => {
    const conv = f.steps.map((s) => s.conversion);
    expect(conv[0]).toBeNull();
    expect(conv[1]).toBeCloseTo(87.5, 10); // 7 / 8
    expect(conv[2]).toBeCloseTo((4 / 7) * 100, 10); // 57.14 %
    expect(conv[3]).toBeCloseTo(75, 10); // 3 / 4
    expect(conv[4]).toBeCloseTo((2 / 3) * 100, 10); // 66.67 %
  });

  it("counts losses per stage with grouped reasons and names the worst stage", () => {
    expect(f.steps.map((s) => [s.stage, s.lost])).toEqual([
      ["new", 1],
      ["qualified", 3],
      ["meeting", 1],
      ["proposal", 1],
      ["won", 0],
    ]);
    expect(f.totalLost).toBe(6);
    expect(f.worstStage).toBe("qualified");
    const qualified = f.steps[1]!;
    expect(qualified.topReasons).toEqual([
      { reason: "дорого", count: 2 }, // "дорого." and "  ДОРОГО! " are one reason
      { reason: "Выбрали конкурента", count: 1 },
    ]);
    expect(f.steps[3]!.topReasons).toEqual([{ reason: null, count: 1 }]);
    expect(f.steps[4]!.topReasons).toEqual([]);
  });

  it("breaks a tie for the worst stage in favour of the earlier stage", () => {
    const tie = [
      lead(1, R, { lost: L }, { at: "new" }),
      lead(2, R, { qualified: Q, meeting: M, lost: L }, { at: "meeting" }),
      lead(3, R, { qualified: Q, meeting: M, lost: L }, { at: "meeting" }),
      lead(4, R, { lost: L }, { at: "new" }),
    ];
    expect(computeFunnel(tie, NOVEMBER).worstStage).toBe("new");
  });

  it("has no worst stage without losses, and an empty cohort is all zeros", () => {
    const none = computeFunnel([lead(1, R, { qualified: Q })], NOVEMBER);
    expect(none.worstStage).toBeNull();
    expect(none.totalLost).toBe(0);
    const empty = computeFunnel([], NOVEMBER);
    expect(empty.cohort).toBe(0);
    expect(empty.steps.map((s) => s.reached)).toEqual([0, 0, 0, 0, 0]);
    expect(empty.steps.map((s) => s.conversion)).toEqual([null, null, null, null, null]);
    expect(empty.worstStage).toBeNull();
  });

  it("infers the loss stage from the furthest stage reached when it was not recorded", () => {
    const f2 = computeFunnel([lead(1, R, { qualified: Q, meeting: M, lost: L }, { at: null })], NOVEMBER);
    expect(f2.steps.map((s) => s.lost)).toEqual([0, 0, 1, 0, 0]);
    expect(f2.worstStage).toBe("meeting");
  });
});

describe("topReasons", () => {
  it("keeps the three most frequent, named reasons before 'no reason' on a tie", () => {
    const reasons = ["a", "b", null, "A.", "c", "b", "", "d", "a"];
    // a ×3, b ×2, null ×2 ("" counts as no reason), c ×1, d ×1
    expect(topReasons(reasons)).toEqual([
      { reason: "a", count: 3 },
      { reason: "b", count: 2 },
      { reason: null, count: 2 },
    ]);
  });

  it("normalises case, ё, spacing and trailing punctuation", () => {
    expect(normalizeReason("  Нет   бюджёта!! ")).toBe("нет бюджета");
    expect(normalizeReason("...")).toBeNull();
    expect(normalizeReason(null)).toBeNull();
  });
});
