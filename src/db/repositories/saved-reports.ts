import { eq } from "drizzle-orm";
import { type ReportDefinition, reportDefinitionSchema } from "../../domain/report-definition.js";
import type { Db } from "../client.js";
import { savedReports } from "../schema.js";

export interface SavedReport {
  id: number;
  name: string;
  definition: ReportDefinition;
  createdBy: number;
}

export function savedReportsRepository(db: Db) {
  const parse = (row: typeof savedReports.$inferSelect): SavedReport | null => {
    const def = reportDefinitionSchema.safeParse(row.definition);
    return def.success ? { id: row.id, name: row.name, definition: def.data, createdBy: row.createdBy } : null;
  };
  return {
    list(teamId: number): SavedReport[] {
      return db
        .select()
        .from(savedReports)
        .where(eq(savedReports.teamId, teamId))
        .orderBy(savedReports.name)
        .all()
        .flatMap((r) => parse(r) ?? []);
    },
    /** Case-insensitive in any script (SQLite's lower() folds ASCII only). */
    byName(teamId: number, name: string): SavedReport | null {
      const key = name.toLocaleLowerCase("ru");
      const row = db
        .select()
        .from(savedReports)
        .where(eq(savedReports.teamId, teamId))
        .all()
        .find((r) => r.name.toLocaleLowerCase("ru") === key);
      return row ? parse(row) : null;
    },
    /** Saving under an existing name replaces that report. */
    save(teamId: number, name: string, definition: ReportDefinition, createdBy: number): void {
      db.insert(savedReports)
        .values({ teamId, name, definition: { ...definition }, createdBy })
        .onConflictDoUpdate({ target: [savedReports.teamId, savedReports.name], set: { definition: { ...definition }, createdBy } })
        .run();
    },
  };
}
