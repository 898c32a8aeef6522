/**
 * The update kinds the bot asks Telegram for (getUpdates and setWebhook). Telegram
 * delivers nothing else, so every kind a handler listens to must be listed here.
 */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member", "poll_answer"] as const;
