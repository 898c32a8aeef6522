// Cohort funnel: the leads registered in a period, how far each got, and
// where (and why) the lost ones dropped out.

import { foldText } from "./search-text.js";
import { FORWARD_STAGES, type ForwardStage, type LeadTimeline, OPEN_STAGES, type OpenStage, type Period, type Stage } from "./types.js";

/** The funnel's steps are the forward path; `lost` is an exit, not a step. */
export type FunnelStage = ForwardStage;
/** Stages that have a next one (conversion from them is defined): the open ones. */
export type ConvertibleStage = OpenStage;

export interface LossReason {
  /** Display text (first spelling seen); null groups the losses logged without a reason. */
  reason: string | null;
  count: number;
}

export interface FunnelStep {
  stage: FunnelStage;
  reached: number;
  /** % of the previous step's leads that reached this one; null for `new` or when the previous step is empty. */
  conversion: number | null;
  /** Leads lost while at this stage. */
  lost: number;
  /** Up to 3 most frequent reasons among them. */
  topReasons: LossReason[];
}

export interface Funnel {
  /** Leads registered in the period. */
  cohort: number;
  steps: FunnelStep[];
  totalLost: number;
  /** Stage with the most losses (ties → earlier stage); null when nothing was lost. */
  worstStage: FunnelStage | null;
}

function stageTime(tl: LeadTimeline, stage: FunnelStage): number | null {
  switch (stage) {
    case "new":
      return tl.registeredAt;
    case "qualified":
      return tl.qualifiedAt;
    case "meeting":
      return tl.meetingAt;
    case "proposal":
      return tl.proposalAt;
    case "won":
      return tl.wonAt;
  }
}

/**
 * Index of the furthest stage a lead reached. Leads only move forward and
 * skipped stages carry the jump instant, so a later stage time implies the
 * earlier ones; scanning from the end also tolerates rows where a skipped
 * stage was left null.
 */
function furthestStageIndex(tl: LeadTimeline): number {
  for (let i = FORWARD_STAGES.length - 1; i > 0; i--) {
    if (stageTime(tl, FORWARD_STAGES[i]!) !== null) return i;
  }
  return 0;
}

function isLost(tl: LeadTimeline): boolean {
  return tl.lostAt !== null || tl.lostAtStage !== null;
}

/** Stage a lost lead was lost at: the recorded one, else the furthest open stage it reached. */
function lossStage(tl: LeadTimeline): ConvertibleStage {
  const recorded: Stage | null = tl.lostAtStage;
  if (recorded !== null && (OPEN_STAGES as readonly Stage[]).includes(recorded)) return recorded as ConvertibleStage;
  const idx = Math.min(furthestStageIndex(tl), FORWARD_STAGES.length - 2);
  return FORWARD_STAGES[idx] as ConvertibleStage;
}

/**
 * Grouping key for a loss reason: case, "ё", spacing and trailing punctuation
 * do not make a different reason ("Дорого." = "дорого"). Null when empty.
 */
export function normalizeReason(reason: string | null): string | null {
  if (reason === null) return null;
  const key = foldText(reason).replace(/[.!?,;:…\s]+$/u, "");
  return key === "" ? null : key;
}

/** Top `limit` reasons by count (ties: named before "no reason", then alphabetical by key). */
export function topReasons(reasons: readonly (string | null)[], limit = 3): LossReason[] {
  const groups = new Map<string | null, { display: string | null; count: number }>();
  for (const raw of reasons) {
    const key = normalizeReason(raw);
    const g = groups.get(key);
    if (g !== undefined) g.count += 1;
    else
      groups.set(key, {
        display:
          key === null
            ? null
            : raw!
                .replace(/\s+/g, " ")
                .trim()
                .replace(/[.!?,;:…\s]+$/u, ""),
        count: 1,
      });
  }
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => {
      if (b.count !== a.count) return b.count - a.count;
      if (ka === null) return 1;
      if (kb === null) return -1;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    })
    .slice(0, limit)
    .map(([, g]) => ({ reason: g.display, count: g.count }));
}

/** Leads registered in [from, to). */
export function cohortOf(timelines: readonly LeadTimeline[], from: number, to: number): LeadTimeline[] {
  return timelines.filter((tl) => tl.registeredAt >= from && tl.registeredAt < to);
}

function pct(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

/**
 * Funnel of the cohort registered in the period. The cohort is followed to the
 * present: a lead registered on the 30th and qualified on the 2nd of next month
 * counts as qualified, and losses are counted whenever they happened.
 */
export function computeFunnel(timelines: readonly LeadTimeline[], period: Period): Funnel {
  const cohort = cohortOf(timelines, period.from, period.to);
  const reached = FORWARD_STAGES.map(() => 0);
  const lostReasons = new Map<FunnelStage, (string | null)[]>();
  for (const tl of cohort) {
    const furthest = furthestStageIndex(tl);
    for (let i = 0; i <= furthest; i++) reached[i]! += 1;
    if (isLost(tl)) {
      const stage = lossStage(tl);
      const list = lostReasons.get(stage) ?? [];
      list.push(tl.lostReason);
      lostReasons.set(stage, list);
    }
  }

  let totalLost = 0;
  let worstStage: FunnelStage | null = null;
  let worstCount = 0;
  const steps: FunnelStep[] = FORWARD_STAGES.map((stage, i) => {
    const reasons = lostReasons.get(stage) ?? [];
    totalLost += reasons.length;
    // Strictly greater: on a tie the earlier stage (visited first) keeps the title.
    if (reasons.length > worstCount) {
      worstCount = reasons.length;
      worstStage = stage;
    }
    return {
      stage,
      reached: reached[i]!,
      conversion: i === 0 ? null : pct(reached[i]!, reached[i - 1]!),
      lost: reasons.length,
      topReasons: topReasons(reasons),
    };
  });
  return { cohort: cohort.length, steps, totalLost, worstStage };
}
