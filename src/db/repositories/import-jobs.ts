import { and, desc, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "../client.js";
import { activities, importJobs } from "../schema.js";

export type ImportJob = typeof importJobs.$inferSelect;
export type ImportStatus = ImportJob["status"];

/** Why an Import/Cancel button did nothing. */
export type ImportClaimFailure = "missing" | "foreign" | "expired" | "used";

/** A live entry as import deduplication sees it. */
export interface ExistingEntry {
  userId: number;
  kind: string;
  occurredAt: number;
  clientName: string | null;
}

export function importJobsRepository(db: Db) {
  return {
    create(values: Omit<typeof importJobs.$inferInsert, "id">): ImportJob {
      return db.insert(importJobs).values(values).returning().get();
    },

    byId(id: number): ImportJob | undefined {
      return db.select().from(importJobs).where(eq(importJobs.id, id)).get();
    },

    /** The user's newest job in `status` in this chat created since `since`. */
    latest(userId: number, chatId: number, status: ImportStatus, since: number): ImportJob | undefined {
      return db
        .select()
        .from(importJobs)
        .where(
          and(
            eq(importJobs.userId, userId),
            eq(importJobs.chatId, chatId),
            eq(importJobs.status, status),
            gte(importJobs.createdAt, since),
          ),
        )
        .orderBy(desc(importJobs.id))
        .get();
    },

    /** Ends every job of the user still waiting in `statuses` (a new /import replaces them). */
    closeOpen(userId: number, statuses: ImportStatus[], now: number): void {
      db.update(importJobs)
        .set({ status: "cancelled", resolvedAt: now })
        .where(and(eq(importJobs.userId, userId), inArray(importJobs.status, statuses)))
        .run();
    },

    /**
     * Moves a job from `from` to `to` for its own author, at most once: the
     * conditional update is the single-use guarantee, even for two taps at once.
     */
    claim(
      id: number,
      token: string,
      who: { userId: number; teamId: number },
      now: number,
      maxAgeMs: number,
      from: ImportStatus,
      to: ImportStatus,
    ): { ok: true; job: ImportJob } | { ok: false; reason: ImportClaimFailure } {
      const job = db.select().from(importJobs).where(eq(importJobs.id, id)).get();
      if (!job || job.token !== token) return { ok: false, reason: "missing" };
      if (job.userId !== who.userId || job.teamId !== who.teamId) return { ok: false, reason: "foreign" };
      if (job.status !== from) return { ok: false, reason: "used" };
      if (now - job.createdAt > maxAgeMs) return { ok: false, reason: "expired" };
      const changed = db
        .update(importJobs)
        .set({ status: to, resolvedAt: now })
        .where(and(eq(importJobs.id, id), eq(importJobs.status, from)))
        .run().changes;
      return changed === 1 ? { ok: true, job: { ...job, status: to, resolvedAt: now } } : { ok: false, reason: "used" };
    },

    update(id: number, patch: Partial<Pick<ImportJob, "status" | "fileId" | "fileName" | "result" | "resolvedAt">>): void {
      db.update(importJobs).set(patch).where(eq(importJobs.id, id)).run();
    },

    /** The team's live entries in [from, to): what an import must not add again. */
    liveEntries(teamId: number, from: number, to: number): ExistingEntry[] {
      return db
        .select({ userId: activities.userId, kind: activities.kind, occurredAt: activities.occurredAt, clientName: activities.clientName })
        .from(activities)
        .where(
          and(eq(activities.teamId, teamId), gte(activities.occurredAt, from), lt(activities.occurredAt, to), isNull(activities.deletedAt)),
        )
        .all();
    },
  };
}
