ALTER TABLE `core_user_tokens` ADD `new_email` text;--> statement-breakpoint
ALTER TABLE `core_users` ADD `suspended_at` integer;