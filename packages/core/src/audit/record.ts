import { auditLog, type FieldChange } from '../db/schema/audit.js'
import type { Executor } from '../db/transaction.js'

export interface AuditInput {
  /** Null when the district acted on its own (a scheduled transition). */
  actorId: string | null
  /** `<plugin>.<subject>.<verb>`, e.g. `core.organization.verified`. */
  action: string
  subject: { type: string; id: string }
  organizationId?: string | null
  changes?: Record<string, FieldChange>
  note?: string | null
}

/** Writes one entry, with the same executor as the change it records so both commit together. */
export async function recordAudit(executor: Executor, entry: AuditInput): Promise<void> {
  await auditStatement(executor, entry)
}

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return [...value].map(comparable)
  return value ?? null
}

/** The fields that differ between two versions of a record, as before/after pairs for the log. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>, fields: readonly (keyof T & string)[] = Object.keys(after)): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {}
  for (const field of fields) {
    if (!(field in after)) continue
    const a = comparable(before[field])
    const b = comparable(after[field])
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[field] = { before: a, after: b }
  }
  return changes
}

/** The insert of an entry, not yet run: for `db.batch([...])`, so the entry commits with the change. */
export function auditStatement(executor: Executor, entry: AuditInput) {
  const changes = entry.changes && Object.keys(entry.changes).length ? entry.changes : null
  return executor.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subject.type,
    subjectId: entry.subject.id,
    organizationId: entry.organizationId ?? null,
    changes,
    note: entry.note ?? null,
  })
}
