ALTER TABLE `challenges_standings` ADD `eligible` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `challenges_standings_rank_idx` ON `challenges_standings` (`round_id`,`eligible`,"mean" DESC,`submission_id`);--> statement-breakpoint
CREATE INDEX `challenges_standings_submission_idx` ON `challenges_standings` (`submission_id`);--> statement-breakpoint
-- Every entry that reached a round gets a row there, judged or not, and `eligible` says whether it
-- is ranked (see standings in src/schema.ts). Below: the rows the assignments had not made yet,
-- then each row's eligibility, then the triggers that keep both as entries and rounds change.
-- Which entries are ranked in which round is said once, by this view; the triggers read it.
CREATE VIEW `challenges_standings_eligibility` AS
SELECT r.`id` AS `round_id`, s.`id` AS `submission_id`, s.`status` = 'submitted' AND s.`round` >= r.`position` AS `eligible`
FROM `challenges_submissions` s JOIN `challenges_rounds` r ON r.`challenge_id` = s.`challenge_id`;--> statement-breakpoint
INSERT OR IGNORE INTO `challenges_standings` (`round_id`, `submission_id`)
SELECT `round_id`, `submission_id` FROM `challenges_standings_eligibility` WHERE `eligible`;--> statement-breakpoint
UPDATE `challenges_standings` SET `eligible` = coalesce((SELECT e.`eligible` FROM `challenges_standings_eligibility` e
	WHERE e.`round_id` = `challenges_standings`.`round_id` AND e.`submission_id` = `challenges_standings`.`submission_id`), 0);--> statement-breakpoint
-- An entry handed in, withdrawn, sent back to draft or moved to another round.
CREATE TRIGGER `challenges_standings_on_entry` AFTER UPDATE OF `status`, `round` ON `challenges_submissions` BEGIN
	INSERT OR IGNORE INTO `challenges_standings` (`round_id`, `submission_id`)
	SELECT `round_id`, `submission_id` FROM `challenges_standings_eligibility` WHERE `submission_id` = NEW.`id` AND `eligible`;
	UPDATE `challenges_standings` SET `eligible` = coalesce((SELECT e.`eligible` FROM `challenges_standings_eligibility` e
		WHERE e.`round_id` = `challenges_standings`.`round_id` AND e.`submission_id` = NEW.`id`), 0)
	WHERE `submission_id` = NEW.`id`;
END;--> statement-breakpoint
-- An entry written as submitted at once (an import, the benchmark's district).
CREATE TRIGGER `challenges_standings_on_new_entry` AFTER INSERT ON `challenges_submissions` WHEN NEW.`status` = 'submitted' BEGIN
	INSERT OR IGNORE INTO `challenges_standings` (`round_id`, `submission_id`, `eligible`)
	SELECT `round_id`, `submission_id`, 1 FROM `challenges_standings_eligibility` WHERE `submission_id` = NEW.`id` AND `eligible`;
END;--> statement-breakpoint
-- A round added to a call, or moved: the entries that reach it.
CREATE TRIGGER `challenges_standings_on_new_round` AFTER INSERT ON `challenges_rounds` BEGIN
	INSERT OR IGNORE INTO `challenges_standings` (`round_id`, `submission_id`, `eligible`)
	SELECT `round_id`, `submission_id`, 1 FROM `challenges_standings_eligibility` WHERE `round_id` = NEW.`id` AND `eligible`;
END;--> statement-breakpoint
CREATE TRIGGER `challenges_standings_on_round_moved` AFTER UPDATE OF `position` ON `challenges_rounds` BEGIN
	INSERT OR IGNORE INTO `challenges_standings` (`round_id`, `submission_id`)
	SELECT `round_id`, `submission_id` FROM `challenges_standings_eligibility` WHERE `round_id` = NEW.`id` AND `eligible`;
	UPDATE `challenges_standings` SET `eligible` = coalesce((SELECT e.`eligible` FROM `challenges_standings_eligibility` e
		WHERE e.`round_id` = NEW.`id` AND e.`submission_id` = `challenges_standings`.`submission_id`), 0)
	WHERE `round_id` = NEW.`id`;
END;--> statement-breakpoint
-- A judge assigned to an entry that has no row yet (one that is not ranked): the row says so.
DROP TRIGGER `challenges_standings_on_assign`;--> statement-breakpoint
CREATE TRIGGER `challenges_standings_on_assign` AFTER INSERT ON `challenges_assignments` BEGIN
	INSERT OR IGNORE INTO `challenges_standings` (`round_id`, `submission_id`, `eligible`)
	VALUES (NEW.`round_id`, NEW.`submission_id`, coalesce((SELECT e.`eligible` FROM `challenges_standings_eligibility` e
		WHERE e.`round_id` = NEW.`round_id` AND e.`submission_id` = NEW.`submission_id`), 0));
	UPDATE `challenges_standings` SET (`assigned`, `done`, `mean`, `spread`, `totals`) =
		(SELECT `assigned`, `done`, `mean`, `spread`, `totals` FROM `challenges_standings_source`
		WHERE `round_id` = NEW.`round_id` AND `submission_id` = NEW.`submission_id`)
	WHERE `round_id` = NEW.`round_id` AND `submission_id` = NEW.`submission_id`;
END;--> statement-breakpoint
-- The last assignment's removal no longer takes the row away (the entry is still ranked, unjudged):
-- it empties it.
DROP TRIGGER `challenges_standings_on_remove`;--> statement-breakpoint
CREATE TRIGGER `challenges_standings_on_remove` AFTER DELETE ON `challenges_assignments` BEGIN
	UPDATE `challenges_standings` SET `assigned` = 0, `done` = 0, `mean` = NULL, `spread` = NULL, `totals` = NULL
	WHERE `round_id` = OLD.`round_id` AND `submission_id` = OLD.`submission_id`
		AND NOT EXISTS (SELECT 1 FROM `challenges_assignments` WHERE `round_id` = OLD.`round_id` AND `submission_id` = OLD.`submission_id`);
	UPDATE `challenges_standings` SET (`assigned`, `done`, `mean`, `spread`, `totals`) =
		(SELECT `assigned`, `done`, `mean`, `spread`, `totals` FROM `challenges_standings_source`
		WHERE `round_id` = OLD.`round_id` AND `submission_id` = OLD.`submission_id`)
	WHERE `round_id` = OLD.`round_id` AND `submission_id` = OLD.`submission_id`
		AND EXISTS (SELECT 1 FROM `challenges_assignments` WHERE `round_id` = OLD.`round_id` AND `submission_id` = OLD.`submission_id`);
END;
