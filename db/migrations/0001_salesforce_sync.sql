CREATE TABLE `activity_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`at` integer NOT NULL,
	`event` text NOT NULL,
	`message` text NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `activity_log_record_idx` ON `activity_log` (`record_type`,`record_id`,`at`);--> statement-breakpoint
CREATE TABLE `api_usage_samples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`used` integer NOT NULL,
	`max` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `api_usage_samples_at_idx` ON `api_usage_samples` (`at`);--> statement-breakpoint
CREATE TABLE `crm_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`sf_id` text,
	`fields` text NOT NULL,
	`owner_sf_id` text,
	`owner_name` text,
	`system_modstamp` text,
	`content_hash` text,
	`source` text NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`merged_into_id` text,
	`sf_created_at` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`name` text NOT NULL,
	`website` text,
	`domain_normalized` text,
	`industry` text,
	`phone` text,
	`city` text,
	`country` text,
	`type` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crm_accounts_sf_id_unique` ON `crm_accounts` (`sf_id`);--> statement-breakpoint
CREATE INDEX `crm_accounts_domain_idx` ON `crm_accounts` (`domain_normalized`);--> statement-breakpoint
CREATE INDEX `crm_accounts_state_name_idx` ON `crm_accounts` (`state`,`name`);--> statement-breakpoint
CREATE TABLE `crm_opportunities` (
	`id` text PRIMARY KEY NOT NULL,
	`sf_id` text,
	`fields` text NOT NULL,
	`owner_sf_id` text,
	`owner_name` text,
	`system_modstamp` text,
	`content_hash` text,
	`source` text NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`merged_into_id` text,
	`sf_created_at` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`name` text NOT NULL,
	`account_sf_id` text,
	`stage_name` text,
	`amount` real,
	`close_date` text,
	`probability` real,
	`is_closed` integer,
	`is_won` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crm_opportunities_sf_id_unique` ON `crm_opportunities` (`sf_id`);--> statement-breakpoint
CREATE INDEX `crm_opportunities_account_idx` ON `crm_opportunities` (`account_sf_id`);--> statement-breakpoint
CREATE INDEX `crm_opportunities_state_name_idx` ON `crm_opportunities` (`state`,`name`);--> statement-breakpoint
CREATE TABLE `crm_people` (
	`id` text PRIMARY KEY NOT NULL,
	`sf_id` text,
	`fields` text NOT NULL,
	`owner_sf_id` text,
	`owner_name` text,
	`system_modstamp` text,
	`content_hash` text,
	`source` text NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`merged_into_id` text,
	`sf_created_at` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`kind` text NOT NULL,
	`first_name` text,
	`last_name` text,
	`name` text NOT NULL,
	`email` text,
	`email_normalized` text,
	`phone` text,
	`title` text,
	`company` text,
	`account_sf_id` text,
	`lead_source` text,
	`lead_status` text,
	`is_converted` integer DEFAULT false NOT NULL,
	`converted_contact_sf_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crm_people_sf_id_unique` ON `crm_people` (`sf_id`);--> statement-breakpoint
CREATE INDEX `crm_people_email_idx` ON `crm_people` (`email_normalized`);--> statement-breakpoint
CREATE INDEX `crm_people_kind_state_name_idx` ON `crm_people` (`kind`,`state`,`name`);--> statement-breakpoint
CREATE INDEX `crm_people_account_idx` ON `crm_people` (`account_sf_id`);--> statement-breakpoint
CREATE INDEX `crm_people_converted_contact_idx` ON `crm_people` (`converted_contact_sf_id`);--> statement-breakpoint
CREATE TABLE `oauth_flows` (
	`state` text PRIMARY KEY NOT NULL,
	`environment` text NOT NULL,
	`login_url` text NOT NULL,
	`code_verifier` text NOT NULL,
	`started_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbound_notifications` (
	`notification_id` text PRIMARY KEY NOT NULL,
	`object` text NOT NULL,
	`sf_id` text NOT NULL,
	`system_modstamp` text,
	`payload` text NOT NULL,
	`received_at` integer NOT NULL,
	`applied_at` integer,
	`status` text NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `outbound_notifications_status_idx` ON `outbound_notifications` (`status`,`received_at`);--> statement-breakpoint
CREATE TABLE `prospect_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`kind` text NOT NULL,
	`total_rows` integer NOT NULL,
	`imported_rows` integer NOT NULL,
	`bad_rows` integer NOT NULL,
	`report` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `prospects` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`first_name` text,
	`last_name` text,
	`email` text,
	`email_normalized` text,
	`title` text,
	`company` text,
	`website` text,
	`domain_normalized` text,
	`phone` text,
	`city` text,
	`country` text,
	`linkedin_url` text,
	`industry` text,
	`extra` text NOT NULL,
	`source` text NOT NULL,
	`import_id` text,
	`crm_record_type` text,
	`crm_record_id` text,
	`in_crm_since` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `prospects_email_idx` ON `prospects` (`email_normalized`);--> statement-breakpoint
CREATE INDEX `prospects_domain_idx` ON `prospects` (`domain_normalized`);--> statement-breakpoint
CREATE INDEX `prospects_kind_name_idx` ON `prospects` (`kind`,`name`);--> statement-breakpoint
CREATE TABLE `salesforce_connection` (
	`id` text PRIMARY KEY NOT NULL,
	`environment` text NOT NULL,
	`login_url` text NOT NULL,
	`instance_url` text NOT NULL,
	`api_version` text NOT NULL,
	`org_id` text NOT NULL,
	`org_name` text,
	`user_id` text NOT NULL,
	`username` text,
	`refresh_token_encrypted` text NOT NULL,
	`access_token_encrypted` text,
	`status` text NOT NULL,
	`last_error` text,
	`api_used` integer,
	`api_max` integer,
	`api_usage_at` integer,
	`connected_at` integer NOT NULL,
	`connected_by` text
);
--> statement-breakpoint
CREATE TABLE `suppressed_leads` (
	`lead_sf_id` text PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`contact_sf_id` text,
	`email` text,
	`suppressed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_cursors` (
	`object` text PRIMARY KEY NOT NULL,
	`system_modstamp` text,
	`last_id` text,
	`initial_load_at` integer,
	`loaded` integer DEFAULT 0 NOT NULL,
	`total` integer,
	`last_pulled_at` integer,
	`last_query_at` integer,
	`bulk_job_id` text,
	`bulk_locator` text,
	`bulk_started_at` integer,
	`bulk_max_modstamp` text,
	`bulk_max_id` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_ticks` (
	`id` text PRIMARY KEY NOT NULL,
	`trigger` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`duration_ms` integer,
	`api_calls` integer DEFAULT 0 NOT NULL,
	`more` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`summary` text,
	`error` text,
	`error_code` text
);
--> statement-breakpoint
CREATE INDEX `sync_ticks_started_idx` ON `sync_ticks` (`started_at`);