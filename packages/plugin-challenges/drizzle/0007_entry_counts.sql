CREATE TABLE `challenges_entry_counts` (
	`challenge_id` text PRIMARY KEY NOT NULL,
	`drafts` integer DEFAULT 0 NOT NULL,
	`submitted` integer DEFAULT 0 NOT NULL,
	`shortlisted` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges_challenges`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Kept by triggers on the entries (see entryCounts in src/schema.ts): each entry counts once,
-- under its state; a change of state, round or call moves it, a deletion takes it away.
INSERT INTO `challenges_entry_counts` (`challenge_id`, `drafts`, `submitted`, `shortlisted`)
SELECT `challenge_id`,
	count(*) FILTER (WHERE `status` = 'draft'),
	count(*) FILTER (WHERE `status` = 'submitted'),
	count(*) FILTER (WHERE `status` = 'submitted' AND `round` > 1)
FROM `challenges_submissions` GROUP BY `challenge_id`;--> statement-breakpoint
CREATE TRIGGER `challenges_entry_counts_on_new` AFTER INSERT ON `challenges_submissions` BEGIN
	INSERT INTO `challenges_entry_counts` (`challenge_id`, `drafts`, `submitted`, `shortlisted`)
	VALUES (NEW.`challenge_id`, NEW.`status` = 'draft', NEW.`status` = 'submitted', NEW.`status` = 'submitted' AND NEW.`round` > 1)
	ON CONFLICT (`challenge_id`) DO UPDATE SET
		`drafts` = `drafts` + excluded.`drafts`, `submitted` = `submitted` + excluded.`submitted`, `shortlisted` = `shortlisted` + excluded.`shortlisted`;
END;--> statement-breakpoint
CREATE TRIGGER `challenges_entry_counts_on_change` AFTER UPDATE OF `status`, `round`, `challenge_id` ON `challenges_submissions` BEGIN
	UPDATE `challenges_entry_counts` SET
		`drafts` = `drafts` - (OLD.`status` = 'draft'), `submitted` = `submitted` - (OLD.`status` = 'submitted'),
		`shortlisted` = `shortlisted` - (OLD.`status` = 'submitted' AND OLD.`round` > 1)
	WHERE `challenge_id` = OLD.`challenge_id`;
	INSERT INTO `challenges_entry_counts` (`challenge_id`, `drafts`, `submitted`, `shortlisted`)
	VALUES (NEW.`challenge_id`, NEW.`status` = 'draft', NEW.`status` = 'submitted', NEW.`status` = 'submitted' AND NEW.`round` > 1)
	ON CONFLICT (`challenge_id`) DO UPDATE SET
		`drafts` = `drafts` + excluded.`drafts`, `submitted` = `submitted` + excluded.`submitted`, `shortlisted` = `shortlisted` + excluded.`shortlisted`;
END;--> statement-breakpoint
CREATE TRIGGER `challenges_entry_counts_on_remove` AFTER DELETE ON `challenges_submissions` BEGIN
	UPDATE `challenges_entry_counts` SET
		`drafts` = `drafts` - (OLD.`status` = 'draft'), `submitted` = `submitted` - (OLD.`status` = 'submitted'),
		`shortlisted` = `shortlisted` - (OLD.`status` = 'submitted' AND OLD.`round` > 1)
	WHERE `challenge_id` = OLD.`challenge_id`;
END;
