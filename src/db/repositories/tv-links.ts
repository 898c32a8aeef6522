import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client.js";
import { tvLinks } from "../schema.js";

export type TvLink = typeof tvLinks.$inferSelect;

export function tvLinksRepository(db: Db) {
  return {
    /** The team's live link, or a new one (one live link per team keeps revoking simple). */
    current(teamId: number, createdBy: number, now: number): TvLink {
      const live = db
        .select()
        .from(tvLinks)
        .where(and(eq(tvLinks.teamId, teamId), isNull(tvLinks.revokedAt)))
        .get();
      if (live) return live;
      // 24 random bytes: unguessable, URL-safe.
      const token = randomBytes(24).toString("base64url");
      return db.insert(tvLinks).values({ teamId, token, createdBy, createdAt: now }).returning().get();
    },
    /** A live (not revoked) link by its token. */
    byToken(token: string): TvLink | undefined {
      return db
        .select()
        .from(tvLinks)
        .where(and(eq(tvLinks.token, token), isNull(tvLinks.revokedAt)))
        .get();
    },
    /** Revokes every live link of the team; returns how many there were. */
    revoke(teamId: number, now: number): number {
      return db
        .update(tvLinks)
        .set({ revokedAt: now })
        .where(and(eq(tvLinks.teamId, teamId), isNull(tvLinks.revokedAt)))
        .run().changes;
    },
  };
}
