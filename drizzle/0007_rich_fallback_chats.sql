CREATE TABLE `rich_fallback_chats` (
	`chat_id` integer PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL
);
