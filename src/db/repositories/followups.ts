import type { Locale } from "../../domain/locales.js";
import type { ActivityKind } from "../../domain/types.js";
import type { Db } from "../client.js";

/** Where an entry's congratulation and reaction go (the chat it was typed in). */
export interface FollowupTarget {
  chatId: number;
  /** The person's message that carried the entry, or null (a guided flow's answer, the Mini App). */
  messageId: number | null;
  /** The entry's reply went to this person alone (an ephemeral answer in a group). */
  receiverId: number | null;
  locale: Locale;
}

/** What the queue is asked to do after an entry (stored with it, in its transaction). */
export interface FollowupSpec {
  /** Run the badge, streak and milestone checks; false: the contests' marks only. */
  celebrate: boolean;
  target: FollowupTarget | null;
}

/** A job not done yet (done ones are deleted), with what its entry says. */
export interface PendingFollowup {
  id: number;
  activityId: number;
  teamId: number;
  userId: number;
  celebrate: boolean;
  target: FollowupTarget | null;
  createdAt: number;
  kind: ActivityKind;
  occurredAt: number;
  loggedAt: number | null;
  /** The entry was undone before its job ran. */
  deleted: boolean;
}

interface Row {
  id: number;
  activityId: number;
  teamId: number;
  userId: number;
  celebrate: number;
  chatId: number | null;
  messageId: number | null;
  receiverId: number | null;
  locale: Locale | null;
  createdAt: number;
  kind: ActivityKind;
  occurredAt: number;
  loggedAt: number | null;
  deletedAt: number | null;
}

/**
 * The after-reply queue (schema: `followups`). Every statement runs per entry, so
 * they are plain prepared statements. `enqueue` runs inside the entry's transaction.
 */
export function followupsRepository(db: Db) {
  const sqlite = db.$client;
  const insert = sqlite.prepare<[number, number, number, number, number | null, number | null, number | null, string | null, number]>(
    `insert into followups (activity_id, team_id, user_id, celebrate, chat_id, message_id, receiver_id, locale, created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Every row is a pending job (a done one is deleted): the rowid order is the queue's.
  const pendingRead = sqlite.prepare<[number], Row>(
    `select f.id, f.activity_id as activityId, f.team_id as teamId, f.user_id as userId, f.celebrate, f.chat_id as chatId,
        f.message_id as messageId, f.receiver_id as receiverId, f.locale, f.created_at as createdAt,
        a.kind, a.occurred_at as occurredAt, a.logged_at as loggedAt, a.deleted_at as deletedAt
      from followups f join activities a on a.id = f.activity_id
      order by f.id limit ?`,
  );
  const finish = sqlite.prepare<[number]>("delete from followups where id = ?");
  const countPending = sqlite.prepare("select count(*) from followups").pluck();
  return {
    enqueue(activityId: number, teamId: number, userId: number, spec: FollowupSpec, now: number): void {
      const t = spec.target;
      insert.run(
        activityId,
        teamId,
        userId,
        spec.celebrate ? 1 : 0,
        t?.chatId ?? null,
        t?.messageId ?? null,
        t?.receiverId ?? null,
        t?.locale ?? null,
        now,
      );
    },
    /** The oldest jobs not done yet. */
    pending(limit: number): PendingFollowup[] {
      return pendingRead.all(limit).map((r) => ({
        id: r.id,
        activityId: r.activityId,
        teamId: r.teamId,
        userId: r.userId,
        celebrate: r.celebrate === 1,
        target: r.chatId === null ? null : { chatId: r.chatId, messageId: r.messageId, receiverId: r.receiverId, locale: r.locale ?? "ru" },
        createdAt: r.createdAt,
        kind: r.kind,
        occurredAt: r.occurredAt,
        loggedAt: r.loggedAt,
        deleted: r.deletedAt !== null,
      }));
    },
    /**
     * Takes a job off the queue (done); false when it was gone already. Run it in the
     * transaction of the job's effects: they commit together or not at all.
     */
    finish(id: number): boolean {
      return finish.run(id).changes > 0;
    },
    pendingCount(): number {
      return countPending.get() as number;
    },
  };
}
