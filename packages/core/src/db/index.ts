/** Database helpers for plugins: the handle type and the core tables a plugin may reference. */
export type { Database, DatabaseHandle } from './client.js'
export { openDatabase, DEFAULT_DATABASE_URL } from './client.js'
export { migrationsTableFor, type MigrationSource, type PendingMigrations } from './migrations.js'
export { users, type User } from './schema/users.js'
export { organizations, organizationSectors, type Organization } from './schema/organizations.js'
export { memberships } from './schema/memberships.js'
