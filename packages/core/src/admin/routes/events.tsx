/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { and, desc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { requirePermission } from '../../auth/guards.js'
import { DELIVERY_STATUSES, eventDeliveries, events } from '../../db/schema/events.js'
import type { DistritoEnv } from '../../http/env.js'
import { httpError } from '../../http/errors.js'
import { setFlash } from '../../http/flash.js'
import { EmptyState } from '../../ui/components/empty-state.js'
import { Filters, SelectFilter } from '../../ui/components/filters.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { DataTable } from '../../ui/components/table.js'
import { parseForm } from '../../ui/forms/parse-form.js'
import { pageOf, pageParam, pageWindow } from '../../ui/list-query.js'
import { vars } from '../../http/vars.js'

const PAGE_SIZE = 50
const listQuery = z.object({ status: z.enum(DELIVERY_STATUSES).catch('failed'), page: pageParam })
const retrySchema = z.object({ eventId: z.string().min(1).max(100), handler: z.string().min(1).max(200) })

/**
 * Event deliveries for administrators: failed ones first, with the error, and a button to send
 * one again once the cause is fixed. Nothing published is lost while it waits here.
 */
export function adminEventRoutes() {
  const app = new Hono<DistritoEnv>()
  app.use('/admin/events', requirePermission('core:events.manage'))
  app.use('/admin/events/*', requirePermission('core:events.manage'))

  app.get('/admin/events', async (c) => {
    const { t, db, format } = vars(c)
    const query = listQuery.parse(c.req.query())
    const rows = await db
      .select({
        eventId: eventDeliveries.eventId,
        handler: eventDeliveries.handler,
        status: eventDeliveries.status,
        attempts: eventDeliveries.attempts,
        nextAttemptAt: eventDeliveries.nextAttemptAt,
        lastError: eventDeliveries.lastError,
        name: events.name,
        payload: events.payload,
        createdAt: events.createdAt,
      })
      .from(eventDeliveries)
      .innerJoin(events, eq(events.id, eventDeliveries.eventId))
      .where(eq(eventDeliveries.status, query.status))
      .orderBy(desc(eventDeliveries.nextAttemptAt))
      .limit(pageWindow(query.page, PAGE_SIZE).limit)
      .offset(pageWindow(query.page, PAGE_SIZE).offset)
    const page = pageOf(rows, query.page, PAGE_SIZE)
    return c.render(
      <>
        <PageHeader title={t('core.events.title')} lead={t('core.events.lead')} />
        <Filters action="/admin/events" label={t('core.events.filter')}>
          <SelectFilter name="status" label={t('core.events.status')} all={t('core.events.status.failed')} value={query.status === 'failed' ? '' : query.status}
            options={DELIVERY_STATUSES.filter((s) => s !== 'failed').map((s) => ({ value: s, label: t(`core.events.status.${s}`) }))} />
          <div class="filters-actions"><button type="submit" class="button">{t('core.org.applyFilters')}</button></div>
        </Filters>
        {page.rows.length === 0 ? <EmptyState title={t(`core.events.empty.${query.status}`)} /> : (
          <DataTable caption={t('core.events.title')} page={page} columns={[
            { key: 'event', label: t('core.events.event'), cell: (r) => (
              <>
                <code>{r.name}</code>
                <span class="meta"> · <time datetime={r.createdAt.toISOString()}>{format.dateTime(r.createdAt)}</time></span>
                <details><summary>{t('core.events.payload')}</summary><pre>{JSON.stringify(r.payload, null, 2)}</pre></details>
              </>
            ) },
            { key: 'handler', label: t('core.events.handler'), cell: (r) => <code>{r.handler}</code> },
            { key: 'attempts', label: t('core.events.attempts'), cell: (r) => format.number(r.attempts) },
            { key: 'error', label: t('core.events.error'), cell: (r) => (r.lastError ? <details><summary>{r.lastError.split('\n')[0]}</summary><pre>{r.lastError}</pre></details> : null) },
            { key: 'actions', label: t('core.org.actions'), cell: (r) => r.status === 'failed' ? (
              <form method="post" action="/admin/events/retry" class="inline-form">
                <input type="hidden" name="eventId" value={r.eventId} />
                <input type="hidden" name="handler" value={r.handler} />
                <button type="submit" class="button button--secondary button--small">{t('core.events.retry')}<span class="visually-hidden"> {r.handler}</span></button>
              </form>
            ) : null },
          ]} />
        )}
      </>,
      { title: t('core.events.title'), noindex: true },
    )
  })

  app.post('/admin/events/retry', async (c) => {
    const form = await parseForm(c, retrySchema)
    if (!form.ok) httpError(422)
    const retried = await c.get('district').bus.retry(form.data.eventId, form.data.handler)
    if (!retried) httpError(404)
    const [row] = await c.get('db').select({ status: eventDeliveries.status }).from(eventDeliveries).where(and(eq(eventDeliveries.eventId, form.data.eventId), eq(eventDeliveries.handler, form.data.handler)))
    setFlash(c, row?.status === 'delivered' ? 'success' : 'error', row?.status === 'delivered' ? 'core.events.retried' : 'core.events.retryFailed')
    return c.redirect('/admin/events', 303)
  })
  return app
}
