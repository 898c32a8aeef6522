import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { plans } from "../schema.js";

export type PlanRow = typeof plans.$inferSelect;
export type NewPlan = Omit<typeof plans.$inferInsert, "id" | "createdAt" | "updatedAt">;

export function plansRepository(db: Db) {
  // Read after every entry (milestones): built once.
  const listQuery = db
    .select()
    .from(plans)
    .where(eq(plans.teamId, sql.placeholder("teamId")))
    .orderBy(plans.metric, plans.period, plans.id)
    .prepare();
  return {
    list(teamId: number): PlanRow[] {
      return listQuery.all({ teamId });
    },
    byId(teamId: number, id: number): PlanRow | undefined {
      return db
        .select()
        .from(plans)
        .where(and(eq(plans.teamId, teamId), eq(plans.id, id)))
        .get();
    },
    /** One plan per (metric, period, scope, person): setting it again replaces the value. */
    upsert(plan: NewPlan, now: number): PlanRow {
      return db.transaction((tx) => {
        const same = tx
          .select()
          .from(plans)
          .where(
            and(eq(plans.teamId, plan.teamId), eq(plans.metric, plan.metric), eq(plans.period, plan.period), eq(plans.scope, plan.scope)),
          )
          .all()
          .find((p) => (p.userId ?? null) === (plan.userId ?? null));
        if (same) {
          return tx
            .update(plans)
            .set({ value: plan.value, relativePercent: plan.relativePercent ?? null, updatedAt: now, createdBy: plan.createdBy })
            .where(eq(plans.id, same.id))
            .returning()
            .get();
        }
        return tx
          .insert(plans)
          .values({ ...plan, createdAt: now, updatedAt: now })
          .returning()
          .get();
      });
    },
    /**
     * Changes a plan only if it is still as the editor saw it (same `updatedAt`):
     * a plan removed or changed meanwhile by another head is not brought back or
     * silently overwritten.
     */
    replaceIfUnchanged(
      teamId: number,
      id: number,
      seenUpdatedAt: number,
      patch: Pick<PlanRow, "value" | "relativePercent" | "createdBy">,
      now: number,
    ): PlanRow | "gone" | "changed" {
      return db.transaction((tx) => {
        const current = tx
          .select()
          .from(plans)
          .where(and(eq(plans.teamId, teamId), eq(plans.id, id)))
          .get();
        if (!current) return "gone";
        if (current.updatedAt !== seenUpdatedAt) return "changed";
        // Strictly later than what was seen, so a second stale editor is told, even within one millisecond.
        const updatedAt = Math.max(now, seenUpdatedAt + 1);
        return tx
          .update(plans)
          .set({ ...patch, updatedAt })
          .where(eq(plans.id, id))
          .returning()
          .get();
      });
    },
    remove(teamId: number, id: number): boolean {
      return (
        db
          .delete(plans)
          .where(and(eq(plans.teamId, teamId), eq(plans.id, id)))
          .run().changes > 0
      );
    },
  };
}
