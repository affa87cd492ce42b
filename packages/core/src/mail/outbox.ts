import { eq } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { outbox } from '../db/schema/outbox.js'
import type { Logger } from '../log/logger.js'
import { errorFields } from '../log/logger.js'
import type { Mailer, MailMessage } from './mailer.js'

const REDACTED = '[enlace de un solo uso / single-use link]'

export interface MailService {
  /** Records the message in the outbox and, when a mail server is configured, sends it. */
  send(message: MailMessage): Promise<void>
  /** True when messages only land in the outbox (no SMTP): the demo and development. */
  readonly outboxOnly: boolean
}

/**
 * Every message is written to the outbox first, so administrators can always see what the district
 * sent, and a mail server that is down loses nothing: the row says `failed` and why.
 */
export function createMailService(db: Database, mailer: Mailer | null, from: string, logger: Logger): MailService {
  return {
    outboxOnly: mailer === null,
    async send(message) {
      const id = crypto.randomUUID()
      const { secrets = [], ...content } = message
      await db.insert(outbox).values({ id, ...content, status: 'stored' })
      if (!mailer) return
      try {
        await mailer.send({ ...content, from })
        const redacted = secrets.reduce((text, secret) => text.split(secret).join(REDACTED), content.text)
        await db.update(outbox).set({ status: 'sent', sentAt: new Date(), text: redacted }).where(eq(outbox.id, id))
      } catch (error) {
        logger.error('mail could not be sent', { outboxId: id, ...errorFields(error) })
        await db.update(outbox).set({ status: 'failed', error: String((error as Error).message ?? error).slice(0, 500) }).where(eq(outbox.id, id))
      }
    },
  }
}
