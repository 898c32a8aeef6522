CREATE TABLE `crm_connections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`kind` text NOT NULL,
	`auth_mode` text NOT NULL,
	`account_id` text NOT NULL,
	`account_name` text NOT NULL,
	`base_url` text NOT NULL,
	`credentials` text NOT NULL,
	`credentials_version` integer DEFAULT 0 NOT NULL,
	`hook_secret` text NOT NULL,
	`hook_token` text,
	`registered_hook` text,
	`cursors` text DEFAULT '{}' NOT NULL,
	`history_from` integer NOT NULL,
	`last_sync_at` integer,
	`last_error` text,
	`last_error_at` integer,
	`failing_since` integer,
	`alerted_at` integer,
	`poked_at` integer,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`disconnected_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crm_connections_hook_secret_unique` ON `crm_connections` (`hook_secret`);--> statement-breakpoint
CREATE UNIQUE INDEX `crm_connections_active_uq` ON `crm_connections` (`team_id`,`kind`) WHERE "crm_connections"."disconnected_at" is null;--> statement-breakpoint
CREATE TABLE `crm_hooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`connection_id` integer NOT NULL,
	`body` text NOT NULL,
	`received_at` integer NOT NULL,
	`handled_at` integer,
	FOREIGN KEY (`connection_id`) REFERENCES `crm_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_hooks_pending_idx` ON `crm_hooks` (`handled_at`,`connection_id`);--> statement-breakpoint
CREATE TABLE `crm_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`connection_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`key` text NOT NULL,
	`crm_user_id` text NOT NULL,
	`kind` text NOT NULL,
	`outcome` text,
	`amount_minor` integer,
	`client_name` text,
	`lost_reason` text,
	`occurred_at` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`state` text NOT NULL,
	`skip_reason` text,
	`activity_id` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `crm_connections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crm_records_key_uq` ON `crm_records` (`connection_id`,`key`);--> statement-breakpoint
CREATE INDEX `crm_records_state_idx` ON `crm_records` (`connection_id`,`state`,`crm_user_id`);--> statement-breakpoint
CREATE INDEX `crm_records_team_time_idx` ON `crm_records` (`team_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `crm_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`set_by` integer NOT NULL,
	`set_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crm_sources_uq` ON `crm_sources` (`team_id`,`kind`);--> statement-breakpoint
CREATE TABLE `crm_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`connection_id` integer NOT NULL,
	`pipeline_id` text NOT NULL,
	`pipeline_name` text NOT NULL,
	`stage_id` text NOT NULL,
	`name` text NOT NULL,
	`target` text DEFAULT 'none' NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `crm_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crm_stages_uq` ON `crm_stages` (`connection_id`,`pipeline_id`,`stage_id`);--> statement-breakpoint
CREATE TABLE `crm_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`connection_id` integer NOT NULL,
	`crm_user_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`user_id` integer,
	`confirmed_at` integer,
	FOREIGN KEY (`connection_id`) REFERENCES `crm_connections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crm_users_uq` ON `crm_users` (`connection_id`,`crm_user_id`);--> statement-breakpoint
ALTER TABLE `entry_changes` ADD `source` text DEFAULT 'chat' NOT NULL;