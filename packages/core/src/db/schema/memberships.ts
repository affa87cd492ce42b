import { sql } from 'drizzle-orm'
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { organizations } from './organizations.js'
import { users } from './users.js'

/** Owner ⊇ admin ⊇ member: each role can do what the next one can. */
export const ORGANIZATION_ROLES = ['owner', 'admin', 'member'] as const
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number]

export const memberships = sqliteTable(
  'core_memberships',
  {
    organizationId: text('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ORGANIZATION_ROLES }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index('core_memberships_user_idx').on(t.userId)],
)

/** An invitation by email; it works for people who have no account yet. */
export const invitations = sqliteTable(
  'core_invitations',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ORGANIZATION_ROLES }).notNull(),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('core_invitations_org_idx').on(t.organizationId, t.createdAt), index('core_invitations_email_idx').on(t.email)],
)

/** A program manager runs one plugin's program (challenges, funding…) with all its permissions. */
export const programManagers = sqliteTable(
  'core_program_managers',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    pluginId: text('plugin_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.pluginId] }), index('core_program_managers_plugin_idx').on(t.pluginId)],
)
