CREATE TABLE `league_teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`league_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`joined_at` integer NOT NULL,
	`left_at` integer,
	`share_names` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`league_id`) REFERENCES `leagues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `league_teams_league_idx` ON `league_teams` (`league_id`,`left_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `league_teams_active_uq` ON `league_teams` (`team_id`) WHERE "league_teams"."left_at" is null;--> statement-breakpoint
CREATE TABLE `leagues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`creator_team_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`creator_team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leagues_code_unique` ON `leagues` (`code`);