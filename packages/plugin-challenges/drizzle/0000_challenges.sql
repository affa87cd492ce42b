CREATE TABLE `challenges_assignments` (
	`round_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`judge_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`recusal_reason` text,
	`comment` text DEFAULT '' NOT NULL,
	`total` real,
	`done_at` integer,
	PRIMARY KEY(`round_id`, `submission_id`, `judge_id`),
	FOREIGN KEY (`round_id`) REFERENCES `challenges_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submission_id`) REFERENCES `challenges_submissions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`judge_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `challenges_assignments_judge_idx` ON `challenges_assignments` (`judge_id`,`status`);--> statement-breakpoint
CREATE INDEX `challenges_assignments_submission_idx` ON `challenges_assignments` (`submission_id`,`round_id`);--> statement-breakpoint
CREATE TABLE `challenges_awards` (
	`id` text PRIMARY KEY NOT NULL,
	`challenge_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`reward_kind` text NOT NULL,
	`description` text NOT NULL,
	`amount` integer,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges_challenges`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submission_id`) REFERENCES `challenges_submissions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `challenges_awards_challenge_idx` ON `challenges_awards` (`challenge_id`);--> statement-breakpoint
CREATE INDEX `challenges_awards_submission_idx` ON `challenges_awards` (`submission_id`);--> statement-breakpoint
CREATE TABLE `challenges_organizations` (
	`challenge_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`relation` text NOT NULL,
	PRIMARY KEY(`challenge_id`, `relation`, `organization_id`),
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges_challenges`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `core_organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `challenges_orgs_org_idx` ON `challenges_organizations` (`organization_id`,`relation`);--> statement-breakpoint
CREATE TABLE `challenges_tags` (
	`challenge_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`challenge_id`, `kind`, `value`),
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges_challenges`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `challenges_tags_value_idx` ON `challenges_tags` (`kind`,`value`,`challenge_id`);--> statement-breakpoint
CREATE TABLE `challenges_challenges` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`sponsor_id` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`problem` text NOT NULL,
	`context` text DEFAULT '' NOT NULL,
	`expected_results` text DEFAULT '' NOT NULL,
	`eligible_kinds` text DEFAULT '[]' NOT NULL,
	`eligible_countries` text DEFAULT '[]' NOT NULL,
	`participation` text DEFAULT 'both' NOT NULL,
	`reward_summary` text DEFAULT '' NOT NULL,
	`reward_amount` integer,
	`currency` text DEFAULT 'COP' NOT NULL,
	`ip_terms` text DEFAULT 'solver_keeps' NOT NULL,
	`nda_required` integer DEFAULT false NOT NULL,
	`nda_text` text DEFAULT '' NOT NULL,
	`data_description` text DEFAULT '' NOT NULL,
	`visibility` text DEFAULT 'public' NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`evaluation_ends_at` integer,
	`results_at` integer,
	`phase_settings` text NOT NULL,
	`blind_review` integer DEFAULT false NOT NULL,
	`public_vote` integer DEFAULT false NOT NULL,
	`current_round` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`sponsor_id`) REFERENCES `core_organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `challenges_challenges_slug_unique` ON `challenges_challenges` (`slug`);--> statement-breakpoint
CREATE INDEX `challenges_sponsor_idx` ON `challenges_challenges` (`sponsor_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `challenges_created_idx` ON `challenges_challenges` (`created_at`);--> statement-breakpoint
CREATE INDEX `challenges_closes_idx` ON `challenges_challenges` (`closes_at`);--> statement-breakpoint
CREATE TABLE `challenges_criteria` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`weight` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `challenges_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `challenges_criteria_round_idx` ON `challenges_criteria` (`round_id`,`position`);--> statement-breakpoint
CREATE TABLE `challenges_form_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`challenge_id` text NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`hint` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges_challenges`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `challenges_fields_challenge_idx` ON `challenges_form_fields` (`challenge_id`,`position`);--> statement-breakpoint
CREATE TABLE `challenges_judges` (
	`challenge_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`challenge_id`, `user_id`),
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges_challenges`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `challenges_judges_user_idx` ON `challenges_judges` (`user_id`);--> statement-breakpoint
CREATE TABLE `challenges_milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`title` text NOT NULL,
	`due_at` integer NOT NULL,
	`done_at` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `challenges_submissions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `challenges_milestones_submission_idx` ON `challenges_milestones` (`submission_id`,`due_at`);--> statement-breakpoint
CREATE TABLE `challenges_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`challenge_id` text NOT NULL,
	`asked_by` text,
	`body` text NOT NULL,
	`answer` text,
	`answer_visibility` text DEFAULT 'public' NOT NULL,
	`answered_by` text,
	`answered_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges_challenges`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`asked_by`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`answered_by`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `challenges_questions_challenge_idx` ON `challenges_questions` (`challenge_id`,`answered_at`);--> statement-breakpoint
CREATE INDEX `challenges_questions_asker_idx` ON `challenges_questions` (`asked_by`);--> statement-breakpoint
CREATE TABLE `challenges_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`challenge_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`scale_max` integer DEFAULT 5 NOT NULL,
	`judges_per_submission` integer DEFAULT 3 NOT NULL,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges_challenges`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `challenges_rounds_position_idx` ON `challenges_rounds` (`challenge_id`,`position`);--> statement-breakpoint
CREATE TABLE `challenges_scores` (
	`round_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`judge_id` text NOT NULL,
	`criterion_id` text NOT NULL,
	`score` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`round_id`, `submission_id`, `judge_id`, `criterion_id`),
	FOREIGN KEY (`round_id`) REFERENCES `challenges_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submission_id`) REFERENCES `challenges_submissions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`judge_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `challenges_criteria`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `challenges_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`challenge_id` text NOT NULL,
	`lead_id` text,
	`organization_id` text,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`approach` text DEFAULT '' NOT NULL,
	`team` text DEFAULT '' NOT NULL,
	`ai_use` text DEFAULT '' NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`nda_accepted_at` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`round` integer DEFAULT 1 NOT NULL,
	`receipt` text,
	`submitted_at` integer,
	`feedback` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges_challenges`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organization_id`) REFERENCES `core_organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `challenges_submissions_challenge_idx` ON `challenges_submissions` (`challenge_id`,`status`,`round`);--> statement-breakpoint
CREATE INDEX `challenges_submissions_lead_idx` ON `challenges_submissions` (`lead_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `challenges_submissions_receipt_idx` ON `challenges_submissions` (`receipt`);--> statement-breakpoint
CREATE TABLE `challenges_team_members` (
	`submission_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`submission_id`, `user_id`),
	FOREIGN KEY (`submission_id`) REFERENCES `challenges_submissions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `challenges_team_user_idx` ON `challenges_team_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `challenges_team_organizations` (
	`submission_id` text NOT NULL,
	`organization_id` text NOT NULL,
	PRIMARY KEY(`submission_id`, `organization_id`),
	FOREIGN KEY (`submission_id`) REFERENCES `challenges_submissions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `core_organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `challenges_team_orgs_org_idx` ON `challenges_team_organizations` (`organization_id`);--> statement-breakpoint
CREATE TABLE `challenges_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`challenge_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`author_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges_challenges`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `challenges_updates_challenge_idx` ON `challenges_updates` (`challenge_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `challenges_votes` (
	`challenge_id` text NOT NULL,
	`user_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`challenge_id`, `user_id`),
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges_challenges`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submission_id`) REFERENCES `challenges_submissions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `challenges_votes_submission_idx` ON `challenges_votes` (`submission_id`);