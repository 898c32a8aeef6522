CREATE TABLE `gaming_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer NOT NULL,
	`day` text NOT NULL,
	`entry_ids` text DEFAULT '[]' NOT NULL,
	`detail` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_by` integer,
	`resolved_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gaming_flags_once_uq` ON `gaming_flags` (`team_id`,`kind`,`user_id`,`day`);--> statement-breakpoint
CREATE INDEX `gaming_flags_team_status_idx` ON `gaming_flags` (`team_id`,`status`,`day`);