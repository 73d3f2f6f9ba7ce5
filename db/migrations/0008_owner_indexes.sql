-- The owner filter's options (server/records/list-owners.ts) are read from these indexes one owner
-- at a time, by the owner key (the Salesforce user id, or the name when no id was pulled) with
-- state and name; before them, every call read every record (33 ms at 100,000 people).
CREATE INDEX `crm_accounts_owner_idx` ON `crm_accounts` (coalesce("owner_sf_id", "owner_name"),`state`,`owner_name`);--> statement-breakpoint
CREATE INDEX `crm_opportunities_owner_idx` ON `crm_opportunities` (coalesce("owner_sf_id", "owner_name"),`state`,`owner_name`);--> statement-breakpoint
CREATE INDEX `crm_people_owner_idx` ON `crm_people` (coalesce("owner_sf_id", "owner_name"),`state`,`owner_name`,`kind`);
