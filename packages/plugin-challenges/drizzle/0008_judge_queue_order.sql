ALTER TABLE `challenges_assignments` ADD `call_ends_at` integer;--> statement-breakpoint
-- An assignment's `call_ends_at` is when the evaluation of its entry's call ends (see assignments in
-- src/schema.ts), kept by the triggers below: set when a judge is assigned (unless the insert gives
-- it) and again when the call's evaluation end moves. With it, the index below holds a judge's queue
-- in the order the queue page shows it, so a page reads 51 assignments instead of all the judge's.
UPDATE `challenges_assignments` SET `call_ends_at` = (
	SELECT c.`evaluation_ends_at` FROM `challenges_rounds` r JOIN `challenges_challenges` c ON c.`id` = r.`challenge_id` WHERE r.`id` = `challenges_assignments`.`round_id`
);--> statement-breakpoint
CREATE INDEX `challenges_assignments_queue_order_idx` ON `challenges_assignments` (`judge_id`,"status" DESC,`call_ends_at`,`round_id`,`queued_at`,`submission_id`) WHERE "challenges_assignments"."queued_at" IS NOT NULL;--> statement-breakpoint
CREATE TRIGGER `challenges_assignments_call_ends_on_assign` AFTER INSERT ON `challenges_assignments` WHEN NEW.`call_ends_at` IS NULL BEGIN
	UPDATE `challenges_assignments` SET `call_ends_at` = (
		SELECT c.`evaluation_ends_at` FROM `challenges_rounds` r JOIN `challenges_challenges` c ON c.`id` = r.`challenge_id` WHERE r.`id` = NEW.`round_id`
	) WHERE `round_id` = NEW.`round_id` AND `submission_id` = NEW.`submission_id` AND `judge_id` = NEW.`judge_id`;
END;--> statement-breakpoint
CREATE TRIGGER `challenges_assignments_call_ends_on_call` AFTER UPDATE OF `evaluation_ends_at` ON `challenges_challenges`
	WHEN NEW.`evaluation_ends_at` IS NOT OLD.`evaluation_ends_at` BEGIN
	UPDATE `challenges_assignments` SET `call_ends_at` = NEW.`evaluation_ends_at`
	WHERE `round_id` IN (SELECT `id` FROM `challenges_rounds` WHERE `challenge_id` = NEW.`id`);
END;
