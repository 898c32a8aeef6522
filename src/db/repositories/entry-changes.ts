import { and, asc, eq, getTableColumns, gt, gte, inArray, isNotNull, lt, ne, sql } from "drizzle-orm";
import { MAX_BACKDATE_DAYS } from "../../domain/backdating.js";
import type { EntrySource } from "../../domain/crm.js";
import { advance, clientKey, targetStage } from "../../domain/pipeline.js";
import { type CallOutcome, OPEN_STAGES, type Stage } from "../../domain/types.js";
import type { Db } from "../client.js";
import { activities, entryChanges, importJobs, leadStages, leads } from "../schema.js";
import { type Activity, undoActivity } from "./entries.js";

export type EntryChange = typeof entryChanges.$inferSelect;

/** The fields a correction may change; each only on the kind it belongs to. */
export interface EntryPatch {
  amountMinor?: number;
  clientName?: string;
  outcome?: CallOutcome;
}

export type CorrectionResult =
  | { status: "corrected"; activity: Activity; before: EntryPatch; after: EntryPatch; change: EntryChange }
  /** The new client already has an open lead of this manager, so renaming this entry's lead would make two. */
  | { status: "client_lead_exists" }
  /** The entry moved a lead it did not create: a client change would have to move that lead's history. */
  | { status: "client_moves_lead"; clientName: string }
  | { status: "unchanged" }
  | { status: "gone" };

export type VoidResult =
  | { status: "voided"; activity: Activity; leadRemoved: boolean; stageRestored: Stage | null; change: EntryChange }
  | { status: "gone" };

/** An entry and the stage moves it caused, as /feed lists them. */
export interface FeedEntry extends Activity {
  stages: { clientName: string; stage: Stage }[];
  /** Who imported it (its /import job's author); null for an entry logged by hand. */
  importedBy: number | null;
}

/** Writes one audit row, inside the caller's transaction (every correction and void has one). */
export const auditChange = (tx: Pick<Db, "insert">, row: Omit<typeof entryChanges.$inferInsert, "id">): EntryChange =>
  tx.insert(entryChanges).values(row).returning().get();

export function entryChangesRepository(db: Db) {
  return {
    /** A team's entry by id, undone or not; undefined for another team's (or no) entry. */
    entry(teamId: number, id: number): Activity | undefined {
      return db
        .select()
        .from(activities)
        .where(and(eq(activities.id, id), eq(activities.teamId, teamId)))
        .get();
    },

    /** The person's live entries logged since `since`, newest first. */
    recentOwn(teamId: number, userId: number, since: number, limit: number): Activity[] {
      return db
        .select()
        .from(activities)
        .where(
          and(
            eq(activities.teamId, teamId),
            eq(activities.userId, userId),
            // Lets the (user, time) index narrow the scan; a backdated entry is at most the window older.
            gte(activities.occurredAt, since - (MAX_BACKDATE_DAYS + 1) * 86_400_000),
            sql`${activities.deletedAt} is null`,
            sql`coalesce(${activities.loggedAt}, ${activities.occurredAt}) >= ${since}`,
          ),
        )
        .orderBy(sql`coalesce(${activities.loggedAt}, ${activities.occurredAt}) desc`, sql`${activities.id} desc`)
        .limit(limit)
        .all();
    },

    /**
     * Corrects a live entry in place, with its audit row, in one transaction, and
     * keeps the pipeline consistent:
     * - amount: the deal's amount only;
     * - outcome: a call's stage move is redone with the new outcome when no later
     *   entry has moved that lead since (otherwise the lead stays where it is);
     * - client: an entry without a lead is renamed; one that created its lead renames
     *   the lead too (refused when the manager already has an open lead for that
     *   client); one that moved another lead keeps it only for a spelling fix of the
     *   same client, else it is refused (void it and log it for the right client).
     */
    correct(
      id: number,
      teamId: number,
      byUserId: number,
      patch: EntryPatch,
      reason: string | null,
      now: number,
      source: EntrySource = "chat",
    ): CorrectionResult {
      return db.transaction((tx) => {
        const a = tx
          .select()
          .from(activities)
          .where(and(eq(activities.id, id), eq(activities.teamId, teamId)))
          .get();
        if (!a || a.deletedAt !== null) return { status: "gone" as const };
        const before: EntryPatch = {};
        const after: EntryPatch = {};
        const set: Partial<Activity> = {};
        if (patch.amountMinor !== undefined && patch.amountMinor !== a.amountMinor) {
          before.amountMinor = a.amountMinor ?? undefined;
          after.amountMinor = set.amountMinor = patch.amountMinor;
        }
        if (patch.outcome !== undefined && patch.outcome !== a.outcome) {
          before.outcome = a.outcome ?? undefined;
          after.outcome = set.outcome = patch.outcome;
        }
        if (patch.clientName !== undefined && patch.clientName !== a.clientName) {
          before.clientName = a.clientName ?? undefined;
          after.clientName = set.clientName = patch.clientName;
        }
        if (Object.keys(after).length === 0) return { status: "unchanged" as const };

        const newClient = after.clientName;
        if (newClient !== undefined && a.leadId !== null) {
          const lead = tx.select().from(leads).where(eq(leads.id, a.leadId)).get();
          const key = clientKey(newClient);
          if (lead && lead.createdByActivityId === a.id) {
            const clash = tx
              .select({ id: leads.id })
              .from(leads)
              .where(
                and(
                  eq(leads.teamId, teamId),
                  eq(leads.ownerId, a.userId),
                  eq(leads.clientKey, key),
                  ne(leads.id, lead.id),
                  inArray(leads.stage, [...OPEN_STAGES]),
                ),
              )
              .get();
            if (clash) return { status: "client_lead_exists" as const };
            tx.update(leads).set({ clientName: newClient, clientKey: key, updatedAt: now }).where(eq(leads.id, lead.id)).run();
          } else if (lead && lead.clientKey !== key) {
            return { status: "client_moves_lead" as const, clientName: lead.clientName };
          }
        }

        if (set.outcome !== undefined && a.leadId !== null && a.kind === "call") {
          const later = tx
            .select({ n: sql<number>`count(*)` })
            .from(leadStages)
            .where(and(eq(leadStages.leadId, a.leadId), isNotNull(leadStages.activityId), gt(leadStages.activityId, a.id)))
            .get();
          const lead = tx.select().from(leads).where(eq(leads.id, a.leadId)).get();
          if (lead && (later?.n ?? 0) === 0 && a.leadStageBefore !== null) {
            tx.delete(leadStages).where(eq(leadStages.activityId, a.id)).run();
            const target = targetStage("call", set.outcome);
            const move = target ? advance(a.leadStageBefore, target) : { entered: [], stage: a.leadStageBefore };
            if (move.entered.length > 0) {
              tx.insert(leadStages)
                .values(
                  move.entered.map((stage) => ({
                    leadId: lead.id,
                    teamId,
                    ownerId: lead.ownerId,
                    stage,
                    enteredAt: a.occurredAt,
                    activityId: a.id,
                  })),
                )
                .run();
            }
            tx.update(leads).set({ stage: move.stage, updatedAt: now }).where(eq(leads.id, lead.id)).run();
          }
        }

        const activity = tx.update(activities).set(set).where(eq(activities.id, a.id)).returning().get();
        const change = auditChange(tx, {
          activityId: a.id,
          teamId,
          ownerId: a.userId,
          byUserId,
          action: "correct",
          before: before as Record<string, unknown>,
          after: after as Record<string, unknown>,
          reason,
          at: now,
          source,
        });
        return { status: "corrected" as const, activity, before, after, change };
      });
    },

    /** Voids a live entry the way /undo removes one (soft delete, lead put back), with its audit row. */
    voidEntry(id: number, teamId: number, byUserId: number, reason: string, now: number, source: EntrySource = "chat"): VoidResult {
      return db.transaction((tx) => {
        const a = tx
          .select()
          .from(activities)
          .where(and(eq(activities.id, id), eq(activities.teamId, teamId)))
          .get();
        if (!a || a.deletedAt !== null) return { status: "gone" as const };
        const undone = undoActivity(tx, a, now);
        if (undone.status !== "undone") return { status: "gone" as const };
        const change = auditChange(tx, {
          activityId: a.id,
          teamId,
          ownerId: a.userId,
          byUserId,
          action: "void",
          before: {},
          after: {},
          reason,
          at: now,
          source,
        });
        return { status: "voided" as const, activity: a, leadRemoved: undone.leadRemoved, stageRestored: undone.stageRestored, change };
      });
    },

    /** Every correction of these entries, oldest first (to show an entry as it was logged). */
    changesOf(activityIds: number[]): EntryChange[] {
      if (activityIds.length === 0) return [];
      return db
        .select()
        .from(entryChanges)
        .where(and(inArray(entryChanges.activityId, activityIds), eq(entryChanges.action, "correct")))
        .orderBy(asc(entryChanges.id))
        .all();
    },

    /** Corrections and voids made in [from, to), of the given people's entries (all when absent). */
    changes(teamId: number, from: number, to: number, ownerIds?: number[]): EntryChange[] {
      return db
        .select()
        .from(entryChanges)
        .where(
          and(
            eq(entryChanges.teamId, teamId),
            gte(entryChanges.at, from),
            lt(entryChanges.at, to),
            ownerIds ? inArray(entryChanges.ownerId, ownerIds) : undefined,
          ),
        )
        .orderBy(asc(entryChanges.at), asc(entryChanges.id))
        .all();
    },

    /**
     * Entries logged in [from, to) (by when they were logged, so a backdated or
     * imported entry shows when it was entered), undone or not, each with the stage
     * moves it caused and who imported it. `backWindow` reaches back for backdated
     * entries' earlier `occurred_at`; an imported entry (a head's may be for any past
     * day) is found by its `logged_at` beyond that.
     */
    logged(teamId: number, from: number, to: number, backWindow: number, userIds?: number[]): FeedEntry[] {
      const loggedAt = sql`coalesce(${activities.loggedAt}, ${activities.occurredAt})`;
      const select = () =>
        db
          .select({ ...getTableColumns(activities), importedBy: importJobs.userId })
          .from(activities)
          .leftJoin(importJobs, eq(importJobs.id, activities.importJobId));
      const people = userIds ? inArray(activities.userId, userIds) : undefined;
      const recent = select()
        .where(
          and(
            eq(activities.teamId, teamId),
            gte(activities.occurredAt, from - backWindow),
            lt(activities.occurredAt, to),
            sql`${loggedAt} >= ${from} and ${loggedAt} < ${to}`,
            people,
          ),
        )
        .all();
      const older = select()
        .where(
          and(
            eq(activities.teamId, teamId),
            gte(activities.loggedAt, from),
            lt(activities.loggedAt, to),
            lt(activities.occurredAt, from - backWindow),
            people,
          ),
        )
        .all();
      const rows = [...older, ...recent];
      const ids = rows.map((r) => r.id);
      const moves = ids.length
        ? db
            .select({ activityId: leadStages.activityId, stage: leadStages.stage, clientName: leads.clientName })
            .from(leadStages)
            .innerJoin(leads, eq(leads.id, leadStages.leadId))
            .where(inArray(leadStages.activityId, ids))
            .orderBy(asc(leadStages.id))
            .all()
        : [];
      return rows.map((r) => ({
        ...r,
        stages: moves.filter((m) => m.activityId === r.id).map((m) => ({ clientName: m.clientName, stage: m.stage })),
      }));
    },

    /** Entries taken back in [from, to) (by /undo, its button, or a void). */
    removed(teamId: number, from: number, to: number, userIds?: number[]): Activity[] {
      return db
        .select()
        .from(activities)
        .where(
          and(
            eq(activities.teamId, teamId),
            gte(activities.deletedAt, from),
            lt(activities.deletedAt, to),
            userIds ? inArray(activities.userId, userIds) : undefined,
          ),
        )
        .all();
    },
  };
}
