import { type SQL, type SQLWrapper, and, asc, eq, sql } from 'drizzle-orm'
import { listColumn } from '../db/list-column.js'
import { prepared } from '../db/prepared.js'
import { users } from '../db/schema/users.js'
import { workflowTimers, workflowTransitions } from '../db/schema/workflows.js'
import type { Executor } from '../db/transaction.js'
import type { TransitionDefinition } from './define.js'

export interface TimelineEntry {
  transition: string
  label: string
  from: string
  to: string
  at: Date
  actor: { name: string; deletedAt: Date | null } | null
  note: string | null
}

/** A transition scheduled for an item and not yet fired. */
export interface ScheduledTransition {
  transition: string
  label: string
  at: Date
}

/** What an item's page shows of its past and of what is due: its timeline and its pending timers. */
export interface WorkflowHistory {
  timeline: TimelineEntry[]
  scheduled: ScheduledTransition[]
}

/** The same as columns of another select, each read as a `listColumn`. */
export type WorkflowHistoryColumns = { [Part in keyof WorkflowHistory]: SQL<WorkflowHistory[Part]> }

/**
 * How one workflow reads an item's history: by itself (two prepared statements), or as columns of
 * the statement that reads the item, so that a page showing the workflow's panel needs no
 * statement of its own for it.
 */
export function workflowHistory(workflowId: string, transitions: Record<string, TransitionDefinition<unknown, string>>) {
  const labelOf = (transition: string) => transitions[transition]?.label ?? transition

  const timelineSelect = (db: Executor, itemId: SQLWrapper) =>
    db
      .select({
        transition: workflowTransitions.transition,
        from: workflowTransitions.fromState,
        to: workflowTransitions.toState,
        at: workflowTransitions.at,
        note: workflowTransitions.note,
        actorName: users.name,
        actorDeletedAt: users.deletedAt,
        actorId: workflowTransitions.actorId,
      })
      .from(workflowTransitions)
      .leftJoin(users, eq(users.id, workflowTransitions.actorId))
      .where(and(eq(workflowTransitions.workflow, workflowId), eq(workflowTransitions.itemId, itemId)))
      .orderBy(asc(workflowTransitions.id))
  type TransitionRow = Awaited<ReturnType<typeof timelineSelect>>[number]
  const entryOf = (r: TransitionRow): TimelineEntry => ({
    transition: r.transition,
    label: labelOf(r.transition),
    from: r.from,
    to: r.to,
    at: r.at,
    note: r.note,
    actor: r.actorId ? { name: r.actorName ?? '', deletedAt: r.actorDeletedAt } : null,
  })

  const timersSelect = (db: Executor, itemId: SQLWrapper) =>
    db
      .select({ transition: workflowTimers.transition, at: workflowTimers.dueAt })
      .from(workflowTimers)
      .where(and(eq(workflowTimers.workflow, workflowId), eq(workflowTimers.itemId, itemId), eq(workflowTimers.status, 'pending')))
      .orderBy(asc(workflowTimers.dueAt))
  const scheduledOf = (r: { transition: string; at: Date }): ScheduledTransition => ({ ...r, label: labelOf(r.transition) })

  // Read on every view of an item's page: built once per executor.
  const timelineQuery = prepared((db) => timelineSelect(db, sql.placeholder('itemId')).prepare())
  const timersQuery = prepared((db) => timersSelect(db, sql.placeholder('itemId')).prepare())

  return {
    async timeline(db: Executor, itemId: string): Promise<TimelineEntry[]> {
      return (await timelineQuery(db).all({ itemId })).map(entryOf)
    },
    async scheduled(db: Executor, itemId: string): Promise<ScheduledTransition[]> {
      return (await timersQuery(db).all({ itemId })).map(scheduledOf)
    },
    // No limit: an item's timeline is as long as the moves it has made, a handful for a call or a request.
    columns(db: Executor, itemId: SQLWrapper): WorkflowHistoryColumns {
      return { timeline: listColumn(timelineSelect(db, itemId), entryOf), scheduled: listColumn(timersSelect(db, itemId), scheduledOf) }
    },
  }
}
