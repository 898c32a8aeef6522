import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { alerts, posts } from "../schema.js";

export type AlertRow = typeof alerts.$inferSelect;

export interface ClaimedPost {
  id: number;
  /** The text's parts already delivered by an earlier attempt (empty: none). */
  messageIds: number[];
  /** The chart, if an earlier attempt delivered it. */
  chartMessageId: number | null;
}

/**
 * How long a claim protects a post being sent. Long enough for a post waiting its
 * turn behind a group's 20-per-minute limit; a process that is alive never loses
 * its own claims (the scheduler also remembers what it is sending).
 */
export const POST_LEASE_MS = 3 * 60_000;

/** Scheduled posts and funnel alerts: each recorded once, before it is sent. */
export function postsRepository(db: Db) {
  return {
    /**
     * Records a post as pending and returns it to send; null when it was sent,
     * failed, skipped, or is being sent now. A pending claim older than `leaseMs`
     * was left by a process that died while sending: it is claimed again, with the
     * ids of the parts that did reach the chat, so only the rest is sent.
     */
    claim(teamId: number, kind: string, localDate: string, target: string, now: number, leaseMs = POST_LEASE_MS): ClaimedPost | null {
      const row = db
        .insert(posts)
        .values({ teamId, kind, localDate, target, status: "pending", createdAt: now, claimedAt: now })
        .onConflictDoNothing()
        .returning({ id: posts.id, messageIds: posts.messageIds, chartMessageId: posts.chartMessageId })
        .get();
      if (row) return row;
      return (
        db
          .update(posts)
          .set({ claimedAt: now })
          .where(
            and(
              eq(posts.teamId, teamId),
              eq(posts.kind, kind),
              eq(posts.localDate, localDate),
              eq(posts.target, target),
              eq(posts.status, "pending"),
              sql`coalesce(${posts.claimedAt}, ${posts.createdAt}) <= ${now - leaseMs}`,
            ),
          )
          .returning({ id: posts.id, messageIds: posts.messageIds, chartMessageId: posts.chartMessageId })
          .get() ?? null
      );
    },
    /** Records what reached the chat, right after Telegram answered, so a retry never sends it again. */
    recordDelivered(id: number, part: { text: number[] } | { chart: number }): void {
      db.update(posts)
        .set("text" in part ? { messageIds: part.text } : { chartMessageId: part.chart })
        .where(eq(posts.id, id))
        .run();
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
