CREATE TABLE `core_users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`platform_role` text DEFAULT 'member' NOT NULL,
	`locale` text,
	`email_verified_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `core_users_email_unique` ON `core_users` (`email`);--> statement-breakpoint
CREATE INDEX `core_users_platform_role_idx` ON `core_users` (`platform_role`,`created_at`);