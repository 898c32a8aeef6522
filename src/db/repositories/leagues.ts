import { randomInt } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client.js";
import { leagues, leagueTeams, teams } from "../schema.js";
import type { Team } from "./teams.js";

export type League = typeof leagues.$inferSelect;
export type LeagueTeam = typeof leagueTeams.$inferSelect;

// No 0/O, 1/I/L: a code is read aloud and typed by hand.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const LEAGUE_CODE_LENGTH = 8;

function newCode(): string {
  let code = "";
  for (let i = 0; i < LEAGUE_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A typed code as stored: upper case, spaces and dashes dropped; null when it cannot be a code. */
export function normalizeLeagueCode(text: string): string | null {
  const code = text.replace(/[\s-]/g, "").toUpperCase();
  return new RegExp(`^[${CODE_ALPHABET}]{${LEAGUE_CODE_LENGTH}}$`).test(code) ? code : null;
}

export interface LeagueMember {
  team: Team;
  membership: LeagueTeam;
}

export function leaguesRepository(db: Db) {
  const current = (teamId: number) =>
    db
      .select({ league: leagues, membership: leagueTeams })
      .from(leagueTeams)
      .innerJoin(leagues, eq(leagues.id, leagueTeams.leagueId))
      .where(and(eq(leagueTeams.teamId, teamId), isNull(leagueTeams.leftAt)))
      .get();
  return {
    /** The league a team is in now, with its membership row. */
    ofTeam(teamId: number): { league: League; membership: LeagueTeam } | undefined {
      return current(teamId);
    },
    byCode(code: string): League | undefined {
      return db.select().from(leagues).where(eq(leagues.code, code)).get();
    },
    /** The teams in a league now, in the order they joined. */
    members(leagueId: number): LeagueMember[] {
      return db
        .select({ team: teams, membership: leagueTeams })
        .from(leagueTeams)
        .innerJoin(teams, eq(teams.id, leagueTeams.teamId))
        .where(and(eq(leagueTeams.leagueId, leagueId), isNull(leagueTeams.leftAt)))
        .orderBy(leagueTeams.joinedAt, leagueTeams.id)
        .all();
    },
    /** Creates a league with the team in it; "already" when the team is in one. */
    create(teamId: number, name: string, now: number): League | "already" {
      return db.transaction((tx) => {
        if (current(teamId)) return "already";
        let code = newCode();
        while (tx.select().from(leagues).where(eq(leagues.code, code)).get()) code = newCode();
        const league = tx.insert(leagues).values({ code, name, creatorTeamId: teamId, createdAt: now }).returning().get();
        tx.insert(leagueTeams).values({ leagueId: league.id, teamId, joinedAt: now }).run();
        return league;
      });
    },
    /** Puts the team in the league; "already" (with the league it is in) when it is in one. */
    join(teamId: number, leagueId: number, now: number): { ok: true } | { ok: false; league: League } {
      return db.transaction((tx) => {
        const mine = current(teamId);
        if (mine) return { ok: false as const, league: mine.league };
        tx.insert(leagueTeams).values({ leagueId, teamId, joinedAt: now }).run();
        return { ok: true as const };
      });
    },
    /** Takes the team out of its league; the league it left, or undefined when it was in none. */
    leave(teamId: number, now: number): League | undefined {
      return db.transaction((tx) => {
        const mine = current(teamId);
        if (!mine) return undefined;
        tx.update(leagueTeams).set({ leftAt: now }).where(eq(leagueTeams.id, mine.membership.id)).run();
        return mine.league;
      });
    },
    /** Whether other teams may see this team's managers' names; false when it is in no league. */
    setShareNames(teamId: number, on: boolean): boolean {
      return (
        db
          .update(leagueTeams)
          .set({ shareNames: on })
          .where(and(eq(leagueTeams.teamId, teamId), isNull(leagueTeams.leftAt)))
          .run().changes > 0
      );
    },
  };
}
