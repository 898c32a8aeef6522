import { and, asc, eq, isNull } from "drizzle-orm";
import { type BonusParams, type BonusRule, sameParams } from "../../domain/bonus.js";
import type { MetricKey } from "../../domain/metrics.js";
import type { Db } from "../client.js";
import { bonusRules } from "../schema.js";

export type BonusRuleRow = typeof bonusRules.$inferSelect;

/** A stored row as the domain's rule (the kind decides which columns are set). */
export function toBonusRule(row: BonusRuleRow): BonusRule {
  const base = { id: row.id, createdAt: row.createdAt, removedAt: row.removedAt };
  switch (row.kind) {
    case "over_plan":
      return { ...base, kind: "over_plan", percentBp: row.percentBp ?? 0 };
    case "big_deal":
      return { ...base, kind: "big_deal", thresholdMinor: row.thresholdMinor ?? 0, amountMinor: row.amountMinor ?? 0 };
    case "plan_hit":
      return { ...base, kind: "plan_hit", metric: row.metric as MetricKey, amountMinor: row.amountMinor ?? 0 };
  }
}

function columns(p: BonusParams) {
  switch (p.kind) {
    case "over_plan":
      return { kind: p.kind, percentBp: p.percentBp };
    case "big_deal":
      return { kind: p.kind, thresholdMinor: p.thresholdMinor, amountMinor: p.amountMinor };
    case "plan_hit":
      return { kind: p.kind, metric: p.metric, amountMinor: p.amountMinor };
  }
}

export function bonusRulesRepository(db: Db) {
  const active = (tx: Pick<Db, "select">, teamId: number) =>
    tx
      .select()
      .from(bonusRules)
      .where(and(eq(bonusRules.teamId, teamId), isNull(bonusRules.removedAt)))
      .orderBy(asc(bonusRules.id))
      .all()
      .map(toBonusRule);
  return {
    /** The rules in force, oldest first (the order of the list and its numbers). */
    active(teamId: number): BonusRule[] {
      return active(db, teamId);
    },
    /** Every rule the team ever had, removed ones included: a past month uses the rules it had. */
    history(teamId: number): BonusRule[] {
      return db.select().from(bonusRules).where(eq(bonusRules.teamId, teamId)).orderBy(asc(bonusRules.id)).all().map(toBonusRule);
    },
    /** Adds a rule unless an identical one is in force (checked in the same transaction). */
    add(teamId: number, params: BonusParams, createdBy: number, now: number): BonusRule | "duplicate" {
      return db.transaction((tx) => {
        if (active(tx, teamId).some((r) => sameParams(r, params))) return "duplicate";
        const row = tx
          .insert(bonusRules)
          .values({ teamId, ...columns(params), createdBy, createdAt: now })
          .returning()
          .get();
        return toBonusRule(row);
      });
    },
    /** Takes a rule of this team out of force; false when it is not this team's or already removed. */
    remove(teamId: number, id: number, removedBy: number, now: number): boolean {
      return (
        db
          .update(bonusRules)
          .set({ removedAt: now, removedBy })
          .where(and(eq(bonusRules.teamId, teamId), eq(bonusRules.id, id), isNull(bonusRules.removedAt)))
          .run().changes > 0
      );
    },
  };
}
