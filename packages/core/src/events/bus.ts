import { and, asc, eq, lte, sql } from 'drizzle-orm'
import { leaseFree } from '../db/leases.js'
import type { Database } from '../db/client.js'
import { eventDeliveries, events } from '../db/schema/events.js'
import { afterCommit, type Executor } from '../db/transaction.js'
import { errorFields, type Logger } from '../log/logger.js'
import type { EventDefinition } from './define.js'

/** A subscriber bound to the context of the plugin that declared it. */
export interface BoundHandler {
  /** `<plugin>:<name>`. */
  key: string
  /** Order among the event's handlers: the core first, then plugins in dependency order. */
  position: number
  run(payload: unknown): Promise<void>
}

/** Tries before a delivery is marked failed, and how long one try may hold its lease. */
export const MAX_ATTEMPTS = 5
const LEASE_MS = 60_000

/** 30 s, 2 min, 4.5 min, 8 min: quick enough for a blip, patient with a service that is down. */
function retryDelay(attempts: number): number {
  return attempts * attempts * 30_000
}

export interface EventBus {
  /** Records the event and its deliveries with `executor`; delivery starts after commit. */
  publish<T>(executor: Executor, event: EventDefinition<T>, payload: T): Promise<string>
  /** Delivers what is due (retries, and anything an instance left when it stopped). */
  deliverDue(now?: Date, limit?: number): Promise<number>
  /** An administrator sends a failed delivery again. */
  retry(eventId: string, handler: string): Promise<boolean>
}

export function createEventBus(db: Database, handlers: ReadonlyMap<string, readonly BoundHandler[]>, logger: Logger): EventBus {
  const byKey = new Map<string, BoundHandler>()
  for (const list of handlers.values()) for (const h of list) byKey.set(h.key, h)

  async function attempt(eventId: string, key: string, payload: unknown, now = new Date()): Promise<void> {
    // The lease makes one instance the deliverer; another that finds the row leased leaves it.
    const claimed = await db
      .update(eventDeliveries)
      .set({ leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${eventDeliveries.attempts} + 1` })
      .where(
        and(
          eq(eventDeliveries.eventId, eventId),
          eq(eventDeliveries.handler, key),
          eq(eventDeliveries.status, 'pending'),
          lte(eventDeliveries.nextAttemptAt, now),
          leaseFree(eventDeliveries.leaseUntil, now),
        ),
      )
      .returning({ attempts: eventDeliveries.attempts })
    const row = claimed[0]
    if (!row) return
    const where = and(eq(eventDeliveries.eventId, eventId), eq(eventDeliveries.handler, key))
    const handler = byKey.get(key)
    try {
      if (!handler) throw new Error(`No handler "${key}" is installed in this district any more.`)
      await handler.run(payload)
      await db.update(eventDeliveries).set({ status: 'delivered', deliveredAt: new Date(), leaseUntil: null, lastError: null }).where(where)
    } catch (error) {
      const failed = !handler || row.attempts >= MAX_ATTEMPTS
      logger.error('event handler failed', { eventId, handler: key, attempts: row.attempts, final: failed, ...errorFields(error) })
      await db
        .update(eventDeliveries)
        .set({
          status: failed ? 'failed' : 'pending',
          leaseUntil: null,
          lastError: String((error as Error)?.stack ?? error).slice(0, 2000),
          nextAttemptAt: new Date(Date.now() + retryDelay(row.attempts)),
        })
        .where(where)
    }
  }

  async function deliverEvent(eventId: string, payload: unknown): Promise<void> {
    const rows = await db
      .select({ handler: eventDeliveries.handler })
      .from(eventDeliveries)
      .where(and(eq(eventDeliveries.eventId, eventId), eq(eventDeliveries.status, 'pending')))
      .orderBy(asc(eventDeliveries.position))
    for (const row of rows) await attempt(eventId, row.handler, payload)
  }

  return {
    async publish(executor, event, payload) {
      const checked = event.schema ? event.schema.parse(payload) : payload
      const id = crypto.randomUUID()
      await executor.insert(events).values({ id, name: event.name, payload: checked })
      const subscribers = handlers.get(event.name) ?? []
      if (subscribers.length === 0) return id
      const now = new Date()
      await executor.insert(eventDeliveries).values(subscribers.map((h) => ({ eventId: id, handler: h.key, position: h.position, nextAttemptAt: now })))
      // The change is committed by now: a failure here must not undo the request's success. What is
      // not delivered stays pending and the job loop delivers it.
      await afterCommit(executor, () => deliverEvent(id, checked).catch((error) => logger.error('event delivery deferred', { eventId: id, ...errorFields(error) })))
      return id
    },

    async deliverDue(now = new Date(), limit = 50) {
      const due = await db
        .select({ eventId: eventDeliveries.eventId, handler: eventDeliveries.handler, payload: events.payload })
        .from(eventDeliveries)
        .innerJoin(events, eq(events.id, eventDeliveries.eventId))
        .where(and(eq(eventDeliveries.status, 'pending'), lte(eventDeliveries.nextAttemptAt, now), leaseFree(eventDeliveries.leaseUntil, now)))
        .orderBy(asc(eventDeliveries.nextAttemptAt), asc(eventDeliveries.position))
        .limit(limit)
      for (const row of due) await attempt(row.eventId, row.handler, row.payload, now)
      return due.length
    },

    async retry(eventId, key) {
      const now = new Date()
      const reset = await db
        .update(eventDeliveries)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null })
        .where(and(eq(eventDeliveries.eventId, eventId), eq(eventDeliveries.handler, key), eq(eventDeliveries.status, 'failed')))
        .returning({ eventId: eventDeliveries.eventId })
      if (!reset.length) return false
      const [event] = await db.select({ payload: events.payload }).from(events).where(eq(events.id, eventId))
      await attempt(eventId, key, event?.payload, now)
      return true
    },
  }
}
