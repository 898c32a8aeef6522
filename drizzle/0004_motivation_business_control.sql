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
CREATE INDEX `awards_announce_idx` ON `awards` (`announce`,`team_id`,`awarded_at`);--> statement-breakpoint
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
CREATE INDEX `bonus_rules_team_idx` ON `bonus_rules` (`team_id`,`removed_at`);--> statement-breakpoint
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
CREATE TABLE `contest_squad_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`squad_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`squad_id`) REFERENCES `contest_squads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contest_squad_members_uq` ON `contest_squad_members` (`contest_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `contest_squads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contest_squads_contest_idx` ON `contest_squads` (`contest_id`);--> statement-breakpoint
CREATE TABLE `contests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`metric` text NOT NULL,
	`kind` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`prize` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`chat_id` integer,
	`message_id` integer,
	`pinned` integer DEFAULT false NOT NULL,
	`last_edit_at` integer,
	`dirty_at` integer,
	`shown_hash` text,
	`result` text,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contests_team_name_uq` ON `contests` (`team_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `contests_status_idx` ON `contests` (`status`,`end_at`);--> statement-breakpoint
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
CREATE INDEX `gaming_flags_team_status_idx` ON `gaming_flags` (`team_id`,`status`,`day`);--> statement-breakpoint
CREATE TABLE `import_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token` text NOT NULL,
	`team_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`chat_id` integer NOT NULL,
	`status` text NOT NULL,
	`file_id` text,
	`file_name` text,
	`result` text,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_jobs_user_idx` ON `import_jobs` (`user_id`,`status`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `leagues_code_unique` ON `leagues` (`code`);--> statement-breakpoint
ALTER TABLE `activities` ADD `logged_at` integer;--> statement-breakpoint
ALTER TABLE `activities` ADD `margin_pct` real;--> statement-breakpoint
CREATE INDEX `activities_team_kind_idx` ON `activities` (`team_id`,`kind`,`deleted_at`,`occurred_at`,`user_id`,`amount_minor`,`client_name`,`margin_pct`);--> statement-breakpoint
ALTER TABLE `text_proposals` ADD `logged_at` integer;