CREATE TABLE `followups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`celebrate` integer NOT NULL,
	`chat_id` integer,
	`message_id` integer,
	`receiver_id` integer,
	`locale` text,
	`created_at` integer NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `followups_activity_id_unique` ON `followups` (`activity_id`);--> statement-breakpoint
CREATE INDEX `followups_pending_idx` ON `followups` (`done_at`,`id`);