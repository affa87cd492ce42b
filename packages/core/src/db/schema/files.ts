import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './users.js'

/**
 * An attachment of an item (a pitch deck, a proposal, a certificate). The bytes live in the
 * district's file storage under `storage_key`; who may download them is decided by the item.
 */
export const files = sqliteTable(
  'core_files',
  {
    id: text('id').primaryKey(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    /** What the file is for on its item (`certificate`, `pitch-deck`), so an item can hold several kinds. */
    purpose: text('purpose').notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index('core_files_subject_idx').on(t.subjectType, t.subjectId, t.purpose, t.createdAt)],
)

export type StoredFile = typeof files.$inferSelect
