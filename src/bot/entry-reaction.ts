import type { ReactionTypeEmoji } from "grammy/types";
import type { ActivityKind } from "../domain/types.js";
import type { RecordOutcome } from "../services/record-entry.js";
import type { BotContext } from "./context.js";

/**
 * The emoji a logged entry's message gets: 🏆 for a new badge, 👍 for a plan
 * milestone, 🔥 for a deal; nothing otherwise. All three are on Telegram's list
 * of reactions bots may set.
 */
export function entryReaction(kind: ActivityKind, outcome: RecordOutcome): ReactionTypeEmoji["emoji"] | null {
  if (outcome.status !== "logged") return null;
  if (outcome.celebrations.badges.length > 0) return "🏆";
  if (outcome.celebrations.milestones.length > 0) return "👍";
  return kind === "deal" ? "🔥" : null;
}

/** Reacts to the manager's own message; a refusal (old message, reactions off in the chat) only costs the reaction. */
export async function reactToEntry(ctx: BotContext, kind: ActivityKind, outcome: RecordOutcome): Promise<void> {
  const emoji = entryReaction(kind, outcome);
  const message = ctx.message;
  if (!emoji || !message) return;
  await ctx.api.setMessageReaction(message.chat.id, message.message_id, [{ type: "emoji", emoji }]).catch((err: unknown) => {
    ctx.deps.logger.warn({ err, chat_id: message.chat.id }, "reaction refused");
  });
}
