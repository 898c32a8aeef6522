import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, sql } from "drizzle-orm";
import { type DetectedFlag, type FlagStatus, GROUNDWORK_KINDS } from "../../domain/gaming-flags.js";
import type { ActivityRecord } from "../../domain/types.js";
import type { Db } from "../client.js";
import { activities, gamingFlags, leadStages } from "../schema.js";
import { ACTIVITY_RECORD_COLUMNS, undoActivity } from "./entries.js";
import { auditChange } from "./entry-changes.js";

export type GamingFlag = typeof gamingFlags.$inferSelect;

export type ResolveResult =
  | { status: "done"; flag: GamingFlag; voided: number }
  | { status: "gone" }
  | { status: "resolved"; flag: GamingFlag };

export function gamingFlagsRepository(db: Db) {
  return {
    /**
     * Stores detected flags: a new (team, kind, person, day) is inserted; an open
     * one takes the entries found now (the day may have grown since); one a head
     * already resolved stays as it was. Returns how many were new.
     */
    record(teamId: number, flags: readonly DetectedFlag[], now: number): number {
      if (flags.length === 0) return 0;
      return db.transaction((tx) => {
        let added = 0;
        for (const f of flags) {
          const existing = tx
            .select()
            .from(gamingFlags)
            .where(
              and(
                eq(gamingFlags.teamId, teamId),
                eq(gamingFlags.kind, f.kind),
                eq(gamingFlags.userId, f.userId),
                eq(gamingFlags.day, f.day),
              ),
            )
            .get();
          if (!existing) {
            tx.insert(gamingFlags)
              .values({ teamId, kind: f.kind, userId: f.userId, day: f.day, entryIds: f.entryIds, detail: f.detail, createdAt: now })
              .run();
            added++;
          } else if (existing.status === "open") {
            tx.update(gamingFlags).set({ entryIds: f.entryIds, detail: f.detail }).where(eq(gamingFlags.id, existing.id)).run();
          }
        }
        return added;
      });
    },

    /**
     * A team's live entries in [from, to) that count as work on a client before a
     * deal, optionally only those whose client is written exactly as one of
     * `names` (SQLite compares them inside the index scan, so a team's months
     * are not carried into JavaScript when the spelling matches).
     */
    groundwork(teamId: number, from: number, to: number, names?: readonly string[]): ActivityRecord[] {
      if (names && names.length === 0) return [];
      return db
        .select(ACTIVITY_RECORD_COLUMNS)
        .from(activities)
        .where(
          and(
            eq(activities.teamId, teamId),
            gte(activities.occurredAt, from),
            lt(activities.occurredAt, to),
            isNull(activities.deletedAt),
            inArray(activities.kind, [...GROUNDWORK_KINDS]),
            names ? inArray(activities.clientName, [...names]) : isNotNull(activities.clientName),
          ),
        )
        .all();
    },

    byId(teamId: number, id: number): GamingFlag | undefined {
      return db
        .select()
        .from(gamingFlags)
        .where(and(eq(gamingFlags.id, id), eq(gamingFlags.teamId, teamId)))
        .get();
    },

    /** Open flags of a team, newest day first. */
    open(teamId: number, limit = 100): GamingFlag[] {
      return db
        .select()
        .from(gamingFlags)
        .where(and(eq(gamingFlags.teamId, teamId), eq(gamingFlags.status, "open")))
        .orderBy(desc(gamingFlags.day), asc(gamingFlags.userId), asc(gamingFlags.id))
        .limit(limit)
        .all();
    },

    countOpen(teamId: number): number {
      return (
        db
          .select({ n: sql<number>`count(*)` })
          .from(gamingFlags)
          .where(and(eq(gamingFlags.teamId, teamId), eq(gamingFlags.status, "open")))
          .get()?.n ?? 0
      );
    },

    /** Every flag (any status) of local days [fromDay, toDay], newest day first. */
    between(teamId: number, fromDay: string, toDay: string, limit = 100): GamingFlag[] {
      return db
        .select()
        .from(gamingFlags)
        .where(and(eq(gamingFlags.teamId, teamId), gte(gamingFlags.day, fromDay), lte(gamingFlags.day, toDay)))
        .orderBy(desc(gamingFlags.day), asc(gamingFlags.userId), asc(gamingFlags.id))
        .limit(limit)
        .all();
    },

    /** Marks an open flag fine. Only an open flag changes: a second tap finds it resolved. */
    markFine(teamId: number, id: number, by: number, now: number): ResolveResult {
      return db.transaction((tx) => {
        const flag = tx
          .select()
          .from(gamingFlags)
          .where(and(eq(gamingFlags.id, id), eq(gamingFlags.teamId, teamId)))
          .get();
        if (!flag) return { status: "gone" };
        if (flag.status !== "open") return { status: "resolved", flag };
        tx.update(gamingFlags).set({ status: "fine", resolvedBy: by, resolvedAt: now }).where(eq(gamingFlags.id, id)).run();
        return { status: "done", flag: { ...flag, status: "fine", resolvedBy: by, resolvedAt: now }, voided: 0 };
      });
    },

    /**
     * Voids an open flag's entries the way /undo removes one: each still-live entry
     * is soft-deleted, its stage entries removed and its lead put back, newest
     * first (so each lead unwinds in order), in the same transaction as the flag's
     * status. Entries already undone are left as they are; an entry whose lead a
     * later unflagged entry moved on is removed without putting the lead back.
     */
    voidEntries(teamId: number, id: number, by: number, now: number): ResolveResult {
      return db.transaction((tx) => {
        const flag = tx
          .select()
          .from(gamingFlags)
          .where(and(eq(gamingFlags.id, id), eq(gamingFlags.teamId, teamId)))
          .get();
        if (!flag) return { status: "gone" };
        if (flag.status !== "open") return { status: "resolved", flag };
        const live =
          flag.entryIds.length === 0
            ? []
            : tx
                .select()
                .from(activities)
                .where(and(eq(activities.teamId, teamId), inArray(activities.id, flag.entryIds), isNull(activities.deletedAt)))
                .orderBy(desc(activities.id))
                .all();
        for (const entry of live) {
          // A lead a later (unflagged, live) entry moved on keeps its stage: putting it
          // back to before this entry would undo that entry's move too.
          const later =
            entry.leadId !== null &&
            tx
              .select({ id: activities.id })
              .from(activities)
              .where(and(eq(activities.leadId, entry.leadId), isNull(activities.deletedAt), gt(activities.id, entry.id)))
              .get() !== undefined;
          if (!later) undoActivity(tx, entry, now);
          else {
            tx.update(activities).set({ deletedAt: now }).where(eq(activities.id, entry.id)).run();
            tx.delete(leadStages).where(eq(leadStages.activityId, entry.id)).run();
          }
          // Audited like a head's /void, so /feed shows who voided it and why.
          auditChange(tx, {
            activityId: entry.id,
            teamId,
            ownerId: entry.userId,
            byUserId: by,
            action: "void",
            before: {},
            after: {},
            reason: `/flags #${flag.id} ${flag.kind}`,
            at: now,
          });
        }
        tx.update(gamingFlags).set({ status: "voided", resolvedBy: by, resolvedAt: now }).where(eq(gamingFlags.id, id)).run();
        return { status: "done", flag: { ...flag, status: "voided" as FlagStatus, resolvedBy: by, resolvedAt: now }, voided: live.length };
      });
    },
  };
}
