CREATE TABLE `entry_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`owner_id` integer NOT NULL,
	`by_user_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text DEFAULT '{}' NOT NULL,
	`after` text DEFAULT '{}' NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `entry_changes_team_time_idx` ON `entry_changes` (`team_id`,`at`);--> statement-breakpoint
CREATE INDEX `entry_changes_activity_idx` ON `entry_changes` (`activity_id`);--> statement-breakpoint
ALTER TABLE `activities` ADD `logged_at` integer;--> statement-breakpoint
ALTER TABLE `text_proposals` ADD `logged_at` integer;