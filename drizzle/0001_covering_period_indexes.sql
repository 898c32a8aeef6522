DROP INDEX `activities_team_time_idx`;--> statement-breakpoint
CREATE INDEX `activities_team_time_idx` ON `activities` (`team_id`,`occurred_at`,`deleted_at`,`user_id`,`kind`,`outcome`,`amount_minor`,`lead_id`,`client_name`,`lost_reason`);--> statement-breakpoint
DROP INDEX `lead_stages_lead_idx`;--> statement-breakpoint
DROP INDEX `lead_stages_team_time_idx`;--> statement-breakpoint
CREATE INDEX `lead_stages_lead_idx` ON `lead_stages` (`lead_id`,`stage`,`entered_at`);--> statement-breakpoint
CREATE INDEX `lead_stages_team_time_idx` ON `lead_stages` (`team_id`,`entered_at`,`owner_id`,`lead_id`);