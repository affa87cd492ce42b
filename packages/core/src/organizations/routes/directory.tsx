/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import { html } from '../../ui/html.js'
import { z } from 'zod'
import type { DistritoEnv } from '../../http/env.js'
import { ORGANIZATION_KINDS } from '../../db/schema/organizations.js'
import { EmptyState } from '../../ui/components/empty-state.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { Pagination } from '../../ui/components/table.js'
import { Filters, SearchFilter, SelectFilter } from '../../ui/components/filters.js'
import { useDistrito } from '../../ui/context.js'
import { cursorParam, keysetPageOf, keysetWindow, pageParam, pageOf, pageWindow, type Page } from '../../ui/list-query.js'
import { type DirectoryRow, directoryPage } from '../service.js'
import { verifiedBadge } from './verified-badge.js'
import { vars } from '../../http/vars.js'

export const DIRECTORY_PAGE_SIZE = 20

const directoryQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  kind: z.enum(ORGANIZATION_KINDS).optional().catch(undefined),
  sector: z.string().max(60).optional().catch(undefined),
  subregion: z.string().max(60).optional().catch(undefined),
  page: pageParam,
  after: cursorParam,
  before: cursorParam,
})

/**
 * One organization in the directory, twenty to a page: a template (see ui/html.ts), which
 * escapes every value it is given, as JSX does.
 */
function OrganizationCard(props: { org: DirectoryRow }) {
  const request = useDistrito()
  const t = request.get('t')
  const locale = request.get('locale')
  const district = request.get('district')
  const { org } = props
  const subregion = district.config.subregions.find((s) => s.id === org.subregion)
  const sectorNames = org.sectors.map((id) => district.config.sectors.find((s) => s.id === id)?.name[locale]).filter(Boolean)
  const meta = [t(`core.org.kind.${org.kind}`), org.isAnchor ? t('core.org.anchor') : null, org.investorType ? t(`core.org.investorType.${org.investorType}`) : null,
    [org.city, subregion?.name[locale]].filter(Boolean).join(', ') || null].filter(Boolean).join(' · ')
  const badge = org.verifiedAt ? verifiedBadge(t) : ''
  const description = org.description ? html`<p class="clamp">${org.description}</p>` : ''
  const chips = sectorNames.length ? html`<ul class="chips" aria-label="${t('core.org.sectors')}">${sectorNames.map((name) => html`<li>${name}</li>`)}</ul>` : ''
  return html`<li class="card org-card"><h3 class="card-title"><a href="/orgs/${org.slug}">${org.name}</a>${badge}</h3><p class="meta">${meta}</p>${description}${chips}</li>`
}

export function directoryRoutes() {
  const app = new Hono<DistritoEnv>()
  app.get('/orgs', async (c) => {
    const { t, locale, db, district } = vars(c)
    const query = directoryQuery.parse(c.req.query())
    // Browsing goes by position (next after the last name shown); search results names first, by offset.
    const window = query.q ? pageWindow(query.page, DIRECTORY_PAGE_SIZE) : keysetWindow(query.page, DIRECTORY_PAGE_SIZE, query)
    const rows = await directoryPage(db, query, window)
    const page: Page<DirectoryRow> = query.q ? pageOf(rows, query.page, DIRECTORY_PAGE_SIZE) : keysetPageOf(rows, query.page, DIRECTORY_PAGE_SIZE, window, (org) => [org.name, org.id])
    const filtered = Boolean(query.q || query.kind || query.sector || query.subregion)
    const { config } = district
    return c.render(
      <>
        <PageHeader title={t('core.org.directoryTitle')} lead={t('core.org.directoryLead')}
          actions={c.get('can')('core:organizations.create') ? <a class="button" href="/orgs/new">{t('core.org.createLink')}</a> : null} />
        <Filters action="/orgs" label={t('core.org.searchLabel')}>
          <SearchFilter label={t('core.org.search')} value={query.q} />
          <SelectFilter name="kind" label={t('core.org.kind')} all={t('core.org.allKinds')} value={query.kind}
            options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`core.org.kind.${k}`) }))} />
          {config.sectors.length ? (
            <SelectFilter name="sector" label={t('core.org.sector')} all={t('core.org.allSectors')} value={query.sector}
              options={config.sectors.map((s) => ({ value: s.id, label: s.name[locale] }))} />
          ) : null}
          {config.subregions.length ? (
            <SelectFilter name="subregion" label={t('core.org.subregion')} all={t('core.org.allSubregions')} value={query.subregion}
              options={config.subregions.map((s) => ({ value: s.id, label: s.name[locale] }))} />
          ) : null}
          <div class="filters-actions">
            <button type="submit" class="button">{t('core.org.applyFilters')}</button>
            {filtered ? <a href="/orgs">{t('core.org.clearFilters')}</a> : null}
          </div>
        </Filters>
        {page.rows.length === 0 ? (
          <EmptyState title={filtered ? t('core.org.noResults') : t('core.org.emptyDirectory')} body={filtered ? t('core.org.noResultsHint') : undefined} />
        ) : (
          <>
            <h2 class="visually-hidden">{t('core.org.results')}</h2>
            {query.q ? <p class="meta">{t('core.org.searchOrder')}</p> : null}
            <ul class="card-list">{page.rows.map((org) => <OrganizationCard org={org} />)}</ul>
            <Pagination page={page} />
          </>
        )}
      </>,
      { title: t('core.org.directoryTitle') },
    )
  })
  return app
}
