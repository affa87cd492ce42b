DROP INDEX `core_organizations_name_idx`;--> statement-breakpoint
DROP INDEX `core_organizations_kind_idx`;--> statement-breakpoint
DROP INDEX `core_organizations_subregion_idx`;--> statement-breakpoint
DROP INDEX `core_organizations_verified_idx`;--> statement-breakpoint
CREATE INDEX `core_organizations_name_id_idx` ON `core_organizations` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `core_organizations_kind_name_idx` ON `core_organizations` (`kind`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `core_organizations_subregion_name_idx` ON `core_organizations` (`subregion`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `core_organizations_verified_name_idx` ON `core_organizations` (`verified_at`,`name`,`id`);