import { and, asc, eq, isNull } from "drizzle-orm";
import type { InputKind, InputRow } from "../../domain/business-inputs.js";
import type { WonDeal } from "../../domain/business-metrics.js";
import type { Db } from "../client.js";
import { activities, businessInputs } from "../schema.js";
import { installTeamHistoryVersion } from "../team-history-version.js";

export interface NewInput {
  teamId: number;
  kind: InputKind;
  month: string;
  userId: number | null;
  value: number;
  setBy: number;
  setAt: number;
}

/** The head's monthly inputs (history kept: every set is a row) and the team's won deals of all time. */
export function businessRepository(db: Db) {
  const historyVersion = installTeamHistoryVersion(db.$client);
  return {
    /**
     * Changes whenever the team's won deals, inputs or members may have changed
     * (any write by another process counts): the key a kept team history is valid under.
     */
    historyVersion(teamId: number): string {
      return historyVersion(teamId);
    },

    setInput(input: NewInput): void {
      db.insert(businessInputs).values(input).run();
    },

    /** Every input the team ever set, oldest first. */
    inputs(teamId: number): InputRow[] {
      return db
        .select({
          id: businessInputs.id,
          kind: businessInputs.kind,
          month: businessInputs.month,
          userId: businessInputs.userId,
          value: businessInputs.value,
          setAt: businessInputs.setAt,
        })
        .from(businessInputs)
        .where(eq(businessInputs.teamId, teamId))
        .orderBy(asc(businessInputs.id))
        .all();
    },

    /** Every live won deal of the team (one covering index range). */
    wonDeals(teamId: number): WonDeal[] {
      return db
        .select({
          userId: activities.userId,
          clientName: activities.clientName,
          occurredAt: activities.occurredAt,
          amountMinor: activities.amountMinor,
          marginPct: activities.marginPct,
        })
        .from(activities)
        .where(and(eq(activities.teamId, teamId), eq(activities.kind, "deal"), isNull(activities.deletedAt)))
        .all()
        .map((d) => ({ ...d, amountMinor: d.amountMinor ?? 0 }));
    },
  };
}
