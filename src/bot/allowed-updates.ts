/**
 * The update kinds the bot asks Telegram for (getUpdates and setWebhook). Telegram
 * delivers nothing else, so every kind a handler listens to must be listed here.
 * `chat_member` (someone leaves or is removed from a team's group) is only sent to
 * bots that list it and are admins of the group. Edits, channel posts and inline
 * queries are left out on purpose: the bot does not handle them.
 */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member", "chat_member", "poll_answer"] as const;
