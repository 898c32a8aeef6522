import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { Locale } from "../config.js";
import type { Team } from "../db/repositories/teams.js";
import type { Membership, User } from "../db/repositories/users.js";
import type { Audience } from "../domain/trust-policy.js";
import type { Logger } from "../logger.js";
import type { Messages } from "../presentation/i18n/index.js";
import type { AppDeps } from "../services/deps.js";

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
  /** Who reads this update's replies, for the trust policy: the speaker's role and the chat. */
  audience: Audience;
  locale: Locale;
  t: Messages;
}

export type BaseContext = Context & AppFlavor;
export type BotContext = ConversationFlavor<BaseContext>;
