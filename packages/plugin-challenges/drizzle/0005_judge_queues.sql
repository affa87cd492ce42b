DROP INDEX `challenges_assignments_judge_round_idx`;--> statement-breakpoint
ALTER TABLE `challenges_assignments` ADD `queued_at` integer;--> statement-breakpoint
CREATE INDEX `challenges_assignments_queue_idx` ON `challenges_assignments` (`judge_id`,`round_id`,`status`,`queued_at`,`submission_id`);--> statement-breakpoint
-- An assignment's `queued_at` is its entry's submission time while the entry stands submitted
-- (see assignments in src/schema.ts): said once by this view, and kept by the triggers below, set
-- when a judge is assigned and again whenever the entry is submitted, withdrawn or sent back to draft.
CREATE VIEW `challenges_entry_queue_times` AS
SELECT `id` AS `submission_id`, CASE WHEN `status` = 'submitted' THEN coalesce(`submitted_at`, 0) END AS `queued_at`
FROM `challenges_submissions`;--> statement-breakpoint
UPDATE `challenges_assignments` SET `queued_at` = (
	SELECT q.`queued_at` FROM `challenges_entry_queue_times` q WHERE q.`submission_id` = `challenges_assignments`.`submission_id`
);--> statement-breakpoint
CREATE TRIGGER `challenges_assignments_queue_on_assign` AFTER INSERT ON `challenges_assignments` BEGIN
	UPDATE `challenges_assignments` SET `queued_at` = (
		SELECT q.`queued_at` FROM `challenges_entry_queue_times` q WHERE q.`submission_id` = NEW.`submission_id`
	) WHERE `round_id` = NEW.`round_id` AND `submission_id` = NEW.`submission_id` AND `judge_id` = NEW.`judge_id`;
END;--> statement-breakpoint
CREATE TRIGGER `challenges_assignments_queue_on_entry` AFTER UPDATE OF `status`, `submitted_at` ON `challenges_submissions` BEGIN
	UPDATE `challenges_assignments` SET `queued_at` = (
		SELECT q.`queued_at` FROM `challenges_entry_queue_times` q WHERE q.`submission_id` = NEW.`id`
	) WHERE `submission_id` = NEW.`id`;
END;
