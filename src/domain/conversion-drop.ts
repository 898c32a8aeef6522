import type { ConvertibleStage } from "./funnel.js";
import { type LeadTimeline, OPEN_STAGES, type Stage } from "./types.js";

const NEXT: Record<ConvertibleStage, keyof LeadTimeline> = {
  new: "qualifiedAt",
  qualified: "meetingAt",
  meeting: "proposalAt",
  proposal: "wonAt",
};

export interface StageOutcome {
  moved: number;
  lost: number;
  rate: number | null;
}

const inRange = (t: number | null, from: number, to: number): t is number => t !== null && t >= from && t < to;

/**
 * Conversion at each stage by outcomes decided in [from, to): of the leads that
 * left the stage in the window — moved on, or were lost at it — the share that
 * moved on. Unlike a cohort of leads registered in the window, a week that has
 * just started is not penalised for leads that simply have not moved yet.
 */
export function decidedConversions(timelines: readonly LeadTimeline[], from: number, to: number): Record<ConvertibleStage, StageOutcome> {
  const out = Object.fromEntries(OPEN_STAGES.map((s) => [s, { moved: 0, lost: 0, rate: null }])) as Record<ConvertibleStage, StageOutcome>;
  for (const tl of timelines) {
    for (const stage of OPEN_STAGES) {
      if (inRange(tl[NEXT[stage]] as number | null, from, to)) out[stage].moved += 1;
    }
    const lostAt = tl.lostAtStage as Stage | null;
    if (lostAt && lostAt in out && inRange(tl.lostAt, from, to)) out[lostAt as ConvertibleStage].lost += 1;
  }
  for (const s of OPEN_STAGES) {
    const o = out[s];
    o.rate = o.moved + o.lost > 0 ? (o.moved / (o.moved + o.lost)) * 100 : null;
  }
  return out;
}

export interface ConversionDrop {
  stage: ConvertibleStage;
  baseline: number;
  current: number;
}

/**
 * Stages where the current rate is more than `points` below the baseline, worst
 * first. Small samples are ignored: two lost leads are not a trend.
 */
export function conversionDrops(
  current: Record<ConvertibleStage, StageOutcome>,
  baseline: Record<ConvertibleStage, StageOutcome>,
  points: number,
  minCurrent = 5,
  minBaseline = 10,
): ConversionDrop[] {
  const drops: ConversionDrop[] = [];
  for (const stage of OPEN_STAGES) {
    const c = current[stage];
    const b = baseline[stage];
    if (c.rate === null || b.rate === null || c.moved + c.lost < minCurrent || b.moved + b.lost < minBaseline) continue;
    if (b.rate - c.rate > points) drops.push({ stage, baseline: b.rate, current: c.rate });
  }
  return drops.sort((x, y) => y.baseline - y.current - (x.baseline - x.current));
}
