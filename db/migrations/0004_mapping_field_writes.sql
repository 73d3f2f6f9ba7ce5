CREATE TABLE `field_writes` (
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text NOT NULL,
	`object` text NOT NULL,
	`tandem_field` text,
	`value` text,
	`previous` text,
	`source` text NOT NULL,
	`state` text NOT NULL,
	`by_user_id` text,
	`at` integer NOT NULL,
	PRIMARY KEY(`record_type`, `record_id`, `field`)
);
--> statement-breakpoint
CREATE TABLE `mapping_recheck` (
	`record_type` text NOT NULL,
	`record_id` text PRIMARY KEY NOT NULL,
	`queued_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `push_errors` ADD `severity` text DEFAULT 'error' NOT NULL;--> statement-breakpoint
ALTER TABLE `push_outbox` ADD `field_values` text;--> statement-breakpoint
ALTER TABLE `push_outbox` ADD `one_off` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `prospects_crm_record_idx` ON `prospects` (`crm_record_id`);