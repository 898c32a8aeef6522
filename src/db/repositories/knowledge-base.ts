import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { kbMaterials, kbReads } from "../schema.js";

export type Material = typeof kbMaterials.$inferSelect;
export type NewMaterial = Omit<typeof kbMaterials.$inferInsert, "id" | "deletedAt">;
export type MaterialRead = typeof kbReads.$inferSelect;

export function knowledgeBaseRepository(db: Db) {
  return {
    add(material: NewMaterial): Material {
      return db.insert(kbMaterials).values(material).returning().get();
    },
    byId(teamId: number, id: number): Material | undefined {
      return db
        .select()
        .from(kbMaterials)
        .where(and(eq(kbMaterials.teamId, teamId), eq(kbMaterials.id, id), isNull(kbMaterials.deletedAt)))
        .get();
    },
    /** A team's live materials, newest first (a team holds hundreds, not millions). */
    list(teamId: number): Material[] {
      return db
        .select()
        .from(kbMaterials)
        .where(and(eq(kbMaterials.teamId, teamId), isNull(kbMaterials.deletedAt)))
        .orderBy(desc(kbMaterials.createdAt), desc(kbMaterials.id))
        .all();
    },
    update(teamId: number, id: number, patch: Pick<Material, "title" | "body" | "tags" | "link" | "searchText">): boolean {
      return (
        db
          .update(kbMaterials)
          .set(patch)
          .where(and(eq(kbMaterials.teamId, teamId), eq(kbMaterials.id, id), isNull(kbMaterials.deletedAt)))
          .run().changes > 0
      );
    },
    remove(teamId: number, id: number, now: number): boolean {
      return (
        db
          .update(kbMaterials)
          .set({ deletedAt: now })
          .where(and(eq(kbMaterials.teamId, teamId), eq(kbMaterials.id, id), isNull(kbMaterials.deletedAt)))
          .run().changes > 0
      );
    },
    /** Records a read (and optionally "useful"); the first time of each is kept. */
    mark(materialId: number, userId: number, what: "read" | "useful", now: number): void {
      db.insert(kbReads)
        .values({ materialId, userId, readAt: now, usefulAt: what === "useful" ? now : null })
        .onConflictDoUpdate({
          target: [kbReads.materialId, kbReads.userId],
          set:
            what === "useful"
              ? { usefulAt: sql`coalesce(${kbReads.usefulAt}, ${now})`, readAt: sql`coalesce(${kbReads.readAt}, ${now})` }
              : { readAt: sql`coalesce(${kbReads.readAt}, ${now})` },
        })
        .run();
    },
    readsOf(materialId: number): MaterialRead[] {
      return db.select().from(kbReads).where(eq(kbReads.materialId, materialId)).all();
    },
    /** Useful marks per material of a team, for "most useful". */
    usefulCounts(teamId: number): Map<number, number> {
      const rows = db
        .select({ id: kbReads.materialId, n: sql<number>`count(${kbReads.usefulAt})` })
        .from(kbReads)
        .innerJoin(kbMaterials, eq(kbMaterials.id, kbReads.materialId))
        .where(eq(kbMaterials.teamId, teamId))
        .groupBy(kbReads.materialId)
        .all();
      return new Map(rows.map((r) => [r.id, r.n]));
    },
  };
}
