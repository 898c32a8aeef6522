import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { coachNotes } from "../schema.js";

export type CoachNote = typeof coachNotes.$inferSelect;

/** Heads' private notes about a manager. */
export function coachNotesRepository(db: Db) {
  return {
    add(teamId: number, aboutUserId: number, authorId: number, text: string, now: number): CoachNote {
      return db.insert(coachNotes).values({ teamId, aboutUserId, authorId, text, createdAt: now }).returning().get();
    },
    about(teamId: number, aboutUserId: number): CoachNote[] {
      return db
        .select()
        .from(coachNotes)
        .where(and(eq(coachNotes.teamId, teamId), eq(coachNotes.aboutUserId, aboutUserId)))
        .orderBy(desc(coachNotes.createdAt), desc(coachNotes.id))
        .all();
    },
  };
}
