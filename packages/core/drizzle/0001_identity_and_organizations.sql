CREATE TABLE `core_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`invited_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`organization_id`) REFERENCES `core_organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `core_invitations_org_idx` ON `core_invitations` (`organization_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `core_invitations_email_idx` ON `core_invitations` (`email`);--> statement-breakpoint
CREATE TABLE `core_memberships` (
	`organization_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`organization_id`, `user_id`),
	FOREIGN KEY (`organization_id`) REFERENCES `core_organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `core_memberships_user_idx` ON `core_memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `core_program_managers` (
	`user_id` text NOT NULL,
	`plugin_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `plugin_id`),
	FOREIGN KEY (`user_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `core_program_managers_plugin_idx` ON `core_program_managers` (`plugin_id`);--> statement-breakpoint
CREATE TABLE `core_organization_sectors` (
	`organization_id` text NOT NULL,
	`sector` text NOT NULL,
	PRIMARY KEY(`organization_id`, `sector`),
	FOREIGN KEY (`organization_id`) REFERENCES `core_organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `core_organization_sectors_sector_idx` ON `core_organization_sectors` (`sector`,`organization_id`);--> statement-breakpoint
CREATE TABLE `core_organizations` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`is_anchor` integer DEFAULT false NOT NULL,
	`investor_type` text,
	`legal_id` text,
	`country` text DEFAULT 'CO' NOT NULL,
	`city` text,
	`subregion` text,
	`website` text,
	`description` text DEFAULT '' NOT NULL,
	`size` text,
	`founded_year` integer,
	`ai_offered` text DEFAULT '[]' NOT NULL,
	`ai_sought` text DEFAULT '[]' NOT NULL,
	`verified_at` integer,
	`verified_by` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`verified_by`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `core_organizations_slug_unique` ON `core_organizations` (`slug`);--> statement-breakpoint
CREATE INDEX `core_organizations_name_idx` ON `core_organizations` (`name`);--> statement-breakpoint
CREATE INDEX `core_organizations_kind_idx` ON `core_organizations` (`kind`,`name`);--> statement-breakpoint
CREATE INDEX `core_organizations_subregion_idx` ON `core_organizations` (`subregion`,`name`);--> statement-breakpoint
CREATE INDEX `core_organizations_created_idx` ON `core_organizations` (`created_at`);--> statement-breakpoint
CREATE INDEX `core_organizations_verified_idx` ON `core_organizations` (`verified_at`,`name`);--> statement-breakpoint
CREATE TABLE `core_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `core_outbox_created_idx` ON `core_outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `core_outbox_to_idx` ON `core_outbox` (`to`,`created_at`);--> statement-breakpoint
CREATE TABLE `core_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_verified_at` integer NOT NULL,
	`active_organization_id` text,
	`user_agent` text,
	`ip_address` text,
	FOREIGN KEY (`user_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`active_organization_id`) REFERENCES `core_organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `core_sessions_user_idx` ON `core_sessions` (`user_id`,`last_verified_at`);--> statement-breakpoint
CREATE TABLE `core_throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`window_started_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `core_user_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`purpose` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `core_user_tokens_user_idx` ON `core_user_tokens` (`user_id`,`purpose`);--> statement-breakpoint
ALTER TABLE `core_users` ADD `terms_accepted_at` integer;--> statement-breakpoint
ALTER TABLE `core_users` ADD `privacy_accepted_at` integer;--> statement-breakpoint
ALTER TABLE `core_users` ADD `deleted_at` integer;--> statement-breakpoint
CREATE INDEX `core_users_created_idx` ON `core_users` (`created_at`);