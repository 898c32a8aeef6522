CREATE TABLE `text_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token` text NOT NULL,
	`team_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`entries` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`source_update_id` integer,
	`status` text NOT NULL,
	`activity_ids` text,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `text_proposals_source_update_id_unique` ON `text_proposals` (`source_update_id`);--> statement-breakpoint
CREATE INDEX `text_proposals_user_idx` ON `text_proposals` (`user_id`,`created_at`);