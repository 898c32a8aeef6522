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
CREATE INDEX `import_jobs_user_idx` ON `import_jobs` (`user_id`,`status`);