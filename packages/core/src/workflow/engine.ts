import { type SQLWrapper, and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import { leaseFree } from '../db/leases.js'
import type { AuthState } from '../auth/auth-state.js'
import { type PermissionTable, isGranted, roleAtLeast } from '../auth/permissions.js'
import type { Database } from '../db/client.js'
import { prepared } from '../db/prepared.js'
import { type OrganizationRole } from '../db/schema/memberships.js'
import { workflowItems, workflowTimers, workflowTransitions } from '../db/schema/workflows.js'
import { type Executor, type Transaction, afterCommit, inTransaction } from '../db/transaction.js'
import { errorFields, type Logger } from '../log/logger.js'
import type { Veto } from '../events/define.js'
import { coreEvents } from '../events/core-events.js'
import { roleIn } from '../organizations/membership.js'
import type { CoreServices } from '../services/types.js'
import type { TransitionDefinition, WorkflowActor, WorkflowDefinition } from './define.js'
import { type ScheduledTransition, type TimelineEntry, type WorkflowHistoryColumns, workflowHistory } from './history.js'

export type { ScheduledTransition, TimelineEntry, WorkflowHistory, WorkflowHistoryColumns } from './history.js'

/** Why a transition was not fired; `message` is an i18n key. */
export interface Refusal extends Veto {
  /** `forbidden` 403, `not-found` 404, `state` 409 (the item is not where the transition starts), `note`/`guard` 422. */
  code: 'forbidden' | 'not-found' | 'state' | 'note' | 'guard'
}

export type FireResult = { ok: true; from: string; to: string } | { ok: false; refusal: Refusal }

export interface AvailableTransition {
  name: string
  label: string
  note: 'optional' | 'required' | null
  /** Set when the guard refuses now: the button is shown disabled with its reason. */
  blocked: Veto | null
}

export interface WorkflowRunner {
  /** `<plugin>.<id>`. */
  readonly id: string
  readonly plugin: string
  /** The full subject type of its items, `<plugin>.<subject>`. */
  readonly subjectType: string
  readonly definition: WorkflowDefinition
  state(db: Executor, itemId: string): Promise<string>
  /** The states of several items in one query, for lists. */
  states(db: Executor, itemIds: readonly string[]): Promise<Map<string, string>>
  /**
   * The transitions this person may fire on the item now, with the guard's reason where it refuses.
   * Pass the state, and the item as the workflow's `load` returns it, when already read.
   */
  available(auth: AuthState, itemId: string, state?: string, item?: unknown): Promise<AvailableTransition[]>
  /** Guard, state change, timeline and audit entries in one transaction; events after it commits. */
  fire(actor: WorkflowActor, itemId: string, transition: string, options?: { note?: string | null }): Promise<FireResult>
  /**
   * Fires `transition` on its own at `at` (a call opening, a phase closing); `null` cancels it.
   * With `fireIfDue`, a moment already past fires right after the scheduling transaction commits
   * instead of at the job loop's next turn.
   */
  schedule(executor: Executor, itemId: string, transition: string, at: Date | null, options?: { fireIfDue?: boolean }): Promise<void>
  timeline(db: Executor, itemId: string): Promise<TimelineEntry[]>
  /** Transitions scheduled for the item and not yet fired, soonest first. */
  scheduled(db: Executor, itemId: string): Promise<ScheduledTransition[]>
  /**
   * The timeline and the scheduled transitions as two columns of another select (see
   * `listColumn`), `itemId` a column of that select: a page that reads its item hands what they
   * read to `loadWorkflowPanel` as `history` and runs no statement of its own for them.
   */
  historyColumns(db: Executor, itemId: SQLWrapper): WorkflowHistoryColumns
}

class RefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message)
  }
}

const refuse = (code: Refusal['code'], message: string, params?: Veto['params']): never => {
  throw new RefusedError({ code, message, params })
}

export interface EngineDependencies {
  db: Database
  plugin: string
  permissions: PermissionTable
  services: () => CoreServices
  logger: Logger
}

/** A runner as the engine holds it, with what only the job loop calls. */
export interface EngineRunner extends WorkflowRunner {
  /** Fires a due timer's transition and spends the timer in the same transaction. */
  fireScheduled(itemId: string, transition: string): Promise<FireResult>
}

/** The runner of one workflow. Timers fire from the job loop (`fireDueTimers`), or right after their change commits when already due and asked to. */
export function createWorkflowRunner(definition: WorkflowDefinition, deps: EngineDependencies): EngineRunner {
  const id = `${deps.plugin}.${definition.id}`
  const subjectType = `${deps.plugin}.${definition.subject}`
  const transitions = definition.transitions as Record<string, TransitionDefinition<unknown, string>>

  // An item's state is read on every view of its page: the query is built once per executor.
  const stateOf = prepared((db) =>
    db.select({ state: workflowItems.state }).from(workflowItems).where(and(eq(workflowItems.workflow, id), eq(workflowItems.itemId, sql.placeholder('itemId')))).prepare(),
  )
  const history = workflowHistory(id, transitions)

  async function currentState(db: Executor, itemId: string): Promise<string> {
    const [row] = await stateOf(db).all({ itemId })
    return row?.state ?? definition.initial
  }

  /** The person's role in the item's organization, read at most once per operation. */
  function roleLookup(db: Executor, item: unknown, auth: AuthState): () => Promise<OrganizationRole | null> {
    let role: Promise<OrganizationRole | null> | undefined
    return () => {
      const organizationId = definition.organizationOf?.(item) ?? null
      if (!role) {
        role = !organizationId || !auth.user
          ? Promise.resolve(null)
          : auth.organization?.id === organizationId ? Promise.resolve(auth.organization.role) : roleIn(db, organizationId, auth.user.id)
      }
      return role
    }
  }

  async function allowed(t: TransitionDefinition<unknown, string>, item: unknown, auth: AuthState, roleInItemOrg: () => Promise<OrganizationRole | null>): Promise<boolean> {
    if (!auth.user || !t.by?.length) return false
    for (const allowance of t.by) {
      if (typeof allowance === 'string') {
        if (isGranted(deps.permissions, auth, allowance, await roleInItemOrg())) return true
      } else if ('organizationRole' in allowance) {
        if (roleAtLeast(await roleInItemOrg(), allowance.organizationRole)) return true
      } else if (allowance.rule(item, auth)) return true
    }
    return false
  }

  const fromStates = (t: TransitionDefinition<unknown, string>) => [t.from].flat() as string[]

  async function fireIn(tx: Transaction, actor: WorkflowActor, itemId: string, name: string, note: string | null, timer: boolean): Promise<{ from: string; to: string }> {
    const t = transitions[name]
    if (!t) refuse('not-found', 'core.workflow.refused.unknown')
    const item = await definition.load(tx, itemId)
    if (item === undefined) refuse('not-found', 'core.workflow.refused.notFound')
    const from = await currentState(tx, itemId)
    if (actor.kind === 'person' && !(await allowed(t!, item, actor.auth, roleLookup(tx, item, actor.auth)))) refuse('forbidden', 'core.workflow.refused.forbidden')
    if (!fromStates(t!).includes(from)) refuse('state', 'core.workflow.refused.state', { state: `t:${definition.states[from]?.label ?? from}` })
    if (t!.note === 'required' && !note) refuse('note', 'core.workflow.refused.noteRequired')
    const services = deps.services()
    const ctx = { tx, actor, note, services }
    const veto = t!.guard ? await t!.guard(item, ctx) : null
    if (veto) refuse('guard', veto.message, veto.params)
    const now = new Date()
    // The state moves only from where this transition read it: of two instances firing at once,
    // one changes it and the other finds it moved and is refused.
    const moved = await tx
      .insert(workflowItems)
      .values({ workflow: id, itemId, state: t!.to, enteredAt: now })
      .onConflictDoUpdate({ target: [workflowItems.workflow, workflowItems.itemId], set: { state: t!.to, enteredAt: now }, setWhere: eq(workflowItems.state, from) })
      .returning({ state: workflowItems.state })
    if (!moved.length) refuse('state', 'core.workflow.refused.moved')
    if (timer) {
      // The timer is spent in the same transaction as the move it made: it can never fire twice.
      const spent = await tx
        .update(workflowTimers)
        .set({ status: 'fired', outcome: null, leaseUntil: null })
        .where(and(eq(workflowTimers.workflow, id), eq(workflowTimers.itemId, itemId), eq(workflowTimers.transition, name), eq(workflowTimers.status, 'pending')))
        .returning({ status: workflowTimers.status })
      if (!spent.length) refuse('state', 'core.workflow.refused.moved')
    }
    const actorId = actor.kind === 'person' ? actor.auth.user!.id : null
    await tx.insert(workflowTransitions).values({ workflow: id, itemId, transition: name, fromState: from, toState: t!.to, actorId, note, at: now })
    const organizationId = definition.organizationOf?.(item) ?? null
    await services.audit.record(tx, {
      actorId,
      action: `${id}.${name}`,
      subject: { type: subjectType, id: itemId },
      organizationId,
      changes: { state: { before: from, after: t!.to } },
      note,
    })
    await t!.effect?.(item, ctx)
    await definition.entered?.(item, t!.to, ctx)
    const recipients = t!.notify?.(item)
    if (recipients) {
      await services.notify(tx, {
        kind: id,
        to: recipients,
        message: 'core.workflow.notice',
        params: { item: definition.title(item), state: `t:${definition.states[t!.to as string]!.label}` },
        href: definition.href(item),
        actorId,
      })
    }
    await services.events.publish(tx, coreEvents.workflowTransitioned, { workflow: id, itemId, transition: name, from, to: t!.to, actorId })
    return { from, to: t!.to }
  }

  async function fire(actor: WorkflowActor, itemId: string, name: string, options: { note?: string | null } = {}, timer = false): Promise<FireResult> {
    const note = options.note?.trim() || null
    try {
      const result = await inTransaction(deps.db, (tx) => fireIn(tx, actor, itemId, name, note, timer))
      return { ok: true, ...result }
    } catch (error) {
      if (error instanceof RefusedError) return { ok: false, refusal: error.refusal }
      throw error
    }
  }

  const runner: EngineRunner = {
    id,
    plugin: deps.plugin,
    subjectType,
    definition,
    state: currentState,
    async states(db, itemIds) {
      const out = new Map(itemIds.map((i) => [i, definition.initial as string]))
      if (!itemIds.length) return out
      const rows = await db.select({ itemId: workflowItems.itemId, state: workflowItems.state }).from(workflowItems).where(and(eq(workflowItems.workflow, id), inArray(workflowItems.itemId, [...itemIds])))
      for (const row of rows) out.set(row.itemId, row.state)
      return out
    },
    async available(auth, itemId, knownState, knownItem) {
      const db = deps.db
      if (!auth.user) return []
      const [item, state] = await Promise.all([knownItem ?? definition.load(db, itemId), knownState ?? currentState(db, itemId)])
      if (item === undefined) return []
      const out: AvailableTransition[] = []
      const services = deps.services()
      const role = roleLookup(db, item, auth)
      for (const [name, t] of Object.entries(transitions)) {
        if (!fromStates(t).includes(state) || !(await allowed(t, item, auth, role))) continue
        // Guards read only; they see the database itself here, as nothing is being written.
        const blocked = t.guard ? await t.guard(item, { tx: db as unknown as Transaction, actor: { kind: 'person', auth }, note: null, services }) : null
        out.push({ name, label: t.label, note: t.note ?? null, blocked })
      }
      return out
    },
    fire: (actor, itemId, transition, options) => fire(actor, itemId, transition, options),
    fireScheduled: (itemId, transition) => fire({ kind: 'schedule' }, itemId, transition, {}, true),
    async schedule(executor, itemId, transition, at, options = {}) {
      if (!transitions[transition]) throw new Error(`Workflow "${id}" has no transition "${transition}".`)
      const key = and(eq(workflowTimers.workflow, id), eq(workflowTimers.itemId, itemId), eq(workflowTimers.transition, transition))
      if (!at) {
        await executor.delete(workflowTimers).where(key)
        return
      }
      await executor
        .insert(workflowTimers)
        .values({ workflow: id, itemId, transition, dueAt: at })
        .onConflictDoUpdate({ target: [workflowTimers.workflow, workflowTimers.itemId, workflowTimers.transition], set: { dueAt: at, status: 'pending', outcome: null, leaseUntil: null } })
      // Asked to, a moment already past fires as soon as the change that scheduled it commits
      // rather than at the job loop's next turn; if that fails, the loop retries once the lease lapses.
      if (options.fireIfDue && at <= new Date()) {
        await afterCommit(executor, () =>
          fireTimer(deps.db, runner, { workflow: id, itemId, transition }, new Date()).then(
            () => undefined,
            (error) => deps.logger.error('due timer deferred to the job loop', { workflow: id, itemId, transition, ...errorFields(error) }),
          ),
        )
      }
    },
    scheduled: history.scheduled,
    timeline: history.timeline,
    historyColumns: history.columns,
  }
  return runner
}

const TIMER_LEASE_MS = 60_000

type TimerKey = { workflow: string; itemId: string; transition: string }

/**
 * Leases one due timer, fires its transition and records why when it is refused. False when
 * another instance holds it or its workflow is gone.
 */
async function fireTimer(db: Database, runner: EngineRunner | undefined, timer: TimerKey, now: Date): Promise<boolean> {
  const key = and(eq(workflowTimers.workflow, timer.workflow), eq(workflowTimers.itemId, timer.itemId), eq(workflowTimers.transition, timer.transition))
  const claimed = await db
    .update(workflowTimers)
    .set({ leaseUntil: new Date(now.getTime() + TIMER_LEASE_MS) })
    .where(and(key, eq(workflowTimers.status, 'pending'), lte(workflowTimers.dueAt, now), leaseFree(workflowTimers.leaseUntil, now)))
    .returning({ workflow: workflowTimers.workflow })
  if (!claimed.length) return false
  if (!runner) {
    await db.update(workflowTimers).set({ status: 'skipped', outcome: 'workflow not installed', leaseUntil: null }).where(key)
    return false
  }
  const result = await runner.fireScheduled(timer.itemId, timer.transition)
  if (result.ok) return true
  await db
    .update(workflowTimers)
    .set({ status: 'skipped', outcome: `${result.refusal.code}: ${result.refusal.message}`, leaseUntil: null })
    .where(and(key, eq(workflowTimers.status, 'pending')))
  return false
}

/**
 * Fires the transitions whose time has come. Safe with several instances: each timer is leased
 * before it is fired and marked fired inside the transition's own transaction, so it fires once.
 */
export async function fireDueTimers(db: Database, runners: ReadonlyMap<string, EngineRunner>, now = new Date(), limit = 50): Promise<number> {
  const due = await db
    .select({ workflow: workflowTimers.workflow, itemId: workflowTimers.itemId, transition: workflowTimers.transition })
    .from(workflowTimers)
    .where(and(eq(workflowTimers.status, 'pending'), lte(workflowTimers.dueAt, now), leaseFree(workflowTimers.leaseUntil, now)))
    .orderBy(asc(workflowTimers.dueAt))
    .limit(limit)
  let fired = 0
  for (const timer of due) if (await fireTimer(db, runners.get(timer.workflow), timer, now)) fired += 1
  return fired
}
