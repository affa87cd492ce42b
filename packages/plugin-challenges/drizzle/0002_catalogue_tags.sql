ALTER TABLE `challenges_tags` ADD `visibility` text;--> statement-breakpoint
ALTER TABLE `challenges_tags` ADD `catalogue_rank` integer;--> statement-breakpoint
ALTER TABLE `challenges_tags` ADD `closes_at` integer;--> statement-breakpoint
CREATE INDEX `challenges_tags_catalogue_idx` ON `challenges_tags` (`kind`,`value`,`visibility`,`catalogue_rank`,"closes_at" DESC,`challenge_id`);--> statement-breakpoint
-- Tags carry their challenge's catalogue order (see challengeTags in src/schema.ts), kept by triggers
-- so that every way of changing a challenge or its tags keeps them in step.
UPDATE `challenges_tags` SET (`visibility`, `catalogue_rank`, `closes_at`) =
	(SELECT `visibility`, `catalogue_rank`, `closes_at` FROM `challenges_challenges` WHERE `id` = `challenges_tags`.`challenge_id`);--> statement-breakpoint
CREATE TRIGGER `challenges_tags_catalogue_on_insert` AFTER INSERT ON `challenges_tags` BEGIN
	UPDATE `challenges_tags` SET (`visibility`, `catalogue_rank`, `closes_at`) =
		(SELECT `visibility`, `catalogue_rank`, `closes_at` FROM `challenges_challenges` WHERE `id` = NEW.`challenge_id`)
	WHERE `challenge_id` = NEW.`challenge_id` AND `kind` = NEW.`kind` AND `value` = NEW.`value`;
END;--> statement-breakpoint
CREATE TRIGGER `challenges_tags_catalogue_on_change` AFTER UPDATE OF `visibility`, `catalogue_rank`, `closes_at` ON `challenges_challenges` BEGIN
	UPDATE `challenges_tags` SET `visibility` = NEW.`visibility`, `catalogue_rank` = NEW.`catalogue_rank`, `closes_at` = NEW.`closes_at`
	WHERE `challenge_id` = NEW.`id`;
END;
