// Badges (issue 9): each awarded once per manager and kept. The once-ever ones
// follow from totals after every entry; the monthly ones (best day, biggest deal,
// first to reach plan, plan 150 %) once per manager per team month.

export const BADGES = [
  "first_deal",
  "deals_10",
  "deals_50",
  "deals_100",
  "streak_5",
  "streak_10",
  "streak_20",
  "best_day",
  "biggest_deal",
  "first_to_plan",
  "plan_150",
] as const;
export type BadgeCode = (typeof BADGES)[number];

/** Awarded at most once per manager per month (the rest once ever). */
export const MONTHLY_BADGES: ReadonlySet<BadgeCode> = new Set(["best_day", "biggest_deal", "first_to_plan", "plan_150"]);

export function isBadgeCode(code: string): code is BadgeCode {
  return (BADGES as readonly string[]).includes(code);
}

export const BADGE_EMOJI: Readonly<Record<BadgeCode, string>> = {
  first_deal: "🎯",
  deals_10: "🥉",
  deals_50: "🥈",
  deals_100: "🥇",
  streak_5: "🔥",
  streak_10: "⚡",
  streak_20: "🌟",
  best_day: "🚀",
  biggest_deal: "💎",
  first_to_plan: "🏁",
  plan_150: "🏆",
};

const DEAL_STEPS: readonly [number, BadgeCode][] = [
  [1, "first_deal"],
  [10, "deals_10"],
  [50, "deals_50"],
  [100, "deals_100"],
];
const STREAK_STEPS: readonly [number, BadgeCode][] = [
  [5, "streak_5"],
  [10, "streak_10"],
  [20, "streak_20"],
];

/** The once-ever badges a manager's totals qualify for (already held ones are filtered by the store). */
export function milestoneBadges(totalDeals: number, streak: number): BadgeCode[] {
  return [...DEAL_STEPS.filter(([n]) => totalDeals >= n).map(([, b]) => b), ...STREAK_STEPS.filter(([n]) => streak >= n).map(([, b]) => b)];
}

/** Share of a monthly plan at which a manager is congratulated, once each. */
export const PLAN_MILESTONES = [50, 100, 150] as const;

/** The milestones a plan percentage has reached. */
export function reachedMilestones(pct: number | null): number[] {
  return pct === null ? [] : PLAN_MILESTONES.filter((m) => pct >= m - 1e-9);
}

/** Who holds the top value (ties shared); nobody when the best is zero or less. */
export function topHolders(values: ReadonlyMap<number, number>): { userIds: number[]; value: number } | null {
  let best = 0;
  for (const v of values.values()) if (v > best) best = v;
  if (best <= 0) return null;
  return { userIds: [...values].filter(([, v]) => v === best).map(([id]) => id), value: best };
}
