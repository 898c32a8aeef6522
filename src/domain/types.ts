// Plain data shapes shared by the pure domain functions. All instants are Unix
// milliseconds (UTC); local calendar dates are "YYYY-MM-DD" strings in the team's zone.

export const ACTIVITY_KINDS = ["call", "meeting", "proposal", "presentation", "deal", "lead", "lost"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const CALL_OUTCOMES = ["reached", "meeting", "noanswer"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Pipeline stages in order; `lost` is terminal and reachable from any open stage. */
export const STAGES = ["new", "qualified", "meeting", "proposal", "won", "lost"] as const;
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
