import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { Repositories } from "../db/repositories/index.js";
import type { Team } from "../db/repositories/teams.js";
import type { Membership, User } from "../db/repositories/users.js";
import type { Logger } from "../logger.js";

/**
 * Everything a use case may use, built once by main.ts (or a test) and passed
 * down: to the bot's handlers on `ctx.deps`, to the scheduler and the CLIs.
 */
export interface AppDeps {
  config: Config;
  db: Db;
  repos: Repositories;
  logger: Logger;
  /** The clock; tests replace it. */
  now: () => number;
  /** Told when a head changes a team's schedule, so the scheduler picks it up. */
  onTeamSettingsChanged?: (teamId: number) => void;
  /** Told when a contest is created, so its live standings are posted without waiting for the next tick. */
  onContestCreated?: () => void;
  /**
   * Told once entries' follow-up jobs are stored and their replies sent (`chatId`: where the
   * replies went): drains the after-reply queue, and what it holds for that chat may now follow.
   */
  onEntriesQueued?: (chatId: number | null) => void;
  /** Told when an entry stored now will be answered in `chatId`: its congratulation waits for that reply. */
  onReplyPending?: (chatId: number) => void;
}

/** A user acting as an active member of a team. */
export interface Member {
  user: User;
  team: Team;
  membership: Membership;
}
