import { sql } from 'drizzle-orm'
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './users.js'
import { organizations } from './organizations.js'

/**
 * A signed-in browser, after Lucia's session design: the cookie holds `id.secret`, the table only
 * a SHA-256 hash of the secret, so a leaked table does not let anyone sign in.
 */
export const sessions = sqliteTable(
  'core_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    /** Moves forward at most once an hour; the session ends after a period without any. */
    lastVerifiedAt: integer('last_verified_at', { mode: 'timestamp_ms' }).notNull(),
    /** The organization the person acts for in this browser. */
    activeOrganizationId: text('active_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** Shown in the list of active sessions so people recognise their devices. */
    userAgent: text('user_agent'),
    ipAddress: text('ip_address'),
  },
  (t) => [index('core_sessions_user_idx').on(t.userId, t.lastVerifiedAt)],
)

export type Session = typeof sessions.$inferSelect
