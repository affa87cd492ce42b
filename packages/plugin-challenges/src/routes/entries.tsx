/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Hono } from 'hono'
import { csvResponse, displayName, pagesOf, type DistritoEnv, type PluginContext, vars } from '@distrito/core'
import { html, DataTable, EmptyState, ExportLink, Filters, PageHeader, SearchFilter, SelectFilter, pageOf, pageParam, pageSizeParam, pageWindow } from '@distrito/core/ui'
import { LISTED_ENTRY_STATUSES, challengeWithEntries, entriesFilter, exportedEntries, isFiltered } from '../domain/entries-list.js'
import { ChallengeTabs } from '../pages/challenge-tabs.js'
import { loadForStaff, loadForStaffWith } from './load.js'

/** Entries per page of the sponsor's table (`per`); the first is the default. */
const ENTRIES_PAGE_SIZES = pageSizeParam([25, 50, 100])

/** The call's entries for the people running it: a page at a time, by status or receipt, and as CSV. */
export function entriesRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  app.get('/:slug/entries', async (c) => {
    const { t } = vars(c)
    const filter = entriesFilter.parse({ status: c.req.query('status'), receipt: c.req.query('receipt') })
    if (c.req.query('format') === 'csv') {
      const { challenge: ch } = await loadForStaff(c)
      return csvResponse(c, `${ch.slug}-propuestas.csv`, [
        { header: t('challenges.csv.receipt'), value: (r) => r.receipt },
        { header: t('challenges.submission.title'), value: (r) => r.title },
        { header: t('challenges.csv.organization'), value: (r) => r.organization },
        { header: t('challenges.csv.lead'), value: (r) => (r.leadName ? displayName({ name: r.leadName, deletedAt: r.leadDeletedAt }, t) : '') },
        { header: t('challenges.csv.email'), value: (r) => (r.leadDeletedAt ? '' : r.leadEmail) },
        { header: t('challenges.csv.status'), value: (r) => t(`challenges.submission.status.${r.status}`) },
        { header: t('challenges.csv.round'), value: (r) => r.round },
        { header: t('challenges.csv.submittedAt'), value: (r) => r.submittedAt },
        { header: t('challenges.submission.summary'), value: (r) => r.summary },
      ], pagesOf(exportedEntries(ctx.db, ch.id, filter)))
    }
    const page = pageParam.parse(c.req.query('page'))
    const perPage = ENTRIES_PAGE_SIZES.parse(c.req.query('per'))
    const { limit, offset } = pageWindow(page, perPage)
    const l = await loadForStaffWith(c, challengeWithEntries(filter, limit, offset))
    const { challenge: ch } = l
    const base = `/challenges/${ch.slug}`
    const list = pageOf(l.lists.entries, page, perPage, ENTRIES_PAGE_SIZES.choices)
    const filtered = isFiltered(filter)
    const title = t('challenges.entries.title', { title: ch.title })
    return c.render(
      <>
        <PageHeader title={title} />
        <ChallengeTabs slug={ch.slug} current="entries" access={l.access} state={l.state} publicVote={ch.publicVote} />
        <Filters action={`${base}/entries`} label={t('challenges.entries.filters')}>
          <SelectFilter name="status" label={t('challenges.csv.status')} all={t('challenges.entries.allStatuses')} value={filter.status}
            options={LISTED_ENTRY_STATUSES.map((v) => ({ value: v, label: t(`challenges.submission.status.${v}`) }))} />
          <SearchFilter name="receipt" label={t('challenges.csv.receipt')} value={filter.receipt} maxLength={30} />
          <div class="filters-actions">
            <button type="submit" class="button">{t('challenges.catalogue.apply')}</button>
            {filtered ? <a href={`${base}/entries`}>{t('challenges.catalogue.clear')}</a> : null}
          </div>
        </Filters>
        {list.rows.length === 0 ? (
          <EmptyState title={t(filtered ? 'challenges.entries.noResults' : 'challenges.manage.noEntries')} />
        ) : (
          <>
            <div class="filters-actions"><ExportLink /></div>
            <DataTable caption={t('challenges.manage.entries')} id="entries" page={list} columns={[
              { key: 'title', label: t('challenges.submission.title'), cell: (r) => html`<a href="${base}/submissions/${r.id}">${r.title}</a>` },
              { key: 'team', label: t('challenges.csv.organization'), cell: (r) => r.organization ?? (r.leadName ? displayName({ name: r.leadName, deletedAt: r.leadDeletedAt }, t) : '') },
              { key: 'status', label: t('challenges.csv.status'), cell: (r) => t(`challenges.submission.status.${r.status}`) },
              { key: 'round', label: t('challenges.csv.round'), numeric: true, cell: (r) => r.round },
              { key: 'receipt', label: t('challenges.csv.receipt'), cell: (r) => r.receipt ?? '' },
            ]} />
          </>
        )}
      </>,
      { title, noindex: true },
    )
  })
}
