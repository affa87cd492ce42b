CREATE TABLE `challenges_standings` (
	`round_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`assigned` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`mean` real,
	`spread` real,
	`totals` text,
	PRIMARY KEY(`round_id`, `submission_id`),
	FOREIGN KEY (`round_id`) REFERENCES `challenges_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submission_id`) REFERENCES `challenges_submissions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Standings are kept by triggers on the assignments (see standings in src/schema.ts): a judge
-- assigned, an evaluation finished or reopened, a recusal, an assignment removed. What a standing
-- is comes from one view; SQLite reads it for one entry through the assignments' index.
CREATE VIEW `challenges_standings_source` AS
SELECT `round_id`, `submission_id`,
	count(*) FILTER (WHERE `status` != 'recused') AS `assigned`,
	count(*) FILTER (WHERE `status` = 'done') AS `done`,
	round(avg(`total`) FILTER (WHERE `status` = 'done'), 1) AS `mean`,
	round(max(`total`) FILTER (WHERE `status` = 'done') - min(`total`) FILTER (WHERE `status` = 'done'), 1) AS `spread`,
	group_concat(`total`) FILTER (WHERE `status` = 'done') AS `totals`
FROM `challenges_assignments` GROUP BY `round_id`, `submission_id`;--> statement-breakpoint
INSERT INTO `challenges_standings` (`round_id`, `submission_id`, `assigned`, `done`, `mean`, `spread`, `totals`)
SELECT `round_id`, `submission_id`, `assigned`, `done`, `mean`, `spread`, `totals` FROM `challenges_standings_source`;--> statement-breakpoint
CREATE TRIGGER `challenges_standings_on_assign` AFTER INSERT ON `challenges_assignments` BEGIN
	INSERT OR IGNORE INTO `challenges_standings` (`round_id`, `submission_id`) VALUES (NEW.`round_id`, NEW.`submission_id`);
	UPDATE `challenges_standings` SET (`assigned`, `done`, `mean`, `spread`, `totals`) =
		(SELECT `assigned`, `done`, `mean`, `spread`, `totals` FROM `challenges_standings_source`
		WHERE `round_id` = NEW.`round_id` AND `submission_id` = NEW.`submission_id`)
	WHERE `round_id` = NEW.`round_id` AND `submission_id` = NEW.`submission_id`;
END;--> statement-breakpoint
CREATE TRIGGER `challenges_standings_on_change` AFTER UPDATE OF `status`, `total` ON `challenges_assignments` BEGIN
	UPDATE `challenges_standings` SET (`assigned`, `done`, `mean`, `spread`, `totals`) =
		(SELECT `assigned`, `done`, `mean`, `spread`, `totals` FROM `challenges_standings_source`
		WHERE `round_id` = NEW.`round_id` AND `submission_id` = NEW.`submission_id`)
	WHERE `round_id` = NEW.`round_id` AND `submission_id` = NEW.`submission_id`;
END;--> statement-breakpoint
-- A removal never inserts (when the entry itself is being deleted its standing goes with it), and
-- the last assignment's removal takes the row away: no row reads as no judges.
CREATE TRIGGER `challenges_standings_on_remove` AFTER DELETE ON `challenges_assignments` BEGIN
	DELETE FROM `challenges_standings` WHERE `round_id` = OLD.`round_id` AND `submission_id` = OLD.`submission_id`
		AND NOT EXISTS (SELECT 1 FROM `challenges_assignments` WHERE `round_id` = OLD.`round_id` AND `submission_id` = OLD.`submission_id`);
	UPDATE `challenges_standings` SET (`assigned`, `done`, `mean`, `spread`, `totals`) =
		(SELECT `assigned`, `done`, `mean`, `spread`, `totals` FROM `challenges_standings_source`
		WHERE `round_id` = OLD.`round_id` AND `submission_id` = OLD.`submission_id`)
	WHERE `round_id` = OLD.`round_id` AND `submission_id` = OLD.`submission_id`;
END;
