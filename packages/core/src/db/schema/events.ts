import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** An event published by the core or a plugin, kept so that every subscriber receives it. */
export const events = sqliteTable(
  'core_events',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index('core_events_created_idx').on(t.createdAt)],
)

/**
 * `pending`: waiting for its first try or a retry at `next_attempt_at`. `delivered`: the handler
 * returned. `failed`: it threw on every try; administrators see it and can send it again.
 */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** One event for one handler. The lease lets several app instances share the work. */
export const eventDeliveries = sqliteTable(
  'core_event_deliveries',
  {
    eventId: text('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    /** `<plugin>:<handler name>`. */
    handler: text('handler').notNull(),
    /** The handler's place in dependency order, so retries keep it. */
    position: integer('position').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.handler] }), index('core_event_deliveries_due_idx').on(t.status, t.nextAttemptAt)],
)
