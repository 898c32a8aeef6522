DROP INDEX `activities_user_time_idx`;--> statement-breakpoint
CREATE INDEX `activities_user_time_idx` ON `activities` (`user_id`,`occurred_at`,`team_id`,`deleted_at`,`kind`,`outcome`,`amount_minor`,`lead_id`,`client_name`,`lost_reason`);--> statement-breakpoint
DROP INDEX `lead_stages_team_time_idx`;--> statement-breakpoint
CREATE INDEX `lead_stages_team_time_idx` ON `lead_stages` (`team_id`,`entered_at`,`owner_id`,`lead_id`,`stage`);