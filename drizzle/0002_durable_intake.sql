CREATE TABLE `inbox` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`payload` text NOT NULL,
	`received_at` integer NOT NULL,
	`replays` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `inbox_received_idx` ON `inbox` (`received_at`);--> statement-breakpoint
ALTER TABLE `posts` ADD `claimed_at` integer;--> statement-breakpoint
ALTER TABLE `posts` ADD `message_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `chart_message_id` integer;