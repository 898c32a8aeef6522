import { and, eq, lt, sql } from "drizzle-orm";
import type { QuizQuestion } from "../../domain/quiz-format.js";
import type { Db } from "../client.js";
import { quizPolls, quizRuns, quizzes } from "../schema.js";

export type QuizRow = Omit<typeof quizzes.$inferSelect, "questions"> & { questions: QuizQuestion[] };
export type QuizRun = typeof quizRuns.$inferSelect;
export type QuizPoll = typeof quizPolls.$inferSelect;

/** The poll a manager answered, with its run. */
export interface PollRef {
  poll: QuizPoll;
  run: QuizRun;
}

const asQuiz = (row: typeof quizzes.$inferSelect): QuizRow => ({ ...row, questions: row.questions as unknown as QuizQuestion[] });

export function quizzesRepository(db: Db) {
  return {
    /** Saves a quiz; a quiz of the same name is replaced only when nobody has taken it yet. */
    save(q: { teamId: number; name: string; nameKey: string; tags: string[]; questions: QuizQuestion[]; createdBy: number }, now: number) {
      return db.transaction((tx): { quiz: QuizRow } | { taken: true } => {
        const existing = tx
          .select()
          .from(quizzes)
          .where(and(eq(quizzes.teamId, q.teamId), eq(quizzes.nameKey, q.nameKey)))
          .get();
        const row = { ...q, questions: q.questions as unknown as Record<string, unknown>[], createdAt: now };
        if (existing) {
          const runs = tx.select({ id: quizRuns.id }).from(quizRuns).where(eq(quizRuns.quizId, existing.id)).get();
          if (runs) return { taken: true };
          return { quiz: asQuiz(tx.update(quizzes).set(row).where(eq(quizzes.id, existing.id)).returning().get()) };
        }
        return { quiz: asQuiz(tx.insert(quizzes).values(row).returning().get()) };
      });
    },
    byName(teamId: number, nameKey: string): QuizRow | undefined {
      const row = db
        .select()
        .from(quizzes)
        .where(and(eq(quizzes.teamId, teamId), eq(quizzes.nameKey, nameKey)))
        .get();
      return row ? asQuiz(row) : undefined;
    },
    byId(id: number): QuizRow | undefined {
      const row = db.select().from(quizzes).where(eq(quizzes.id, id)).get();
      return row ? asQuiz(row) : undefined;
    },
    list(teamId: number): QuizRow[] {
      return db.select().from(quizzes).where(eq(quizzes.teamId, teamId)).orderBy(quizzes.name).all().map(asQuiz);
    },
    /** Starts a run; null when this manager already has one for the quiz. */
    startRun(quizId: number, teamId: number, userId: number, now: number, deadlineAt: number): QuizRun | null {
      return (
        db
          .insert(quizRuns)
          .values({ quizId, teamId, userId, status: "active", startedAt: now, deadlineAt })
          .onConflictDoNothing()
          .returning()
          .get() ?? null
      );
    },
    /** Takes back a run whose first question could not be delivered (the manager never started the bot). */
    dropRun(id: number): void {
      db.delete(quizRuns).where(eq(quizRuns.id, id)).run();
    },
    runById(id: number): QuizRun | undefined {
      return db.select().from(quizRuns).where(eq(quizRuns.id, id)).get();
    },
    runsOf(quizId: number): QuizRun[] {
      return db.select().from(quizRuns).where(eq(quizRuns.quizId, quizId)).all();
    },
    runsOfUser(teamId: number, userId: number): QuizRun[] {
      return db
        .select()
        .from(quizRuns)
        .where(and(eq(quizRuns.teamId, teamId), eq(quizRuns.userId, userId)))
        .all();
    },
    recordPoll(pollId: string, runId: number, questionIndex: number): void {
      db.insert(quizPolls).values({ pollId, runId, questionIndex }).run();
    },
    pollById(pollId: string): PollRef | undefined {
      const poll = db.select().from(quizPolls).where(eq(quizPolls.pollId, pollId)).get();
      const run = poll ? db.select().from(quizRuns).where(eq(quizRuns.id, poll.runId)).get() : undefined;
      return poll && run ? { poll, run } : undefined;
    },
    pollsOfRun(runId: number): QuizPoll[] {
      return db.select().from(quizPolls).where(eq(quizPolls.runId, runId)).all();
    },
    /**
     * Scores one answer, once: the poll must be unanswered and its run active and
     * at that question. Returns the run after the answer, or null (a repeat, a
     * closed run, an unknown poll) — then nothing changed.
     */
    answer(pollId: string, userId: number, chosen: number, correct: boolean, total: number, now: number): QuizRun | null {
      return db.transaction((tx) => {
        const poll = tx.select().from(quizPolls).where(eq(quizPolls.pollId, pollId)).get();
        if (!poll || poll.answeredAt !== null) return null;
        const run = tx.select().from(quizRuns).where(eq(quizRuns.id, poll.runId)).get();
        if (!run || run.userId !== userId || run.status !== "active" || run.current !== poll.questionIndex) return null;
        // Past the deadline the run is closed, even before the scheduler's sweep marks it.
        if (run.deadlineAt <= now) return null;
        tx.update(quizPolls).set({ chosen, correct, answeredAt: now }).where(eq(quizPolls.pollId, pollId)).run();
        const next = run.current + 1;
        const done = next >= total;
        return tx
          .update(quizRuns)
          .set({
            current: next,
            answered: run.answered + 1,
            correct: run.correct + (correct ? 1 : 0),
            status: done ? "done" : "active",
            finishedAt: done ? now : null,
          })
          .where(eq(quizRuns.id, run.id))
          .returning()
          .get();
      });
    },
    /** Active runs past their reminder time and not yet reminded (claims them). */
    claimReminders(remindBefore: number, now: number): QuizRun[] {
      return db
        .update(quizRuns)
        .set({ remindedAt: now })
        .where(and(eq(quizRuns.status, "active"), sql`${quizRuns.remindedAt} is null`, lt(quizRuns.deadlineAt, remindBefore)))
        .returning()
        .all();
    },
    /** Closes active runs whose deadline passed: later answers change nothing. */
    closeExpired(now: number): number {
      return db
        .update(quizRuns)
        .set({ status: "closed", finishedAt: now })
        .where(and(eq(quizRuns.status, "active"), lt(quizRuns.deadlineAt, now)))
        .run().changes;
    },
  };
}
