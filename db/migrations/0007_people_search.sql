-- People search: an FTS5 index with the trigram tokenizer over each person's name, email
-- (normalised) and company, so a search for any substring of 3 or more characters reads the index
-- instead of scanning crm_people (server/records/list-people.ts).
--
-- The index's rows live in people_search_docs, keyed by an INTEGER PRIMARY KEY of its own: an
-- alias of the rowid, which VACUUM and VACUUM INTO keep (crm_people's implicit rowid they may
-- renumber), and with person_id unique, so the triggers find a person's row by index instead of
-- scanning an FTS5 column. people_search is an external-content FTS5 table over it; its shadow
-- tables are people_search_data, people_search_idx, people_search_docsize and people_search_config.
-- After loading people_search_docs without the triggers (a restore), rebuild the index with
-- INSERT INTO people_search(people_search) VALUES ('rebuild').
CREATE TABLE `people_search_docs` (
	`doc` integer PRIMARY KEY,
	`person_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`company` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_search_docs_person_id_unique` ON `people_search_docs` (`person_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `people_search` USING fts5(
	name,
	email,
	company,
	content = 'people_search_docs',
	content_rowid = 'doc',
	tokenize = 'trigram'
);
--> statement-breakpoint
-- An external-content index forgets a row only when told its old values.
CREATE TRIGGER `people_search_docs_insert` AFTER INSERT ON `people_search_docs` BEGIN
	INSERT INTO people_search (rowid, name, email, company) VALUES (new.doc, new.name, new.email, new.company);
END;
--> statement-breakpoint
CREATE TRIGGER `people_search_docs_delete` AFTER DELETE ON `people_search_docs` BEGIN
	INSERT INTO people_search (people_search, rowid, name, email, company)
	VALUES ('delete', old.doc, old.name, old.email, old.company);
END;
--> statement-breakpoint
CREATE TRIGGER `people_search_docs_update` AFTER UPDATE ON `people_search_docs` BEGIN
	INSERT INTO people_search (people_search, rowid, name, email, company)
	VALUES ('delete', old.doc, old.name, old.email, old.company);
	INSERT INTO people_search (rowid, name, email, company) VALUES (new.doc, new.name, new.email, new.company);
END;
--> statement-breakpoint
CREATE TRIGGER `crm_people_search_insert` AFTER INSERT ON `crm_people` BEGIN
	INSERT INTO people_search_docs (person_id, name, email, company)
	VALUES (new.id, new.name, new.email_normalized, new.company);
END;
--> statement-breakpoint
-- Only when a searched column really changes: a pull rewrites every column of a changed record.
CREATE TRIGGER `crm_people_search_update` AFTER UPDATE OF id, name, email_normalized, company ON `crm_people`
WHEN old.id IS NOT new.id
	OR old.name IS NOT new.name
	OR old.email_normalized IS NOT new.email_normalized
	OR old.company IS NOT new.company
BEGIN
	UPDATE people_search_docs
	SET person_id = new.id, name = new.name, email = new.email_normalized, company = new.company
	WHERE person_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `crm_people_search_delete` AFTER DELETE ON `crm_people` BEGIN
	DELETE FROM people_search_docs WHERE person_id = old.id;
END;
--> statement-breakpoint
INSERT INTO people_search_docs (person_id, name, email, company)
SELECT id, name, email_normalized, company FROM crm_people ORDER BY rowid;
