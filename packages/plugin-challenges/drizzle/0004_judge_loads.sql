CREATE TABLE `challenges_judge_loads` (
	`round_id` text NOT NULL,
	`judge_id` text NOT NULL,
	`assigned` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`recused` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `judge_id`),
	FOREIGN KEY (`round_id`) REFERENCES `challenges_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`judge_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Judges' loads are kept by triggers on the assignments (see judgeLoads in src/schema.ts): each
-- assignment counts once, under its status; a change of status moves it, a removal takes it away.
INSERT INTO `challenges_judge_loads` (`round_id`, `judge_id`, `assigned`, `done`, `recused`)
SELECT `round_id`, `judge_id`,
	count(*) FILTER (WHERE `status` != 'recused'),
	count(*) FILTER (WHERE `status` = 'done'),
	count(*) FILTER (WHERE `status` = 'recused')
FROM `challenges_assignments` GROUP BY `round_id`, `judge_id`;--> statement-breakpoint
CREATE TRIGGER `challenges_judge_loads_on_assign` AFTER INSERT ON `challenges_assignments` BEGIN
	INSERT INTO `challenges_judge_loads` (`round_id`, `judge_id`, `assigned`, `done`, `recused`)
	VALUES (NEW.`round_id`, NEW.`judge_id`, NEW.`status` != 'recused', NEW.`status` = 'done', NEW.`status` = 'recused')
	ON CONFLICT (`round_id`, `judge_id`) DO UPDATE SET
		`assigned` = `assigned` + excluded.`assigned`, `done` = `done` + excluded.`done`, `recused` = `recused` + excluded.`recused`;
END;--> statement-breakpoint
CREATE TRIGGER `challenges_judge_loads_on_change` AFTER UPDATE OF `status`, `round_id`, `judge_id` ON `challenges_assignments` BEGIN
	UPDATE `challenges_judge_loads` SET
		`assigned` = `assigned` - (OLD.`status` != 'recused'), `done` = `done` - (OLD.`status` = 'done'), `recused` = `recused` - (OLD.`status` = 'recused')
	WHERE `round_id` = OLD.`round_id` AND `judge_id` = OLD.`judge_id`;
	INSERT INTO `challenges_judge_loads` (`round_id`, `judge_id`, `assigned`, `done`, `recused`)
	VALUES (NEW.`round_id`, NEW.`judge_id`, NEW.`status` != 'recused', NEW.`status` = 'done', NEW.`status` = 'recused')
	ON CONFLICT (`round_id`, `judge_id`) DO UPDATE SET
		`assigned` = `assigned` + excluded.`assigned`, `done` = `done` + excluded.`done`, `recused` = `recused` + excluded.`recused`;
END;--> statement-breakpoint
-- A judge's last assignment of a round taken away takes their row with it: no row reads as nothing.
CREATE TRIGGER `challenges_judge_loads_on_remove` AFTER DELETE ON `challenges_assignments` BEGIN
	UPDATE `challenges_judge_loads` SET
		`assigned` = `assigned` - (OLD.`status` != 'recused'), `done` = `done` - (OLD.`status` = 'done'), `recused` = `recused` - (OLD.`status` = 'recused')
	WHERE `round_id` = OLD.`round_id` AND `judge_id` = OLD.`judge_id`;
	DELETE FROM `challenges_judge_loads` WHERE `round_id` = OLD.`round_id` AND `judge_id` = OLD.`judge_id`
		AND `assigned` = 0 AND `done` = 0 AND `recused` = 0;
END;
