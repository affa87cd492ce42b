/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import type { DistritoEnv } from '../../http/env.js'
import { httpError } from '../../http/errors.js'
import { setFlash } from '../../http/flash.js'
import { organizations } from '../../db/schema/organizations.js'
import { requirePermission } from '../../auth/guards.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { DataTable } from '../../ui/components/table.js'
import { EmptyState } from '../../ui/components/empty-state.js'
import { MAX_PAGE, pageOf, pageWindow } from '../../ui/list-query.js'
import { directoryPage } from '../../organizations/service.js'
import { AdminSearch } from './admin-search.js'

const PAGE_SIZE = 25
const STATUSES = ['unverified', 'verified'] as const
const listQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
})

export function adminOrganizationRoutes() {
  const app = new Hono<DistritoEnv>()
  app.use('/admin/organizations', requirePermission('core:organizations.verify'))
  app.use('/admin/organizations/*', requirePermission('core:organizations.verify'))

  app.get('/admin/organizations', async (c) => {
    const { t, db } = c.var
    const query = listQuery.parse(c.req.query())
    const verified = query.status === undefined ? undefined : query.status === 'verified'
    const rows = await directoryPage(db, { q: query.q, verified }, pageWindow(query.page, PAGE_SIZE))
    const page = pageOf(rows, query.page, PAGE_SIZE)
    const back = c.req.path + (new URL(c.req.url).search || '')
    return c.render(
      <>
        <PageHeader title={t('core.admin.organizations')} lead={t('core.admin.organizationsLead')} />
        <AdminSearch action="/admin/organizations" q={query.q} label={t('core.admin.searchOrganizations')}
          filter={{ name: 'status', label: t('core.admin.verification'), value: query.status, options: STATUSES.map((s) => ({ value: s, label: t(`core.admin.status.${s}`) })) }} />
        {page.rows.length === 0 ? <EmptyState title={t('core.org.noResults')} /> : (
          <DataTable caption={t('core.admin.organizations')} page={page} columns={[
            { key: 'name', label: t('core.org.name'), cell: (o) => <a href={`/orgs/${o.slug}`}>{o.name}</a> },
            { key: 'kind', label: t('core.org.kind'), cell: (o) => t(`core.org.kind.${o.kind}`) },
            { key: 'city', label: t('core.org.city'), cell: (o) => o.city ?? '—' },
            { key: 'verified', label: t('core.admin.verification'), cell: (o) => (
              <form method="post" action={`/admin/organizations/${o.id}/verification`} class="inline-form">
                <input type="hidden" name="verified" value={o.verifiedAt ? 'false' : 'true'} />
                <input type="hidden" name="back" value={back} />
                <span>{o.verifiedAt ? t('core.org.verified') : t('core.admin.status.unverified')}</span>{' '}
                <button type="submit" class="button button--secondary button--small">
                  {o.verifiedAt ? t('core.admin.unverify') : t('core.admin.verify')}<span class="visually-hidden"> {o.name}</span>
                </button>
              </form>
            ) },
          ]} />
        )}
      </>,
      { title: t('core.admin.organizations'), noindex: true },
    )
  })

  app.post('/admin/organizations/:id/verification', async (c) => {
    const { db, auth } = c.var
    const body = await c.req.parseBody()
    const verified = body.verified === 'true'
    const updated = await db
      .update(organizations)
      .set(verified ? { verifiedAt: new Date(), verifiedBy: auth.user!.id } : { verifiedAt: null, verifiedBy: null })
      .where(eq(organizations.id, c.req.param('id')))
      .returning({ name: organizations.name })
    if (!updated[0]) httpError(404)
    setFlash(c, 'success', verified ? 'core.admin.verifiedFlash' : 'core.admin.unverifiedFlash', { organization: updated[0].name })
    const back = typeof body.back === 'string' && body.back.startsWith('/admin/organizations') ? body.back : '/admin/organizations'
    return c.redirect(back, 303)
  })

  return app
}
