CREATE TABLE `awards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`value` integer,
	`awarded_at` integer NOT NULL,
	`announce` text DEFAULT 'none' NOT NULL,
	`announce_claimed_at` integer,
	`announce_message_id` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `awards_once_uq` ON `awards` (`team_id`,`user_id`,`code`,`period`);--> statement-breakpoint
CREATE INDEX `awards_team_code_idx` ON `awards` (`team_id`,`code`,`period`);--> statement-breakpoint
CREATE INDEX `awards_announce_idx` ON `awards` (`announce`,`team_id`,`awarded_at`);