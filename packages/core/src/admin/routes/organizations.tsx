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
import { pageParam, pageOf, pageWindow } from '../../ui/list-query.js'
import { directoryPage } from '../../organizations/service.js'
import { AdminSearch } from './admin-search.js'
import { flag, optionalText } from '../../ui/forms/fields.js'
import { parseForm } from '../../ui/forms/parse-form.js'

const PAGE_SIZE = 25
/** Verify or unverify, and the filtered list to return to. */
const verificationSchema = z.object({ verified: flag(), back: optionalText(z.string().max(500)) })
const STATUSES = ['unverified', 'verified'] as const
const listQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  page: pageParam,
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
    const form = await parseForm(c, verificationSchema)
    if (!form.ok) httpError(422)
    const { verified } = form.data
    const updated = await db
      .update(organizations)
      .set(verified ? { verifiedAt: new Date(), verifiedBy: auth.user!.id } : { verifiedAt: null, verifiedBy: null })
      .where(eq(organizations.id, c.req.param('id')))
      .returning({ name: organizations.name })
    if (!updated[0]) httpError(404)
    setFlash(c, 'success', verified ? 'core.admin.verifiedFlash' : 'core.admin.unverifiedFlash', { organization: updated[0].name })
    const back = form.data.back?.startsWith('/admin/organizations') ? form.data.back : '/admin/organizations'
    return c.redirect(back, 303)
  })

  return app
}
