import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { Config, Locale } from "../config.js";
import type { Db } from "../db/client.js";
import type { Repositories } from "../db/repositories/index.js";
import type { Team } from "../db/repositories/teams.js";
import type { Membership, User } from "../db/repositories/users.js";
import type { Logger } from "../logger.js";
import type { Messages } from "./i18n/index.js";

/** Everything a handler may use, injected by createBot (no globals). */
export interface AppDeps {
  config: Config;
  db: Db;
  repos: Repositories;
  logger: Logger;
  /** The clock; tests replace it. */
  now: () => number;
  /** Told when a head changes a team's schedule, so the scheduler picks it up. */
  onTeamSettingsChanged?: (teamId: number) => void;
}

/** Who is speaking, where, and in which team: resolved once per update. */
export interface Actor {
  user: User | null;
  /** The team of this group chat, or the user's current team in a private chat. */
  team: Team | null;
  membership: Membership | null;
}

interface AppFlavor {
  deps: AppDeps;
  log: Logger;
  actor: Actor;
  locale: Locale;
  t: Messages;
}

export type BaseContext = Context & AppFlavor;
export type BotContext = ConversationFlavor<BaseContext>;
