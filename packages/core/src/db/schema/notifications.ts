import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './users.js'

/**
 * A message for one person in the app. The text is stored as an i18n key with its parameters, so
 * it reads in the language the person uses when they open it.
 */
export const notifications = sqliteTable(
  'core_notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** `<plugin>.<kind>`, as declared by the plugin; preferences are per kind. */
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    params: text('params', { mode: 'json' }).$type<Record<string, string | number>>().notNull(),
    href: text('href').notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('core_notifications_user_idx').on(t.userId, t.createdAt), index('core_notifications_unread_idx').on(t.userId, t.readAt)],
)

/** A person's choice for one kind of notification; without a row, the kind's default applies. */
export const notificationPreferences = sqliteTable(
  'core_notification_preferences',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    email: integer('email', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
)

/** A person following an item (a challenge, a case) hears about what happens to it. */
export const follows = sqliteTable(
  'core_follows',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.subjectType, t.subjectId] }), index('core_follows_subject_idx').on(t.subjectType, t.subjectId)],
)
