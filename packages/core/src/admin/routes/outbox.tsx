/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm'
import { Hono } from 'hono'
import type { Child } from 'hono/jsx'
import { z } from 'zod'
import type { DistritoEnv } from '../../http/env.js'
import { httpError } from '../../http/errors.js'
import { outbox } from '../../db/schema/outbox.js'
import { requirePermission } from '../../auth/guards.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { DataTable } from '../../ui/components/table.js'
import { EmptyState } from '../../ui/components/empty-state.js'
import { pageParam, pageOf, pageWindow } from '../../ui/list-query.js'
import { AdminSearch } from './admin-search.js'
import { vars } from '../../http/vars.js'

const PAGE_SIZE = 25
const listQuery = z.object({
  q: z.string().trim().toLowerCase().max(254).optional().catch(undefined),
  page: pageParam,
})

/** Plain text with its web addresses as links, so an administrator can follow a link from a message. */
function linkify(text: string): Child[] {
  const parts: Child[] = []
  let last = 0
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    parts.push(text.slice(last, match.index))
    parts.push(<a href={match[0]}>{match[0]}</a>)
    last = match.index + match[0].length
  }
  parts.push(text.slice(last))
  return parts
}

export function adminOutboxRoutes() {
  const app = new Hono<DistritoEnv>()
  app.use('/admin/outbox', requirePermission('core:outbox.read'))
  app.use('/admin/outbox/*', requirePermission('core:outbox.read'))

  app.get('/admin/outbox', async (c) => {
    const { t, db, format, district } = vars(c)
    const query = listQuery.parse(c.req.query())
    const conditions: SQL[] = []
    if (query.q) conditions.push(sql`${outbox.to} >= ${query.q}`, sql`${outbox.to} < ${`${query.q}\uffff`}`)
    const { limit, offset } = pageWindow(query.page, PAGE_SIZE)
    const rows = await db.select({ id: outbox.id, to: outbox.to, subject: outbox.subject, status: outbox.status, createdAt: outbox.createdAt })
      .from(outbox).where(and(...conditions)).orderBy(desc(outbox.createdAt)).limit(limit).offset(offset)
    const page = pageOf(rows, query.page, PAGE_SIZE)
    return c.render(
      <>
        <PageHeader title={t('core.admin.outbox')} lead={district.mail.outboxOnly ? t('core.admin.outboxOnlyLead') : t('core.admin.outboxLead')} />
        <AdminSearch action="/admin/outbox" q={query.q} label={t('core.admin.searchRecipient')} />
        {page.rows.length === 0 ? <EmptyState title={t('core.admin.outboxEmpty')} /> : (
          <DataTable caption={t('core.admin.outbox')} page={page} columns={[
            { key: 'date', label: t('core.admin.sentAt'), cell: (m) => format.dateTime(m.createdAt) },
            { key: 'to', label: t('core.admin.recipient'), cell: (m) => m.to },
            { key: 'subject', label: t('core.admin.subject'), cell: (m) => <a href={`/admin/outbox/${m.id}`}>{m.subject}</a> },
            { key: 'status', label: t('core.admin.deliveryStatus'), cell: (m) => t(`core.admin.mailStatus.${m.status}`) },
          ]} />
        )}
      </>,
      { title: t('core.admin.outbox'), noindex: true },
    )
  })

  app.get('/admin/outbox/:id', async (c) => {
    const { t, db, format } = vars(c)
    const [message] = await db.select().from(outbox).where(eq(outbox.id, c.req.param('id')))
    if (!message) httpError(404)
    return c.render(
      <>
        <PageHeader title={message.subject} actions={<a class="button button--secondary" href="/admin/outbox">{t('core.admin.backToOutbox')}</a>} />
        <dl class="facts">
          <dt>{t('core.admin.recipient')}</dt><dd>{message.to}</dd>
          <dt>{t('core.admin.sentAt')}</dt><dd>{format.dateTime(message.createdAt)}</dd>
          <dt>{t('core.admin.deliveryStatus')}</dt><dd>{t(`core.admin.mailStatus.${message.status}`)}{message.error ? ` — ${message.error}` : ''}</dd>
        </dl>
        <pre class="mail-body">{linkify(message.text)}</pre>
      </>,
      { title: message.subject, noindex: true },
    )
  })

  return app
}
