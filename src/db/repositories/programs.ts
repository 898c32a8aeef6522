import { and, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { programAssignments, programs } from "../schema.js";

export type Program = typeof programs.$inferSelect;
export type ProgramStep = Program["steps"][number];

export function programsRepository(db: Db) {
  return {
    /** Creates a program; null when the team already has one of that name. */
    create(p: Omit<typeof programs.$inferInsert, "id">): Program | null {
      return db.insert(programs).values(p).onConflictDoNothing().returning().get() ?? null;
    },
    byName(teamId: number, nameKey: string): Program | undefined {
      return db
        .select()
        .from(programs)
        .where(and(eq(programs.teamId, teamId), eq(programs.nameKey, nameKey)))
        .get();
    },
    list(teamId: number): Program[] {
      return db.select().from(programs).where(eq(programs.teamId, teamId)).orderBy(programs.name).all();
    },
    assign(programId: number, userId: number, now: number): boolean {
      return db.insert(programAssignments).values({ programId, userId, assignedAt: now }).onConflictDoNothing().run().changes > 0;
    },
    assignees(programId: number): number[] {
      return db
        .select({ userId: programAssignments.userId })
        .from(programAssignments)
        .where(eq(programAssignments.programId, programId))
        .all()
        .map((r) => r.userId);
    },
    /** The team's programs assigned to a user. */
    ofUser(teamId: number, userId: number): Program[] {
      return db
        .select({ p: programs })
        .from(programAssignments)
        .innerJoin(programs, eq(programs.id, programAssignments.programId))
        .where(and(eq(programs.teamId, teamId), eq(programAssignments.userId, userId)))
        .orderBy(programs.dueAt)
        .all()
        .map((r) => r.p);
    },
  };
}
