-- Full-text search for the organization directory. Accents are folded ("bogota" finds "Bogotá").
-- The index keeps its own copy of the text and the organization's id: rowids of a table whose key
-- is text may change on VACUUM, ids never do.
CREATE VIRTUAL TABLE `core_organizations_fts` USING fts5(
	`organization_id` UNINDEXED, `name`, `legal_id`, `city`, `description`,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `core_organizations_fts` (`organization_id`, `name`, `legal_id`, `city`, `description`)
	SELECT `id`, `name`, coalesce(`legal_id`, ''), coalesce(`city`, ''), `description` FROM `core_organizations`;
--> statement-breakpoint
CREATE TRIGGER `core_organizations_fts_insert` AFTER INSERT ON `core_organizations` BEGIN
	INSERT INTO `core_organizations_fts` (`organization_id`, `name`, `legal_id`, `city`, `description`)
	VALUES (new.`id`, new.`name`, coalesce(new.`legal_id`, ''), coalesce(new.`city`, ''), new.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `core_organizations_fts_update` AFTER UPDATE OF `name`, `legal_id`, `city`, `description` ON `core_organizations` BEGIN
	DELETE FROM `core_organizations_fts` WHERE `organization_id` = old.`id`;
	INSERT INTO `core_organizations_fts` (`organization_id`, `name`, `legal_id`, `city`, `description`)
	VALUES (new.`id`, new.`name`, coalesce(new.`legal_id`, ''), coalesce(new.`city`, ''), new.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `core_organizations_fts_delete` AFTER DELETE ON `core_organizations` BEGIN
	DELETE FROM `core_organizations_fts` WHERE `organization_id` = old.`id`;
END;
