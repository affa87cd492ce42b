import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './users.js'

/** A changed field: its value before and after, as stored. */
export type FieldChange = { before: unknown; after: unknown }

/**
 * Who did what, when, to which item. Append-only: the app has no route that edits or deletes an
 * entry, and the database refuses UPDATE and DELETE on this table (triggers in migration 0004).
 */
export const auditLog = sqliteTable(
  'core_audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    /** Null when the district itself acted (a scheduled transition). */
    actorId: text('actor_id').references(() => users.id),
    /** `<plugin>.<verb>`, e.g. `core.organization.verified`, `challenges.challenge.opened`. */
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    organizationId: text('organization_id'),
    changes: text('changes', { mode: 'json' }).$type<Record<string, FieldChange>>(),
    note: text('note'),
  },
  (t) => [
    index('core_audit_subject_idx').on(t.subjectType, t.subjectId, t.id),
    index('core_audit_actor_idx').on(t.actorId, t.id),
    index('core_audit_action_idx').on(t.action, t.id),
    index('core_audit_at_idx').on(t.at),
  ],
)

export type AuditEntry = typeof auditLog.$inferSelect
