CREATE TABLE `ignored_salesforce_records` (
	`sf_id` text PRIMARY KEY NOT NULL,
	`object` text NOT NULL,
	`name` text NOT NULL,
	`reason` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `record_merges` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`pair_id` text,
	`survivor_type` text NOT NULL,
	`survivor_id` text NOT NULL,
	`loser_type` text NOT NULL,
	`loser_id` text NOT NULL,
	`loser_name` text NOT NULL,
	`loser_sf_object` text,
	`loser_sf_id` text,
	`salesforce` text NOT NULL,
	`stopped_syncing` integer NOT NULL,
	`undo` text NOT NULL,
	`merged_by` text,
	`merged_at` integer NOT NULL,
	`undone_at` integer
);
--> statement-breakpoint
CREATE INDEX `record_merges_loser_sf_id_idx` ON `record_merges` (`loser_sf_id`);--> statement-breakpoint
CREATE INDEX `record_merges_survivor_idx` ON `record_merges` (`survivor_type`,`survivor_id`);