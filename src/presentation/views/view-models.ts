// What views read, as small interfaces of their own: a view takes any object with
// these fields (a repository row, a service's result, a test's literal), so
// presentation does not depend on how src/db/ stores things.
import type { FlagDetail, FlagKind, FlagStatus } from "../../domain/gaming-flags.js";
import type { PlanPeriod, PlanScope } from "../../domain/plans.js";
import type { ActivityKind, CallOutcome } from "../../domain/types.js";

/** A person as views name them. */
export interface PersonVM {
  user: { id: number; firstName: string; lastName: string | null };
}

/** A team member, where a view marks those who left (the bonus table). */
export interface MemberVM extends PersonVM {
  membership: { active: boolean };
}

/** A plan as described and drawn as a target line. */
export interface PlanVM {
  metric: string;
  value: number;
  period: PlanPeriod;
  scope: PlanScope;
  userId: number | null;
  relativePercent: number | null;
}

/** A badge or milestone award. */
export interface AwardVM {
  userId: number;
  code: string;
  period: string | null;
  value: number | null;
  awardedAt: number;
}

/** A knowledge-base material. */
export interface MaterialVM {
  id: number;
  title: string;
  body: string;
  link: string | null;
  fileId: string | null;
  tags: string[];
}

/** A gaming flag. */
export interface FlagVM {
  id: number;
  kind: FlagKind;
  day: string;
  status: FlagStatus;
  detail: FlagDetail;
}

/** An entry as /edit lists and describes it. */
export interface EntryVM {
  id: number;
  kind: ActivityKind;
  outcome: CallOutcome | null;
  amountMinor: number | null;
  clientName: string | null;
  lostReason: string | null;
}

/** The fields an entry correction changes, before and after. */
export interface EntryChangeVM {
  amountMinor?: number;
  clientName?: string;
  outcome?: CallOutcome;
}

/** A contest's dates (local YYYY-MM-DD). */
export interface ContestDatesVM {
  startDate: string;
  endDate: string;
}

/** A contest as /contests lists it. */
export interface ContestVM extends ContestDatesVM {
  name: string;
  status: "active" | "finished";
  startAt: number;
  endAt: number;
}
