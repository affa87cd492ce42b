import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * `queued`: waiting to be sent (notifications are queued inside the transaction that caused them;
 * a message the server refused waits here for its retry). `stored`: no mail server is configured,
 * the outbox is where the message lives (the demo). `sent`: handed to the SMTP server. `failed`:
 * the server refused it on every try; `error` says why.
 */
export const OUTBOX_STATUSES = ['queued', 'stored', 'sent', 'failed'] as const

/** Every message the district sends, kept so that administrators can see what went out. */
export const outbox = sqliteTable(
  'core_outbox',
  {
    id: text('id').primaryKey(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull(),
    error: text('error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    /** The single-use links in a message still waiting to be sent; blanked from `text` once it is, then cleared. */
    secrets: text('secrets', { mode: 'json' }).$type<string[]>(),
  },
  (t) => [
    index('core_outbox_created_idx').on(t.createdAt),
    index('core_outbox_to_idx').on(t.to, t.createdAt),
    index('core_outbox_queue_idx').on(t.status, t.nextAttemptAt),
  ],
)

export type OutboxMessage = typeof outbox.$inferSelect
