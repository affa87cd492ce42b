import { and, asc, eq, lte, sql } from 'drizzle-orm'
import { leaseFree } from '../db/leases.js'
import type { Database } from '../db/client.js'
import { outbox } from '../db/schema/outbox.js'
import { afterCommit, type Executor } from '../db/transaction.js'
import type { Logger } from '../log/logger.js'
import { errorFields } from '../log/logger.js'
import type { Mailer, MailMessage } from './mailer.js'

const REDACTED = '[enlace de un solo uso / single-use link]'
/** Tries before a message is marked failed; retries wait 1, 4, 9, 16 minutes. */
export const MAIL_MAX_ATTEMPTS = 5
const LEASE_MS = 60_000
const retryDelay = (attempts: number) => attempts * attempts * 60_000

export interface MailService {
  /** Records the message in the outbox and, when a mail server is configured, sends it now. */
  send(message: MailMessage): Promise<void>
  /**
   * Records messages with `executor` (inside the transaction that caused them) and sends them
   * after it commits; a message the server refuses is retried by the job loop.
   */
  queue(executor: Executor, messages: readonly MailMessage[]): Promise<void>
  /** Sends queued messages that are due; returns how many it tried. */
  sendDue(now?: Date, limit?: number): Promise<number>
  /** True when messages only land in the outbox (no SMTP): the demo and development. */
  readonly outboxOnly: boolean
}

/**
 * Every message is written to the outbox first, so administrators can always see what the district
 * sent, and a mail server that is down loses nothing: the message waits for its retry, and after
 * the last one says `failed` and why.
 */
export function createMailService(db: Database, mailer: Mailer | null, from: string, logger: Logger): MailService {
  async function deliver(id: string, message: Omit<MailMessage, 'secrets'>, secrets: readonly string[], attempts: number): Promise<void> {
    if (!mailer) return
    try {
      await mailer.send({ ...message, from })
      const redacted = secrets.reduce((text, secret) => text.split(secret).join(REDACTED), message.text)
      await db.update(outbox).set({ status: 'sent', sentAt: new Date(), text: redacted, secrets: null, leaseUntil: null, error: null }).where(eq(outbox.id, id))
    } catch (error) {
      const final = attempts >= MAIL_MAX_ATTEMPTS
      logger.error('mail could not be sent', { outboxId: id, attempts, final, ...errorFields(error) })
      await db
        .update(outbox)
        .set({
          status: final ? 'failed' : 'queued',
          error: String((error as Error).message ?? error).slice(0, 500),
          nextAttemptAt: new Date(Date.now() + retryDelay(attempts)),
          leaseUntil: null,
        })
        .where(eq(outbox.id, id))
    }
  }

  /** Takes a queued message for this instance; another instance that finds it leased leaves it. */
  async function claim(id: string, now: Date) {
    const [row] = await db
      .update(outbox)
      .set({ leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${outbox.attempts} + 1` })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'queued'), leaseFree(outbox.leaseUntil, now)))
      .returning({ to: outbox.to, subject: outbox.subject, text: outbox.text, attempts: outbox.attempts, secrets: outbox.secrets })
    return row
  }

  async function sendQueued(id: string, now = new Date()): Promise<void> {
    const row = await claim(id, now)
    if (row) await deliver(id, { to: row.to, subject: row.subject, text: row.text }, row.secrets ?? [], row.attempts)
  }

  return {
    outboxOnly: mailer === null,
    async send(message) {
      const id = crypto.randomUUID()
      const { secrets = [], ...content } = message
      // A message that fails keeps its single-use links to be blanked once a retry gets through.
      await db.insert(outbox).values({ id, ...content, status: mailer ? 'queued' : 'stored', attempts: 1, nextAttemptAt: new Date(), leaseUntil: new Date(Date.now() + LEASE_MS), secrets: mailer && secrets.length ? secrets : null })
      await deliver(id, content, secrets, 1)
    },
    async queue(executor, messages) {
      if (!messages.length) return
      const now = new Date()
      const rows = messages.map(({ secrets, ...content }) => ({ id: crypto.randomUUID(), ...content, status: mailer ? ('queued' as const) : ('stored' as const), nextAttemptAt: now, secrets: mailer && secrets?.length ? secrets : null }))
      await executor.insert(outbox).values(rows)
      if (!mailer) return
      await afterCommit(executor, async () => {
        // Anything not sent now stays queued for the job loop.
        for (const row of rows) await sendQueued(row.id).catch((error) => logger.error('mail sending deferred', { outboxId: row.id, ...errorFields(error) }))
      })
    },
    async sendDue(now = new Date(), limit = 50) {
      if (!mailer) return 0
      const due = await db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.status, 'queued'), lte(outbox.nextAttemptAt, now), leaseFree(outbox.leaseUntil, now)))
        .orderBy(asc(outbox.nextAttemptAt))
        .limit(limit)
      for (const { id } of due) await sendQueued(id, now)
      return due.length
    },
  }
}
