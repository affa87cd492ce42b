import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './users.js'

/**
 * Where each item of each workflow stands. An item without a row is in its workflow's initial
 * state: plugins need not register every item up front.
 */
export const workflowItems = sqliteTable(
  'core_workflow_items',
  {
    /** `<plugin>.<workflow>`. */
    workflow: text('workflow').notNull(),
    itemId: text('item_id').notNull(),
    state: text('state').notNull(),
    enteredAt: integer('entered_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workflow, t.itemId] }), index('core_workflow_items_state_idx').on(t.workflow, t.state, t.enteredAt)],
)

/** The timeline of an item: every transition fired, by whom, with the note they left. */
export const workflowTransitions = sqliteTable(
  'core_workflow_transitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workflow: text('workflow').notNull(),
    itemId: text('item_id').notNull(),
    transition: text('transition').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    /** Null when the schedule fired it. */
    actorId: text('actor_id').references(() => users.id),
    note: text('note'),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('core_workflow_transitions_item_idx').on(t.workflow, t.itemId, t.id)],
)

/** `pending` until due; then `fired`, or `skipped` with the reason (state moved on, a guard refused). */
export const TIMER_STATUSES = ['pending', 'fired', 'skipped'] as const

/** A transition that fires on its own at a date: a call that opens, a phase that closes. */
export const workflowTimers = sqliteTable(
  'core_workflow_timers',
  {
    workflow: text('workflow').notNull(),
    itemId: text('item_id').notNull(),
    transition: text('transition').notNull(),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    status: text('status', { enum: TIMER_STATUSES }).notNull().default('pending'),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    outcome: text('outcome'),
  },
  (t) => [primaryKey({ columns: [t.workflow, t.itemId, t.transition] }), index('core_workflow_timers_due_idx').on(t.status, t.dueAt)],
)
