import { and, eq, inArray, sql } from "drizzle-orm";
import type { User as TelegramUser } from "grammy/types";
import type { Db } from "../client.js";
import { memberships, users } from "../schema.js";
import type { Team } from "./teams.js";

export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = Membership["role"];
export interface Member {
  user: User;
  membership: Membership;
}

/** A user row as SQLite returns it (settings still JSON text). */
interface UserRow extends Omit<User, "settings"> {
  settings: string;
}

export function usersRepository(db: Db) {
  // Read for every update: a plain statement, built once (drizzle's building and row
  // mapping cost more than the lookup).
  const byIdRead = db.$client.prepare<[number], UserRow>(
    `select id, username, first_name as firstName, last_name as lastName, language_code as languageCode, settings,
        blocked_at as blockedAt, created_at as createdAt, updated_at as updatedAt
      from users where id = ?`,
  );
  const readById = (id: number): User | undefined => {
    const row = byIdRead.get(id);
    return row && { ...row, settings: JSON.parse(row.settings) as User["settings"] };
  };
  return {
    /**
     * Keeps names and language in step with Telegram; called once per update. The
     * stored row is read first and written only when something differs (or the
     * user had blocked the bot), since almost every update carries the same names.
     */
    upsert(from: TelegramUser, now: number): User {
      const values = {
        id: from.id,
        username: from.username ?? null,
        firstName: from.first_name,
        lastName: from.last_name ?? null,
        languageCode: from.language_code ?? null,
      };
      const stored = readById(from.id);
      if (
        stored &&
        stored.blockedAt === null &&
        stored.username === values.username &&
        stored.firstName === values.firstName &&
        stored.lastName === values.lastName &&
        stored.languageCode === values.languageCode
      ) {
        return stored;
      }
      return db
        .insert(users)
        .values({ ...values, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: users.id, set: { ...values, updatedAt: now, blockedAt: null } })
        .returning()
        .get();
    },
    byId(id: number): User | undefined {
      return readById(id);
    },
    update(id: number, patch: Partial<Pick<User, "settings" | "blockedAt">>): void {
      db.update(users).set(patch).where(eq(users.id, id)).run();
    },
  };
}

/** A membership joined with its team, as SQLite returns it. */
interface CurrentRow extends Omit<Membership, "active">, Omit<Team, "id" | "settings"> {
  active: number;
  settings: string;
}

export function membershipsRepository(db: Db) {
  // The two lookups behind every update, built once (see usersRepository).
  const getQuery = db
    .select()
    .from(memberships)
    .where(and(eq(memberships.teamId, sql.placeholder("teamId")), eq(memberships.userId, sql.placeholder("userId"))))
    .prepare();
  // Plain statements: drizzle's mapping of the joined row cost more than the lookup.
  const TEAM_MEMBERSHIP = `select m.id, m.team_id as teamId, m.user_id as userId, m.role, m.active, m.joined_at as joinedAt,
        t.chat_id as chatId, t.name, t.timezone, t.locale, t.invite_code as inviteCode, t.settings,
        t.chat_unreachable_at as chatUnreachableAt, t.created_at as createdAt
      from memberships m join teams t on t.id = m.team_id`;
  const currentRead = db.$client.prepare<[number], CurrentRow>(
    `${TEAM_MEMBERSHIP} where m.user_id = ? and m.active = 1 order by m.joined_at desc, m.id desc limit 1`,
  );
  const activeInRead = db.$client.prepare<[number, number], CurrentRow>(
    `${TEAM_MEMBERSHIP} where m.team_id = ? and m.user_id = ? and m.active = 1`,
  );
  const teamMembership = (r: CurrentRow | undefined): { team: Team; membership: Membership } | undefined =>
    r && {
      team: {
        id: r.teamId,
        chatId: r.chatId,
        name: r.name,
        timezone: r.timezone,
        locale: r.locale,
        inviteCode: r.inviteCode,
        settings: JSON.parse(r.settings) as Team["settings"],
        chatUnreachableAt: r.chatUnreachableAt,
        createdAt: r.createdAt,
      },
      membership: { id: r.id, teamId: r.teamId, userId: r.userId, role: r.role, active: r.active === 1, joinedAt: r.joinedAt },
    };
  return {
    get(teamId: number, userId: number): Membership | undefined {
      return getQuery.get({ teamId, userId });
    },
    /**
     * The team a user acts in from a private chat: their most recently joined
     * active membership (a manager normally belongs to one team).
     */
    currentFor(userId: number): { team: Team; membership: Membership } | undefined {
      return teamMembership(currentRead.get(userId));
    },
    /** The team and the user's membership in it, if active (one read: every entry's follow-up asks). */
    activeIn(teamId: number, userId: number): { team: Team; membership: Membership } | undefined {
      return teamMembership(activeInRead.get(teamId, userId));
    },
    /**
     * Joins as manager; returns what happened so the reply can say it. Coming back
     * (by /join, an invite link, any path) is a manager too, whatever role the old
     * membership had: head rights come back only by /promote.
     */
    join(teamId: number, userId: number, now: number): "joined" | "already" | "rejoined" {
      return db.transaction((tx) => {
        const existing = tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)))
          .get();
        if (existing?.active) return "already";
        if (existing) {
          tx.update(memberships).set({ active: true, joinedAt: now, role: "manager" }).where(eq(memberships.id, existing.id)).run();
          return "rejoined";
        }
        tx.insert(memberships).values({ teamId, userId, role: "manager", joinedAt: now }).run();
        return "joined";
      });
    },
    /**
     * Ends a membership (left the group, or removed by a head). The row stays, so
     * past entries keep their author; `false` when there was no active one.
     */
    deactivate(teamId: number, userId: number): boolean {
      return (
        db
          .update(memberships)
          .set({ active: false })
          .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId), eq(memberships.active, true)))
          .run().changes > 0
      );
    },
    /** Former members (no longer active) among `userIds`, with their user rows. */
    formerAmong(teamId: number, userIds: number[]): Member[] {
      if (userIds.length === 0) return [];
      return db
        .select({ user: users, membership: memberships })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.teamId, teamId), eq(memberships.active, false), inArray(memberships.userId, userIds)))
        .orderBy(users.firstName, users.id)
        .all();
    },
    setRole(teamId: number, userId: number, role: Role): void {
      db.update(memberships)
        .set({ role })
        .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)))
        .run();
    },
    /**
     * An active head becomes a manager, unless they are the team's last active head
     * (nobody could manage the team then). Checked and written in one transaction.
     */
    demote(teamId: number, userId: number): "demoted" | "not_head" | "last_head" {
      return db.transaction((tx) => {
        const heads = tx
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(and(eq(memberships.teamId, teamId), eq(memberships.active, true), eq(memberships.role, "head")))
          .all();
        if (!heads.some((h) => h.userId === userId)) return "not_head";
        if (heads.length <= 1) return "last_head";
        tx.update(memberships)
          .set({ role: "manager" })
          .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)))
          .run();
        return "demoted";
      });
    },
    /** Active members with their user rows, heads first, then by name. */
    listTeam(teamId: number): Member[] {
      return db
        .select({ user: users, membership: memberships })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.teamId, teamId), eq(memberships.active, true)))
        .orderBy(sql`${memberships.role} = 'manager'`, users.firstName, users.id)
        .all();
    },
    /** Finds an active member of the team by @username (case-insensitive). */
    byUsername(teamId: number, username: string): Member | undefined {
      const name = username.replace(/^@/, "").toLowerCase();
      return db
        .select({ user: users, membership: memberships })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.teamId, teamId), eq(memberships.active, true), sql`lower(${users.username}) = ${name}`))
        .get();
    },
  };
}
