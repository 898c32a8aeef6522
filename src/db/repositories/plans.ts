import { and, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { plans } from "../schema.js";

export type PlanRow = typeof plans.$inferSelect;
export type NewPlan = Omit<typeof plans.$inferInsert, "id" | "createdAt" | "updatedAt">;

export function plansRepository(db: Db) {
  return {
    list(teamId: number): PlanRow[] {
      return db.select().from(plans).where(eq(plans.teamId, teamId)).orderBy(plans.metric, plans.period, plans.id).all();
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
