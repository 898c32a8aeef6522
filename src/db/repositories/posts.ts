import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { alerts, posts } from "../schema.js";

export type AlertRow = typeof alerts.$inferSelect;

/** Scheduled posts and funnel alerts: each recorded once, before it is sent. */
export function postsRepository(db: Db) {
  return {
    /**
     * Records a post as pending; false when it was already recorded (sent, or
     * claimed by a run that died), so a restart never posts it again.
     */
    claim(teamId: number, kind: string, localDate: string, target: string, now: number): number | null {
      const row = db
        .insert(posts)
        .values({ teamId, kind, localDate, target, status: "pending", createdAt: now })
        .onConflictDoNothing()
        .returning({ id: posts.id })
        .get();
      return row?.id ?? null;
    },
    finish(id: number, status: "sent" | "failed" | "skipped", now: number, error?: string): void {
      db.update(posts)
        .set({ status, sentAt: status === "sent" ? now : null, error: error ?? null })
        .where(eq(posts.id, id))
        .run();
    },
    /** Records an alert; false when the same alert already fired that local day. */
    recordAlert(teamId: number, kind: string, subject: string, localDate: string, message: string, now: number): boolean {
      return (
        db.insert(alerts).values({ teamId, kind, subject, localDate, message, createdAt: now }).onConflictDoNothing().run().changes > 0
      );
    },
    alertsOn(teamId: number, localDate: string): AlertRow[] {
      return db
        .select()
        .from(alerts)
        .where(and(eq(alerts.teamId, teamId), eq(alerts.localDate, localDate)))
        .orderBy(desc(alerts.id))
        .all();
    },
  };
}
