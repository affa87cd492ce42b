import { sql } from 'drizzle-orm'
import { type AnySQLiteColumn, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './users.js'

/** A comment on an item, possibly a reply to another; moderators can hide it (never silently delete). */
export const comments = sqliteTable(
  'core_comments',
  {
    id: text('id').primaryKey(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    parentId: text('parent_id').references((): AnySQLiteColumn => comments.id),
    authorId: text('author_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
    hiddenBy: text('hidden_by').references(() => users.id),
    hiddenReason: text('hidden_reason'),
  },
  (t) => [index('core_comments_subject_idx').on(t.subjectType, t.subjectId, t.createdAt)],
)

/** Someone telling moderators a comment breaks the rules. One report per person and comment. */
export const commentReports = sqliteTable(
  'core_comment_reports',
  {
    id: text('id').primaryKey(),
    commentId: text('comment_id').notNull().references(() => comments.id, { onDelete: 'cascade' }),
    reporterId: text('reporter_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedBy: text('resolved_by').references(() => users.id),
  },
  (t) => [uniqueIndex('core_comment_reports_once_idx').on(t.commentId, t.reporterId), index('core_comment_reports_open_idx').on(t.resolvedAt, t.createdAt)],
)
