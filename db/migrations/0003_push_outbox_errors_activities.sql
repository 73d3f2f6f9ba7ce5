CREATE TABLE `crm_activities` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`person_id` text,
	`account_id` text,
	`opportunity_id` text,
	`subject` text NOT NULL,
	`body` text,
	`due_date` text,
	`priority` text,
	`status` text,
	`call_duration_seconds` integer,
	`call_outcome` text,
	`start_at` text,
	`end_at` text,
	`location` text,
	`owner_sf_id` text,
	`owner_name` text,
	`sf_object` text,
	`sf_id` text,
	`sf_link_id` text,
	`push_state` text NOT NULL,
	`completed_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crm_activities_sf_id_unique` ON `crm_activities` (`sf_id`);--> statement-breakpoint
CREATE INDEX `crm_activities_person_idx` ON `crm_activities` (`person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `crm_activities_account_idx` ON `crm_activities` (`account_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `crm_activities_opportunity_idx` ON `crm_activities` (`opportunity_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `push_errors` (
	`id` text PRIMARY KEY NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`outbox_id` integer,
	`object` text NOT NULL,
	`operation` text NOT NULL,
	`record_name` text NOT NULL,
	`code` text NOT NULL,
	`message` text NOT NULL,
	`fields` text NOT NULL,
	`duplicates` text,
	`attempts` integer DEFAULT 1 NOT NULL,
	`state` text NOT NULL,
	`owner_user_id` text,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE INDEX `push_errors_state_idx` ON `push_errors` (`state`,`last_at`);--> statement-breakpoint
CREATE INDEX `push_errors_record_idx` ON `push_errors` (`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `push_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`kind` text NOT NULL,
	`operation` text NOT NULL,
	`fields` text NOT NULL,
	`state` text NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`sent_at` integer,
	`allow_duplicates` integer DEFAULT false NOT NULL,
	`waiting_on` text,
	`last_error_code` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `push_outbox_state_idx` ON `push_outbox` (`state`,`priority`,`id`);--> statement-breakpoint
CREATE INDEX `push_outbox_record_idx` ON `push_outbox` (`record_type`,`record_id`,`state`);--> statement-breakpoint
ALTER TABLE `crm_accounts` ADD `push_state` text;--> statement-breakpoint
ALTER TABLE `crm_accounts` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `crm_opportunities` ADD `push_state` text;--> statement-breakpoint
ALTER TABLE `crm_opportunities` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `crm_opportunities` ADD `account_id` text;--> statement-breakpoint
CREATE INDEX `crm_opportunities_account_id_idx` ON `crm_opportunities` (`account_id`);--> statement-breakpoint
ALTER TABLE `crm_people` ADD `push_state` text;--> statement-breakpoint
ALTER TABLE `crm_people` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `crm_people` ADD `account_id` text;--> statement-breakpoint
CREATE INDEX `crm_people_account_id_idx` ON `crm_people` (`account_id`);--> statement-breakpoint
-- One open outbox row per record: a later edit joins the pending (or failed) row instead of adding one.
CREATE UNIQUE INDEX `push_outbox_open_record` ON `push_outbox` (`record_type`,`record_id`) WHERE `state` IN ('pending', 'failed');
