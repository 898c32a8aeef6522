CREATE TABLE `coach_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`about_user_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coach_notes_about_idx` ON `coach_notes` (`team_id`,`about_user_id`);--> statement-breakpoint
CREATE TABLE `kb_materials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`file_id` text,
	`file_kind` text,
	`link` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `kb_materials_team_idx` ON `kb_materials` (`team_id`,`deleted_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `kb_reads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`material_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`read_at` integer,
	`useful_at` integer,
	FOREIGN KEY (`material_id`) REFERENCES `kb_materials`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kb_reads_uq` ON `kb_reads` (`material_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `program_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`assigned_at` integer NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `program_assignments_uq` ON `program_assignments` (`program_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `programs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`steps` text NOT NULL,
	`due_at` integer NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programs_team_name_uq` ON `programs` (`team_id`,`name_key`);--> statement-breakpoint
CREATE TABLE `quiz_polls` (
	`poll_id` text PRIMARY KEY NOT NULL,
	`run_id` integer NOT NULL,
	`question_index` integer NOT NULL,
	`chosen` integer,
	`correct` integer,
	`answered_at` integer,
	FOREIGN KEY (`run_id`) REFERENCES `quiz_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `quiz_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quiz_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`status` text NOT NULL,
	`current` integer DEFAULT 0 NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`started_at` integer NOT NULL,
	`deadline_at` integer NOT NULL,
	`reminded_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_runs_quiz_user_uq` ON `quiz_runs` (`quiz_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `quiz_runs_status_idx` ON `quiz_runs` (`status`,`deadline_at`);--> statement-breakpoint
CREATE TABLE `quizzes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`questions` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quizzes_team_name_uq` ON `quizzes` (`team_id`,`name_key`);--> statement-breakpoint
CREATE TABLE `tv_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`token` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tv_links_token_unique` ON `tv_links` (`token`);--> statement-breakpoint
CREATE INDEX `tv_links_team_idx` ON `tv_links` (`team_id`,`revoked_at`);