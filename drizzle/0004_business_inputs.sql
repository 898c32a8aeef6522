CREATE TABLE `business_inputs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`kind` text NOT NULL,
	`month` text NOT NULL,
	`user_id` integer,
	`value` real NOT NULL,
	`set_by` integer NOT NULL,
	`set_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `business_inputs_team_idx` ON `business_inputs` (`team_id`,`kind`,`month`);--> statement-breakpoint
ALTER TABLE `activities` ADD `margin_pct` real;--> statement-breakpoint
CREATE INDEX `activities_team_kind_idx` ON `activities` (`team_id`,`kind`,`deleted_at`,`occurred_at`,`user_id`,`amount_minor`,`client_name`,`margin_pct`);