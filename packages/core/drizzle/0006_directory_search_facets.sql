-- The directory's search index also carries each organization's facets (kind, subregion, sectors)
-- as one token each, so that a search with filters is answered by the index alone: joining every
-- match to its organization to test the filters cost 3-5 times the search. A facet token is a
-- letter and the value's UTF-8 in hex (`k73746172747570` = kind startup): always one token,
-- whatever characters a district's ids use; a search matches its words in the text columns only.
-- `core_organizations_search_rows` states once what an organization's row in the index holds;
-- `core_organizations_fts_keys` finds that row by its rowid (a lookup by the UNINDEXED
-- organization_id read the whole index: 14 ms a write at scale 1, 56 ms at scale 5).
DROP TRIGGER `core_organizations_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `core_organizations_fts_update`;
--> statement-breakpoint
DROP TRIGGER `core_organizations_fts_delete`;
--> statement-breakpoint
DROP TABLE `core_organizations_fts`;
--> statement-breakpoint
CREATE VIEW `core_organizations_search_rows` AS
	SELECT o.`id` AS `organization_id`, o.`name`, coalesce(o.`legal_id`, '') AS `legal_id`, coalesce(o.`city`, '') AS `city`, o.`description`,
		'k' || hex(o.`kind`) || coalesce(' r' || hex(o.`subregion`), '')
			|| coalesce((SELECT ' ' || group_concat('s' || hex(s.`sector`), ' ') FROM `core_organization_sectors` s WHERE s.`organization_id` = o.`id`), '') AS `facets`
	FROM `core_organizations` o;
--> statement-breakpoint
CREATE VIRTUAL TABLE `core_organizations_fts` USING fts5(
	`organization_id` UNINDEXED, `name`, `legal_id`, `city`, `description`, `facets`,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TABLE `core_organizations_fts_keys` (
	`organization_id` text PRIMARY KEY NOT NULL,
	`fts_rowid` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `core_organizations_fts` (`organization_id`, `name`, `legal_id`, `city`, `description`, `facets`)
	SELECT `organization_id`, `name`, `legal_id`, `city`, `description`, `facets` FROM `core_organizations_search_rows`;
--> statement-breakpoint
INSERT INTO `core_organizations_fts_keys` (`organization_id`, `fts_rowid`) SELECT `organization_id`, `rowid` FROM `core_organizations_fts`;
--> statement-breakpoint
-- A new or edited organization gets a new row: a search lists the newest rowids first.
CREATE TRIGGER `core_organizations_fts_insert` AFTER INSERT ON `core_organizations` BEGIN
	INSERT INTO `core_organizations_fts` (`organization_id`, `name`, `legal_id`, `city`, `description`, `facets`)
		SELECT `organization_id`, `name`, `legal_id`, `city`, `description`, `facets` FROM `core_organizations_search_rows` WHERE `organization_id` = new.`id`;
	INSERT INTO `core_organizations_fts_keys` (`organization_id`, `fts_rowid`) VALUES (new.`id`, last_insert_rowid());
END;
--> statement-breakpoint
CREATE TRIGGER `core_organizations_fts_update` AFTER UPDATE OF `name`, `legal_id`, `city`, `description`, `kind`, `subregion` ON `core_organizations` BEGIN
	DELETE FROM `core_organizations_fts` WHERE `rowid` = (SELECT `fts_rowid` FROM `core_organizations_fts_keys` WHERE `organization_id` = old.`id`);
	INSERT INTO `core_organizations_fts` (`organization_id`, `name`, `legal_id`, `city`, `description`, `facets`)
		SELECT `organization_id`, `name`, `legal_id`, `city`, `description`, `facets` FROM `core_organizations_search_rows` WHERE `organization_id` = new.`id`;
	UPDATE `core_organizations_fts_keys` SET `fts_rowid` = last_insert_rowid() WHERE `organization_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `core_organizations_fts_delete` AFTER DELETE ON `core_organizations` BEGIN
	DELETE FROM `core_organizations_fts` WHERE `rowid` = (SELECT `fts_rowid` FROM `core_organizations_fts_keys` WHERE `organization_id` = old.`id`);
	DELETE FROM `core_organizations_fts_keys` WHERE `organization_id` = old.`id`;
END;
--> statement-breakpoint
-- A sector added or taken away rewrites the row's facets in place (nothing once the organization is gone).
CREATE TRIGGER `core_organizations_fts_sector_added` AFTER INSERT ON `core_organization_sectors` BEGIN
	UPDATE `core_organizations_fts` SET `facets` = (SELECT `facets` FROM `core_organizations_search_rows` WHERE `organization_id` = new.`organization_id`)
		WHERE `rowid` = (SELECT `fts_rowid` FROM `core_organizations_fts_keys` WHERE `organization_id` = new.`organization_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `core_organizations_fts_sector_removed` AFTER DELETE ON `core_organization_sectors` BEGIN
	UPDATE `core_organizations_fts` SET `facets` = (SELECT `facets` FROM `core_organizations_search_rows` WHERE `organization_id` = old.`organization_id`)
		WHERE `rowid` = (SELECT `fts_rowid` FROM `core_organizations_fts_keys` WHERE `organization_id` = old.`organization_id`);
END;
