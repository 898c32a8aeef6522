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
CREATE INDEX `contests_status_idx` ON `contests` (`status`,`end_at`);