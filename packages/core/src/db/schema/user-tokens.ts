import { sql } from 'drizzle-orm'
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './users.js'

export const USER_TOKEN_PURPOSES = ['verify_email', 'reset_password', 'change_email'] as const
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number]

/** Single-use links sent by mail. Only a hash is stored; `used_at` makes the second use fail. */
export const userTokens = sqliteTable(
  'core_user_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: USER_TOKEN_PURPOSES }).notNull(),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    /** For `change_email`: the address the link was sent to, which becomes the account's once confirmed. */
    newEmail: text('new_email'),
  },
  (t) => [index('core_user_tokens_user_idx').on(t.userId, t.purpose)],
)
