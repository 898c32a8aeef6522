import type { ReactionTypeEmoji } from "grammy/types";
import type { ActivityKind } from "../domain/types.js";
import type { Celebrations } from "../services/motivation.js";

/**
 * The emoji a logged entry's message gets: 🏆 for a new badge, 👍 for a plan
 * milestone, 🔥 for a deal; nothing otherwise. All three are on Telegram's list
 * of reactions bots may set. Set by the after-reply queue (bot/followups.ts), once
 * the entry's checks have run.
 */
export function entryReaction(kind: ActivityKind, celebrations: Celebrations): ReactionTypeEmoji["emoji"] | null {
  if (celebrations.badges.length > 0) return "🏆";
  if (celebrations.milestones.length > 0) return "👍";
  return kind === "deal" ? "🔥" : null;
}
