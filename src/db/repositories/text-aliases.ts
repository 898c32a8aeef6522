import { and, asc, eq } from "drizzle-orm";
import type { TextAlias } from "../../domain/text-aliases.js";
import type { Db } from "../client.js";
import { textAliases } from "../schema.js";

export type TextAliasRow = typeof textAliases.$inferSelect;

export function textAliasesRepository(db: Db) {
  return {
    /** The team's phrases, oldest first (the order /aliases numbers them in). */
    list(teamId: number): TextAliasRow[] {
      return db.select().from(textAliases).where(eq(textAliases.teamId, teamId)).orderBy(asc(textAliases.id)).all();
    },

    /** Remembers a phrase; a phrase corrected again takes the newer meaning. */
    remember(teamId: number, alias: TextAlias, userId: number, now: number): void {
      db.insert(textAliases)
        .values({ teamId, ...alias, userId, updatedAt: now })
        .onConflictDoUpdate({
          target: [textAliases.teamId, textAliases.field, textAliases.phrase],
          set: { value: alias.value, userId, updatedAt: now },
        })
        .run();
    },

    /** Deletes one of the team's phrases; false when it is not (or no longer) there. */
    remove(teamId: number, id: number): boolean {
      return (
        db
          .delete(textAliases)
          .where(and(eq(textAliases.teamId, teamId), eq(textAliases.id, id)))
          .run().changes === 1
      );
    },
  };
}
