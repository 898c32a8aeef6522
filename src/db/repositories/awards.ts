import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { activities, awards } from "../schema.js";

export type AwardRow = typeof awards.$inferSelect;
export type NewAward = Pick<AwardRow, "teamId" | "userId" | "kind" | "code" | "period" | "awardedAt"> & {
  value?: number | null;
  /** Announce it in the team group (badges). */
  announce?: boolean;
};

/** Badges and milestones: each inserted once (unique per team, person, code and period). */
export function awardsRepository(db: Db) {
  const insert = (a: NewAward): AwardRow | null =>
    db
      .insert(awards)
      .values({ ...a, value: a.value ?? null, announce: a.announce ? "pending" : "none" })
      .onConflictDoNothing()
      .returning()
      .get() ?? null;
  return {
    /** Stores it unless the person already has it; the new row, or null. */
    award: insert,
    /**
     * Stores it for this person only if nobody in the team has it for the period
     * ("first to reach plan this month"). One transaction, so two entries at once
     * cannot both win.
     */
    awardFirst(a: NewAward): AwardRow | null {
      return db.transaction((tx) => {
        const taken = tx
          .select({ id: awards.id })
          .from(awards)
          .where(and(eq(awards.teamId, a.teamId), eq(awards.code, a.code), eq(awards.period, a.period)))
          .get();
        return taken ? null : insert(a);
      });
    },
    /** Codes (with period) a person holds, for skipping what is already awarded. */
    heldBy(teamId: number, userId: number): AwardRow[] {
      return db
        .select()
        .from(awards)
        .where(and(eq(awards.teamId, teamId), eq(awards.userId, userId)))
        .orderBy(asc(awards.awardedAt), asc(awards.id))
        .all();
    },
    /** Every badge of a team, oldest first. */
    teamBadges(teamId: number): AwardRow[] {
      return db
        .select()
        .from(awards)
        .where(and(eq(awards.teamId, teamId), eq(awards.kind, "badge")))
        .orderBy(asc(awards.awardedAt), asc(awards.id))
        .all();
    },
    /** A person's deals in the team, ever (undone entries are deleted rows and do not count). */
    dealCount(teamId: number, userId: number): number {
      return (
        db
          .select({ n: sql<number>`count(*)` })
          .from(activities)
          .where(
            and(eq(activities.teamId, teamId), eq(activities.userId, userId), eq(activities.kind, "deal"), isNull(activities.deletedAt)),
          )
          .get()?.n ?? 0
      );
    },
    /**
     * Teams with announcements to post: pending ones whose oldest is at least
     * `bundleMs` old (so a burst of badges waits to become one post), or claims
     * left by a process that died before recording the post.
     */
    teamsToAnnounce(now: number, bundleMs: number, leaseMs: number): number[] {
      const rows = db
        .selectDistinct({ teamId: awards.teamId })
        .from(awards)
        .where(
          or(
            and(eq(awards.announce, "pending"), lte(awards.awardedAt, now - bundleMs)),
            and(eq(awards.announce, "claimed"), lte(awards.announceClaimedAt, now - leaseMs)),
          ),
        )
        .all();
      return rows.map((r) => r.teamId);
    },
    /** Claims every pending (or abandoned) announcement of a team as one batch. */
    claimAnnouncements(teamId: number, now: number, leaseMs: number): AwardRow[] {
      return db
        .update(awards)
        .set({ announce: "claimed", announceClaimedAt: now })
        .where(
          and(
            eq(awards.teamId, teamId),
            or(eq(awards.announce, "pending"), and(eq(awards.announce, "claimed"), lte(awards.announceClaimedAt, now - leaseMs))),
          ),
        )
        .returning()
        .all()
        .sort((a, b) => a.awardedAt - b.awardedAt || a.id - b.id);
    },
    finishAnnouncements(ids: number[], status: "sent" | "failed", messageId: number | null): void {
      if (ids.length === 0) return;
      db.update(awards).set({ announce: status, announceMessageId: messageId }).where(inArray(awards.id, ids)).run();
    },
  };
}
