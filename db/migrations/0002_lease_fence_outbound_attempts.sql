CREATE TABLE `sync_lease_fence` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `outbound_notifications` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbound_notifications` ADD `next_attempt_at` integer;--> statement-breakpoint
-- The fence: a write to sync_lease_fence aborts its transaction unless the writer holds the lease.
CREATE TRIGGER `sync_lease_fence_check` BEFORE INSERT ON `sync_lease_fence`
WHEN NOT EXISTS (
	SELECT 1 FROM `sync_leases` WHERE `name` = NEW.`name` AND `holder` = NEW.`holder` AND `expires_at` > NEW.`at`
)
BEGIN
	SELECT RAISE(ABORT, 'TANDEM_LEASE_LOST');
END;
