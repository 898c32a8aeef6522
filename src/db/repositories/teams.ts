import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Locale } from "../../domain/locales.js";
import type { Db } from "../client.js";
import { memberships, teams } from "../schema.js";

export type Team = typeof teams.$inferSelect;

/** 12 characters of the deep-link alphabet: unguessable and well inside Telegram's 64. */
function newInviteCode(): string {
  return randomBytes(9).toString("base64url");
}

export function teamsRepository(db: Db) {
  // Looked up on every group update: built once, not per call.
  const byChatIdQuery = db
    .select()
    .from(teams)
    .where(eq(teams.chatId, sql.placeholder("chatId")))
    .prepare();
  // Read for every after-reply job (and many replies).
  const byIdQuery = db
    .select()
    .from(teams)
    .where(eq(teams.id, sql.placeholder("id")))
    .prepare();
  return {
    byId(id: number): Team | undefined {
      return byIdQuery.get({ id });
    },
    byChatId(chatId: number): Team | undefined {
      return byChatIdQuery.get({ chatId });
    },
    byInviteCode(code: string): Team | undefined {
      return db.select().from(teams).where(eq(teams.inviteCode, code)).get();
    },
    all(): Team[] {
      return db.select().from(teams).all();
    },
    /** Creates the team and makes `headId` its head, atomically. */
    create(input: { chatId: number; name: string; timezone: string; locale: Locale; headId: number }): Team {
      return db.transaction((tx) => {
        const team = tx
          .insert(teams)
          .values({ chatId: input.chatId, name: input.name, timezone: input.timezone, locale: input.locale, inviteCode: newInviteCode() })
          .returning()
          .get();
        tx.insert(memberships).values({ teamId: team.id, userId: input.headId, role: "head" }).run();
        return team;
      });
    },
    /** A new invite code; links with the old one stop working. */
    rotateInviteCode(id: number): Team {
      return db.update(teams).set({ inviteCode: newInviteCode() }).where(eq(teams.id, id)).returning().get()!;
    },
    update(id: number, patch: Partial<Pick<Team, "name" | "timezone" | "locale" | "settings" | "chatId" | "chatUnreachableAt">>): void {
      db.update(teams).set(patch).where(eq(teams.id, id)).run();
    },
  };
}
