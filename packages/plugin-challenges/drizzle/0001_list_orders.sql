DROP INDEX `challenges_submissions_challenge_idx`;--> statement-breakpoint
CREATE INDEX `challenges_submissions_challenge_round_idx` ON `challenges_submissions` (`challenge_id`,`status`,`round`,`id`);--> statement-breakpoint
CREATE INDEX `challenges_submissions_submitted_idx` ON `challenges_submissions` (`challenge_id`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `challenges_submissions_status_idx` ON `challenges_submissions` (`id`,`status`,`submitted_at`);--> statement-breakpoint
ALTER TABLE `challenges_challenges` ADD `catalogue_rank` integer DEFAULT 9 NOT NULL;--> statement-breakpoint
-- Existing challenges take the rank of the state they are in (the same as catalogueRank() in src/domain/phases.ts).
UPDATE `challenges_challenges` SET `catalogue_rank` = coalesce((
	SELECT CASE `state` WHEN 'open' THEN 0 WHEN 'upcoming' THEN 1 WHEN 'evaluation' THEN 2
		WHEN 'results' THEN 3 WHEN 'pilot' THEN 3 WHEN 'closed' THEN 3 ELSE 9 END
	FROM `core_workflow_items` WHERE `workflow` = 'challenges.challenge' AND `item_id` = `challenges_challenges`.`id`), 9);--> statement-breakpoint
CREATE INDEX `challenges_catalogue_idx` ON `challenges_challenges` (`visibility`,`catalogue_rank`,"closes_at" DESC,`id`);--> statement-breakpoint
CREATE INDEX `challenges_assignments_judge_round_idx` ON `challenges_assignments` (`judge_id`,`round_id`,`status`);