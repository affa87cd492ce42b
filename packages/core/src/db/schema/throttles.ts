import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Counters of attempts per key (an account, an address) and window; shared by every app instance. */
export const throttles = sqliteTable('core_throttles', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
})
