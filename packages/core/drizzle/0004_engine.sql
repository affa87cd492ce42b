CREATE TABLE `core_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`organization_id` text,
	`changes` text,
	`note` text,
	FOREIGN KEY (`actor_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `core_audit_subject_idx` ON `core_audit_log` (`subject_type`,`subject_id`,`id`);--> statement-breakpoint
CREATE INDEX `core_audit_actor_idx` ON `core_audit_log` (`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `core_audit_action_idx` ON `core_audit_log` (`action`,`id`);--> statement-breakpoint
CREATE INDEX `core_audit_at_idx` ON `core_audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `core_comment_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`comment_id` text NOT NULL,
	`reporter_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	FOREIGN KEY (`comment_id`) REFERENCES `core_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resolved_by`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `core_comment_reports_once_idx` ON `core_comment_reports` (`comment_id`,`reporter_id`);--> statement-breakpoint
CREATE INDEX `core_comment_reports_open_idx` ON `core_comment_reports` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `core_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`parent_id` text,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`hidden_at` integer,
	`hidden_by` text,
	`hidden_reason` text,
	FOREIGN KEY (`parent_id`) REFERENCES `core_comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `core_comments_subject_idx` ON `core_comments` (`subject_type`,`subject_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `core_event_deliveries` (
	`event_id` text NOT NULL,
	`handler` text NOT NULL,
	`position` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`delivered_at` integer,
	PRIMARY KEY(`event_id`, `handler`),
	FOREIGN KEY (`event_id`) REFERENCES `core_events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `core_event_deliveries_due_idx` ON `core_event_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `core_events` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `core_events_created_idx` ON `core_events` (`created_at`);--> statement-breakpoint
CREATE TABLE `core_files` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`purpose` text NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`uploaded_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`uploaded_by`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `core_files_subject_idx` ON `core_files` (`subject_type`,`subject_id`,`purpose`,`created_at`);--> statement-breakpoint
CREATE TABLE `core_follows` (
	`user_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `subject_type`, `subject_id`),
	FOREIGN KEY (`user_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `core_follows_subject_idx` ON `core_follows` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE TABLE `core_notification_preferences` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`email` integer NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `core_notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`params` text NOT NULL,
	`href` text NOT NULL,
	`actor_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `core_notifications_user_idx` ON `core_notifications` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `core_notifications_unread_idx` ON `core_notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `core_workflow_items` (
	`workflow` text NOT NULL,
	`item_id` text NOT NULL,
	`state` text NOT NULL,
	`entered_at` integer NOT NULL,
	PRIMARY KEY(`workflow`, `item_id`)
);
--> statement-breakpoint
CREATE INDEX `core_workflow_items_state_idx` ON `core_workflow_items` (`workflow`,`state`,`entered_at`);--> statement-breakpoint
CREATE TABLE `core_workflow_timers` (
	`workflow` text NOT NULL,
	`item_id` text NOT NULL,
	`transition` text NOT NULL,
	`due_at` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`lease_until` integer,
	`outcome` text,
	PRIMARY KEY(`workflow`, `item_id`, `transition`)
);
--> statement-breakpoint
CREATE INDEX `core_workflow_timers_due_idx` ON `core_workflow_timers` (`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `core_workflow_transitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workflow` text NOT NULL,
	`item_id` text NOT NULL,
	`transition` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`actor_id` text,
	`note` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `core_workflow_transitions_item_idx` ON `core_workflow_transitions` (`workflow`,`item_id`,`id`);--> statement-breakpoint
ALTER TABLE `core_outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `core_outbox` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `core_outbox` ADD `lease_until` integer;--> statement-breakpoint
ALTER TABLE `core_outbox` ADD `secrets` text;--> statement-breakpoint
CREATE INDEX `core_outbox_queue_idx` ON `core_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TRIGGER `core_audit_log_append_only_update` BEFORE UPDATE ON `core_audit_log`
BEGIN
	SELECT RAISE(ABORT, 'core_audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `core_audit_log_append_only_delete` BEFORE DELETE ON `core_audit_log`
BEGIN
	SELECT RAISE(ABORT, 'core_audit_log is append-only');
END;
--> statement-breakpoint
-- Organizations verified before verification became a workflow start in its `verified` state.
INSERT INTO `core_workflow_items` (`workflow`, `item_id`, `state`, `entered_at`)
SELECT 'core.verification', `id`, 'verified', `verified_at` FROM `core_organizations` WHERE `verified_at` IS NOT NULL;
