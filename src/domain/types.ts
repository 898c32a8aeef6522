// Plain data shapes shared by the pure domain functions. All instants are Unix
// milliseconds (UTC); local calendar dates are "YYYY-MM-DD" strings in the team's zone.

/**
 * What a manager logs. Each kind is also its logging command (`/call`, `/deal`, …),
 * and this order is the order of the keyboards, /help and the command menu.
 */
export const ACTIVITY_KINDS = ["call", "meeting", "proposal", "presentation", "lead", "deal", "lost"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** A call's outcome; the first is the default when none is typed. */
export const CALL_OUTCOMES = ["reached", "meeting", "noanswer"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Stages a lead can still move on from, in pipeline order (the funnel's convertible steps). */
export const OPEN_STAGES = ["new", "qualified", "meeting", "proposal"] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];
/** The forward path (the funnel's steps); `lost` is off to the side. */
export const FORWARD_STAGES = [...OPEN_STAGES, "won"] as const;
export type ForwardStage = (typeof FORWARD_STAGES)[number];
/** Pipeline stages in order; `lost` is terminal and reachable from any open stage. */
export const STAGES = [...FORWARD_STAGES, "lost"] as const;
export type Stage = (typeof STAGES)[number];

export interface ActivityRecord {
  id: number;
  userId: number;
  kind: ActivityKind;
  /** Only for calls. */
  outcome: CallOutcome | null;
  /** Only for deals: integer minor units (kopecks). */
  amountMinor: number | null;
  /** When the manager sent it (Telegram message date), Unix ms. */
  occurredAt: number;
  leadId: number | null;
  clientName: string | null;
  /** Only for `lost`. */
  lostReason: string | null;
}

/** A half-open instant range [from, to) plus its local-calendar description. */
export interface Period {
  from: number;
  to: number;
  /** First and last local dates covered (inclusive), YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  /** Machine key: "today", "week", "month", "range", … */
  kind: string;
}

/**
 * One lead's pipeline history pivoted to one row: when it entered each stage
 * (null if never). Skipped stages carry the instant of the jump (catalogue rule).
 */
export interface LeadTimeline {
  leadId: number;
  ownerId: number;
  clientName: string;
  registeredAt: number;
  qualifiedAt: number | null;
  meetingAt: number | null;
  proposalAt: number | null;
  wonAt: number | null;
  lostAt: number | null;
  lostAtStage: Stage | null;
  lostReason: string | null;
}
