CREATE TABLE `bonus_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`kind` text NOT NULL,
	`metric` text,
	`percent_bp` integer,
	`threshold_minor` integer,
	`amount_minor` integer,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`removed_at` integer,
	`removed_by` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bonus_rules_team_idx` ON `bonus_rules` (`team_id`,`removed_at`);