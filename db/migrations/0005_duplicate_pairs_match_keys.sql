CREATE TABLE `duplicate_pairs` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`a_type` text NOT NULL,
	`a_id` text NOT NULL,
	`b_type` text NOT NULL,
	`b_id` text NOT NULL,
	`score` real NOT NULL,
	`reasons` text NOT NULL,
	`state` text NOT NULL,
	`a_signature` text,
	`b_signature` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer
);
--> statement-breakpoint
CREATE INDEX `duplicate_pairs_state_score_idx` ON `duplicate_pairs` (`state`,`entity`,`score`);--> statement-breakpoint
CREATE INDEX `duplicate_pairs_a_idx` ON `duplicate_pairs` (`a_type`,`a_id`);--> statement-breakpoint
CREATE INDEX `duplicate_pairs_b_idx` ON `duplicate_pairs` (`b_type`,`b_id`);--> statement-breakpoint
CREATE TABLE `match_keys` (
	`entity` text NOT NULL,
	`key` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	PRIMARY KEY(`entity`, `key`, `record_type`, `record_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `match_keys_record_idx` ON `match_keys` (`record_type`,`record_id`);--> statement-breakpoint
CREATE INDEX `crm_accounts_updated_idx` ON `crm_accounts` (`updated_at`);--> statement-breakpoint
CREATE INDEX `crm_people_updated_idx` ON `crm_people` (`updated_at`);--> statement-breakpoint
CREATE INDEX `prospects_updated_idx` ON `prospects` (`updated_at`);