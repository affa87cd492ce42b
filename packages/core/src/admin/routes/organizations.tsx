/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import { z } from 'zod'
import type { DistritoEnv } from '../../http/env.js'
import { requirePermission } from '../../auth/guards.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { DataTable } from '../../ui/components/table.js'
import { EmptyState } from '../../ui/components/empty-state.js'
import { pageParam, pageOf, pageWindow } from '../../ui/list-query.js'
import { directoryPage } from '../../organizations/service.js'
import { VERIFICATION_WORKFLOW } from '../../organizations/verification/workflow.js'
import { csvResponse, pagesOf } from '../../exports/csv.js'
import { ExportLink } from '../../ui/components/export-link.js'

type OrganizationRow = Awaited<ReturnType<typeof directoryPage>>[number]
import { AdminSearch } from './admin-search.js'
import { vars } from '../../http/vars.js'

const PAGE_SIZE = 25
/** The verification workflow's states; the first and third also read `verified_at`, the rest the workflow. */
const STATUSES = ['unverified', 'requested', 'verified', 'rejected'] as const
const listQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  page: pageParam,
  format: z.enum(['csv']).optional().catch(undefined),
})

export function adminOrganizationRoutes() {
  const app = new Hono<DistritoEnv>()
  app.use('/admin/organizations', requirePermission('core:organizations.verify'))
  app.use('/admin/organizations/*', requirePermission('core:organizations.verify'))

  app.get('/admin/organizations', async (c) => {
    const { t, db, services } = vars(c)
    const query = listQuery.parse(c.req.query())
    const filters = query.status === 'verified' || query.status === 'unverified' ? { verified: query.status === 'verified' } : { verificationState: query.status }
    const workflow = services.workflow(VERIFICATION_WORKFLOW)
    const labels = workflow.definition.states as Record<string, { label: string }>
    if (query.format === 'csv') {
      return csvResponse(c, 'organizaciones.csv', [
        { header: t('core.org.name'), value: (o: OrganizationRow & { state: string }) => o.name },
        { header: t('core.org.kind'), value: (o) => t(`core.org.kind.${o.kind}`) },
        { header: t('core.org.city'), value: (o) => o.city },
        { header: t('core.admin.verification'), value: (o) => t(labels[o.state]?.label ?? o.state) },
      ], pagesOf(async (limit, offset) => {
        const rows = await directoryPage(db, { q: query.q, ...filters }, { limit, offset })
        const states = await workflow.states(db, rows.map((o) => o.id))
        return rows.map((o) => ({ ...o, state: states.get(o.id) ?? 'unverified' }))
      }))
    }
    const rows = await directoryPage(db, { q: query.q, ...filters }, pageWindow(query.page, PAGE_SIZE))
    const page = pageOf(rows, query.page, PAGE_SIZE)
    const states = await workflow.states(db, page.rows.map((o) => o.id))
    const back = c.req.path + (new URL(c.req.url).search || '')
    return c.render(
      <>
        <PageHeader title={t('core.admin.organizations')} lead={t('core.admin.organizationsLead')} actions={<ExportLink />} />
        <AdminSearch action="/admin/organizations" q={query.q} label={t('core.admin.searchOrganizations')}
          filter={{ name: 'status', label: t('core.admin.verification'), value: query.status, options: STATUSES.map((s) => ({ value: s, label: t(`core.verification.state.${s}`) })) }} />
        {page.rows.length === 0 ? <EmptyState title={t('core.org.noResults')} /> : (
          <DataTable caption={t('core.admin.organizations')} page={page} columns={[
            { key: 'name', label: t('core.org.name'), cell: (o) => <a href={`/orgs/${o.slug}`}>{o.name}</a> },
            { key: 'kind', label: t('core.org.kind'), cell: (o) => t(`core.org.kind.${o.kind}`) },
            { key: 'city', label: t('core.org.city'), cell: (o) => o.city ?? '—' },
            { key: 'verified', label: t('core.admin.verification'), cell: (o) => {
              const state = states.get(o.id) ?? 'unverified'
              return (
                <div class="inline-form">
                  <span class={`state-badge state-badge--${state}`}>{t(labels[state]?.label ?? state)}</span>{' '}
                  {state !== 'verified' ? (
                    <form method="post" action={`/workflows/core.verification/${o.id}/approve`} class="inline-form">
                      <input type="hidden" name="back" value={back} />
                      <button type="submit" class="button button--secondary button--small">{t('core.verification.action.approve')}<span class="visually-hidden"> {o.name}</span></button>
                    </form>
                  ) : null}
                  <a href={`/orgs/${o.slug}/verification`}>{t('core.verification.review')}<span class="visually-hidden"> {o.name}</span></a>
                </div>
              )
            } },
          ]} />
        )}
      </>,
      { title: t('core.admin.organizations'), noindex: true },
    )
  })

  return app
}
