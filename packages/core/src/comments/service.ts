import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { commentReports, comments } from '../db/schema/comments.js'
import { follows } from '../db/schema/notifications.js'
import { users } from '../db/schema/users.js'
import type { Executor } from '../db/transaction.js'

export const COMMENT_MAX_LENGTH = 5000
export const REPORT_REASONS = ['spam', 'offensive', 'personal-data', 'off-topic', 'other'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]
/** Top-level comments per page; replies come with their comment. */
export const COMMENTS_PER_PAGE = 30

export interface CommentNode {
  id: string
  parentId: string | null
  authorId: string | null
  author: { name: string; deletedAt: Date | null } | null
  body: string
  createdAt: Date
  hidden: { at: Date; reason: string | null } | null
  replies: CommentNode[]
}

export interface CommentThread {
  subject: { type: string; id: string }
  comments: CommentNode[]
  /** Top-level comments in all; the thread shows them a page at a time, oldest first. */
  total: number
  page: number
  pageCount: number
}

type Subject = { type: string; id: string }

/**
 * A page of top-level comments with all their replies: two queries whatever the thread's depth
 * (the page's roots, then their descendants through a recursive query).
 */
export async function loadThread(db: Executor, subject: Subject, page = 1): Promise<CommentThread> {
  const onSubject = and(eq(comments.subjectType, subject.type), eq(comments.subjectId, subject.id))
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)` }).from(comments).where(and(onSubject, isNull(comments.parentId)))
  const pageCount = Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE))
  const current = Math.min(Math.max(1, page), pageCount)
  const roots = db
    .select({ id: comments.id })
    .from(comments)
    .where(and(onSubject, isNull(comments.parentId)))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(COMMENTS_PER_PAGE)
    .offset((current - 1) * COMMENTS_PER_PAGE)
  const rows = await db.all<{ id: string; parent_id: string | null; author_id: string | null; body: string; created_at: number; hidden_at: number | null; hidden_reason: string | null; name: string | null; deleted_at: number | null }>(sql`
    WITH RECURSIVE thread(id) AS (SELECT id FROM (${roots}) UNION ALL SELECT c.id FROM ${comments} c JOIN thread ON c.parent_id = thread.id)
    SELECT c.id, c.parent_id, c.author_id, c.body, c.created_at, c.hidden_at, c.hidden_reason, u.name, u.deleted_at
    FROM ${comments} c JOIN thread ON thread.id = c.id LEFT JOIN ${users} u ON u.id = c.author_id
    ORDER BY c.created_at, c.id`)
  const nodes = new Map<string, CommentNode>()
  for (const r of rows) {
    nodes.set(r.id, {
      id: r.id,
      parentId: r.parent_id,
      authorId: r.author_id,
      author: r.author_id ? { name: r.name ?? '', deletedAt: r.deleted_at ? new Date(r.deleted_at) : null } : null,
      body: r.body,
      createdAt: new Date(r.created_at),
      hidden: r.hidden_at ? { at: new Date(r.hidden_at), reason: r.hidden_reason } : null,
      replies: [],
    })
  }
  const top: CommentNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined
    if (parent) parent.replies.push(node)
    else top.push(node)
  }
  return { subject, comments: top, total, page: current, pageCount }
}

export async function commentById(db: Executor, id: string) {
  const [row] = await db.select().from(comments).where(eq(comments.id, id))
  return row
}

/** Writes a comment; its author starts following the item, to hear of the answers. */
export async function addComment(executor: Executor, input: { subject: Subject; parentId: string | null; authorId: string; body: string }): Promise<string> {
  const id = crypto.randomUUID()
  await executor.insert(comments).values({ id, subjectType: input.subject.type, subjectId: input.subject.id, parentId: input.parentId, authorId: input.authorId, body: input.body })
  await executor.insert(follows).values({ userId: input.authorId, subjectType: input.subject.type, subjectId: input.subject.id }).onConflictDoNothing()
  return id
}

/** Records a report; a second one by the same person on the same comment changes nothing. */
export async function reportComment(executor: Executor, input: { commentId: string; reporterId: string; reason: string }): Promise<boolean> {
  const inserted = await executor.insert(commentReports).values({ id: crypto.randomUUID(), ...input }).onConflictDoNothing().returning({ id: commentReports.id })
  return inserted.length > 0
}

export async function setHidden(executor: Executor, input: { commentId: string; moderatorId: string; hidden: boolean; reason: string | null }): Promise<void> {
  await executor
    .update(comments)
    .set(input.hidden ? { hiddenAt: new Date(), hiddenBy: input.moderatorId, hiddenReason: input.reason } : { hiddenAt: null, hiddenBy: null, hiddenReason: null })
    .where(eq(comments.id, input.commentId))
  // Deciding on a comment settles the reports about it.
  await executor.update(commentReports).set({ resolvedAt: new Date(), resolvedBy: input.moderatorId }).where(and(eq(commentReports.commentId, input.commentId), isNull(commentReports.resolvedAt)))
}

export async function dismissReports(executor: Executor, commentId: string, moderatorId: string): Promise<void> {
  await executor.update(commentReports).set({ resolvedAt: new Date(), resolvedBy: moderatorId }).where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)))
}

/** Open reports, one row per reported comment, newest first; limited to some subject types when given. */
export async function openReports(db: Executor, options: { subjectTypes?: readonly string[]; limit: number; offset: number }) {
  return db
    .select({
      commentId: comments.id,
      subjectType: comments.subjectType,
      subjectId: comments.subjectId,
      body: comments.body,
      authorName: users.name,
      authorDeletedAt: users.deletedAt,
      hiddenAt: comments.hiddenAt,
      reports: sql<number>`count(${commentReports.id})`,
      reasons: sql<string>`json_group_array(${commentReports.reason})`,
      lastReportAt: sql<number>`max(${commentReports.createdAt})`,
    })
    .from(commentReports)
    .innerJoin(comments, eq(comments.id, commentReports.commentId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(isNull(commentReports.resolvedAt), options.subjectTypes ? inArray(comments.subjectType, [...options.subjectTypes]) : undefined))
    .groupBy(comments.id)
    .orderBy(desc(sql`max(${commentReports.createdAt})`))
    .limit(options.limit)
    .offset(options.offset)
}
