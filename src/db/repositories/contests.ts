import { and, asc, eq, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { contestSquadMembers, contestSquads, contests } from "../schema.js";

export type Contest = typeof contests.$inferSelect;
export type NewContest = Omit<typeof contests.$inferInsert, "id" | "status" | "createdAt">;

export interface SquadInput {
  name: string;
  userIds: number[];
}

export interface Squad {
  id: number;
  name: string;
  userIds: number[];
}

export function contestsRepository(db: Db) {
  // Run after every entry: built once.
  const at = sql.placeholder("at");
  const markDirtyQuery = db
    .update(contests)
    .set({ dirtyAt: sql`${sql.placeholder("now")}` })
    .where(
      and(
        eq(contests.teamId, sql.placeholder("teamId")),
        eq(contests.status, "active"),
        lte(contests.startAt, at),
        sql`${contests.endAt} > ${at}`,
        isNull(contests.dirtyAt),
        or(
          eq(contests.kind, "individual"),
          sql`exists (select 1 from ${contestSquadMembers} where ${contestSquadMembers.contestId} = ${contests.id} and ${contestSquadMembers.userId} = ${sql.placeholder("userId")})`,
        ),
      ),
    )
    .prepare();
  return {
    /** Stores a contest with its squads in one transaction; a taken name stores nothing. */
    create(contest: NewContest, squads: SquadInput[]): { ok: true; contest: Contest } | { ok: false; taken: true } {
      return db.transaction((tx) => {
        const existing = tx
          .select({ id: contests.id })
          .from(contests)
          .where(and(eq(contests.teamId, contest.teamId), eq(contests.nameKey, contest.nameKey)))
          .get();
        if (existing) return { ok: false as const, taken: true as const };
        const row = tx.insert(contests).values(contest).returning().get();
        squads.forEach((s, position) => {
          const squad = tx.insert(contestSquads).values({ contestId: row.id, name: s.name, position }).returning().get();
          for (const userId of s.userIds) tx.insert(contestSquadMembers).values({ contestId: row.id, squadId: squad.id, userId }).run();
        });
        return { ok: true as const, contest: row };
      });
    },

    byId(id: number): Contest | undefined {
      return db.select().from(contests).where(eq(contests.id, id)).get();
    },

    byName(teamId: number, nameKey: string): Contest | undefined {
      return db
        .select()
        .from(contests)
        .where(and(eq(contests.teamId, teamId), eq(contests.nameKey, nameKey)))
        .get();
    },

    /** The team's contests: running and upcoming first (soonest end), then finished (latest first). */
    listTeam(teamId: number): Contest[] {
      return db
        .select()
        .from(contests)
        .where(eq(contests.teamId, teamId))
        .orderBy(asc(contests.status), asc(sql`case when ${contests.status} = 'active' then ${contests.endAt} else -${contests.endAt} end`))
        .all();
    },

    squadsOf(contestId: number): Squad[] {
      const squads = db
        .select()
        .from(contestSquads)
        .where(eq(contestSquads.contestId, contestId))
        .orderBy(asc(contestSquads.position))
        .all();
      const members = db.select().from(contestSquadMembers).where(eq(contestSquadMembers.contestId, contestId)).all();
      return squads.map((s) => ({ id: s.id, name: s.name, userIds: members.filter((m) => m.squadId === s.id).map((m) => m.userId) }));
    },

    /**
     * An entry of `userId` at `at` may move the standings of the team's active
     * contests covering that instant (for a squad contest, only if they are in a squad).
     */
    markDirty(teamId: number, userId: number, at: number, now: number): number {
      return markDirtyQuery.run({ teamId, userId, at, now }).changes;
    },

    /**
     * Active contests whose live message needs work at `now`: not posted yet; dirty
     * and last edited at least `minGapMs` ago; or not refreshed for `refreshMs`
     * (the time left moves on without entries), or started since the last edit.
     */
    dueForUpdate(now: number, minGapMs: number, refreshMs: number): Contest[] {
      return db
        .select()
        .from(contests)
        .where(
          and(
            eq(contests.status, "active"),
            sql`${contests.endAt} > ${now}`,
            or(
              isNull(contests.messageId),
              and(isNotNull(contests.dirtyAt), lte(contests.lastEditAt, now - minGapMs)),
              lte(contests.lastEditAt, now - refreshMs),
              // It started since the last edit: "starts in …" becomes "… left" at once.
              and(sql`${contests.startAt} > ${contests.lastEditAt}`, lte(contests.startAt, now)),
            ),
          ),
        )
        .all();
    },

    /** Active contests whose last day is over. */
    ended(now: number): Contest[] {
      return db
        .select()
        .from(contests)
        .where(and(eq(contests.status, "active"), lte(contests.endAt, now)))
        .orderBy(asc(contests.endAt))
        .all();
    },

    /** Clears the dirty mark before the standings are read: an entry after this marks it again. */
    takeDirty(id: number): void {
      db.update(contests).set({ dirtyAt: null }).where(eq(contests.id, id)).run();
    },

    recordMessage(id: number, fields: { chatId: number; messageId: number; pinned: boolean; at: number; hash: string }): void {
      db.update(contests)
        .set({ chatId: fields.chatId, messageId: fields.messageId, pinned: fields.pinned, lastEditAt: fields.at, shownHash: fields.hash })
        .where(eq(contests.id, id))
        .run();
    },

    recordShown(id: number, at: number, hash: string | null): void {
      db.update(contests)
        .set({ lastEditAt: at, ...(hash !== null ? { shownHash: hash } : {}) })
        .where(eq(contests.id, id))
        .run();
    },

    /** Claims the end of a contest (one process wins) and freezes its result. */
    finish(id: number, now: number, result: Record<string, unknown>): boolean {
      return (
        db
          .update(contests)
          .set({ status: "finished", finishedAt: now, result, dirtyAt: null })
          .where(and(eq(contests.id, id), eq(contests.status, "active")))
          .run().changes === 1
      );
    },
  };
}
