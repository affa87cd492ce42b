import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { LOCALES } from '../../i18n/locales.js'

/** Platform-wide role. Organization roles and plugin permissions build on it. */
export const PLATFORM_ROLES = ['admin', 'member'] as const

export const users = sqliteTable(
  'core_users',
  {
    id: text('id').primaryKey(),
    /** Stored lower-cased and trimmed so that look-ups are exact. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    platformRole: text('platform_role', { enum: PLATFORM_ROLES }).notNull().default('member'),
    locale: text('locale', { enum: LOCALES }),
    emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
    /** When the person accepted the terms of use and the privacy notice (Colombia's Ley 1581 asks for proof). */
    termsAcceptedAt: integer('terms_accepted_at', { mode: 'timestamp_ms' }),
    privacyAcceptedAt: integer('privacy_accepted_at', { mode: 'timestamp_ms' }),
    /** Set while a district administrator has suspended the account: no sign-in, no sessions. */
    suspendedAt: integer('suspended_at', { mode: 'timestamp_ms' }),
    /** Set when the person deleted their account: the row stays, anonymized, for what others depend on. */
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index('core_users_platform_role_idx').on(t.platformRole, t.createdAt), index('core_users_created_idx').on(t.createdAt)],
)

export type User = typeof users.$inferSelect
export type NewUser = typeof users.$inferInsert
