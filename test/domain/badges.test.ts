import { describe, expect, it } from "vitest";
import { BADGES, MONTHLY_BADGES, milestoneBadges, reachedMilestones, topHolders } from "../../src/domain/badges.js";

describe("badge rules", () => {
  it("qualifies deal and streak steps from totals", () => {
    expect(milestoneBadges(0, 0)).toEqual([]);
    expect(milestoneBadges(1, 4)).toEqual(["first_deal"]);
    expect(milestoneBadges(10, 5)).toEqual(["first_deal", "deals_10", "streak_5"]);
    expect(milestoneBadges(49, 19)).toEqual(["first_deal", "deals_10", "streak_5", "streak_10"]);
    expect(milestoneBadges(100, 20)).toEqual(["first_deal", "deals_10", "deals_50", "deals_100", "streak_5", "streak_10", "streak_20"]);
  });

  it("has the monthly ones apart", () => {
    expect(BADGES.filter((b) => MONTHLY_BADGES.has(b))).toEqual(["best_day", "biggest_deal", "first_to_plan", "plan_150"]);
  });

  it("reads plan milestones from a percentage", () => {
    expect(reachedMilestones(null)).toEqual([]);
    expect(reachedMilestones(49.9)).toEqual([]);
    expect(reachedMilestones(50)).toEqual([50]);
    expect(reachedMilestones(149.99)).toEqual([50, 100]);
    expect(reachedMilestones(400)).toEqual([50, 100, 150]);
  });

  it("shares the top among ties and gives nothing for zero", () => {
    expect(
      topHolders(
        new Map([
          [1, 20],
          [2, 35],
          [3, 35],
        ]),
      ),
    ).toEqual({ userIds: [2, 3], value: 35 });
    expect(topHolders(new Map([[1, 0]]))).toBeNull();
    expect(topHolders(new Map())).toBeNull();
  });
});
