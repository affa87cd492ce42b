import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm'
import { auditLog } from '../db/schema/audit.js'
import { users } from '../db/schema/users.js'
import type { Database } from '../db/client.js'

export interface AuditFilters {
  /** An action or the start of one: `core.organization` finds every action on organizations. */
  action?: string
  actorEmail?: string
  subjectType?: string
  subjectId?: string
  from?: Date
  /** Exclusive. */
  until?: Date
}

/** A page of the log, newest first; every filter is served by an index of `core_audit_log`. */
export function auditPage(db: Database, filters: AuditFilters, window: { limit: number; offset: number }) {
  const conditions: SQL[] = []
  if (filters.action) conditions.push(sql`${auditLog.action} >= ${filters.action}`, sql`${auditLog.action} < ${`${filters.action}\uffff`}`)
  if (filters.actorEmail) conditions.push(sql`${auditLog.actorId} = (SELECT ${users.id} FROM ${users} WHERE ${users.email} = ${filters.actorEmail})`)
  if (filters.subjectType) conditions.push(eq(auditLog.subjectType, filters.subjectType))
  if (filters.subjectId) conditions.push(eq(auditLog.subjectId, filters.subjectId))
  if (filters.from) conditions.push(gte(auditLog.at, filters.from))
  if (filters.until) conditions.push(lt(auditLog.at, filters.until))
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      changes: auditLog.changes,
      note: auditLog.note,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorEmail: users.email,
      actorDeletedAt: users.deletedAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(window.limit)
    .offset(window.offset)
}

export type AuditRow = Awaited<ReturnType<typeof auditPage>>[number]
