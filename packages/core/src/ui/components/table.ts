import { html, raw } from '../html.js'
import type { Child } from 'hono/jsx'
import { useDistrito, useT } from '../context.js'
import { type Page, type SortDirection, withQuery } from '../list-query.js'

// Templates (see ui/html.ts): a table page renders hundreds of cells. Cells and children may
// still be JSX; `html` renders and escapes them as JSX does.

export interface Column<T> {
  key: string
  label: string
  sortable?: boolean
  numeric?: boolean
  cell: (row: T) => Child
}

const NUMERIC = raw(' class="numeric"')
const TD = raw('<td>')
const TD_NUMERIC = raw('<td class="numeric">')

function sortableHeader<T>(t: ReturnType<typeof useT>, column: Column<T>, sort: { by: string; dir: SortDirection } | undefined, url: string) {
  const active = sort?.by === column.key
  const nextDir: SortDirection = active && sort?.dir === 'asc' ? 'desc' : 'asc'
  const href = withQuery(url, { sort: column.key, dir: nextDir, page: undefined })
  const ariaSort = active ? html` aria-sort="${sort?.dir === 'asc' ? 'ascending' : 'descending'}"` : ''
  // The header's aria-sort says how the list is sorted; the link says what a click does.
  return html`<th scope="col"${column.numeric ? NUMERIC : ''}${ariaSort}><a href="${href}" class="sort-link">${column.label}<span class="visually-hidden">${` (${t(nextDir === 'asc' ? 'core.table.sortAscending' : 'core.table.sortDescending')})`}</span><span aria-hidden="true" class="sort-indicator">${active ? (sort?.dir === 'asc' ? '▲' : '▼') : '↕'}</span></a></th>`
}

/**
 * A captioned table in a region that scrolls sideways on a phone instead of overflowing the page;
 * the region is focusable and named by the caption, so keyboard users can scroll it too.
 */
export function TableRegion(props: { caption: string; id?: string; children: Child }) {
  const captionId = `caption-${props.id ?? props.caption.normalize('NFD').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  return html`<div class="table-wrap" role="region" aria-labelledby="${captionId}" tabindex="0"><table><caption id="${captionId}">${props.caption}</caption>${props.children}</table></div>`
}

/** A table of one page of rows, with sortable headers. Scrolls sideways on a phone instead of overflowing. */
export function DataTable<T>(props: {
  caption: string
  /** Needed when a page shows two tables with the same caption. */
  id?: string
  columns: Column<T>[]
  page: Page<T>
  sort?: { by: string; dir: SortDirection }
}) {
  const c = useDistrito()
  const t = c.get('t')
  const url = c.req.url
  const { columns } = props
  const headers = columns.map((column) =>
    column.sortable ? sortableHeader(t, column, props.sort, url) : html`<th scope="col"${column.numeric ? NUMERIC : ''}>${column.label}</th>`,
  )
  const rows = props.page.rows.map((row) => html`<tr>${columns.map((column) => html`${column.numeric ? TD_NUMERIC : TD}${column.cell(row)}</td>`)}</tr>`)
  const table = TableRegion({ caption: props.caption, id: props.id, children: html`<thead><tr>${headers}</tr></thead><tbody>${rows}</tbody>` })
  return html`<div>${table}${pagination(t, url, props.page)}</div>`
}

type PageLinks = Pick<Page<unknown>, 'page' | 'perPage' | 'hasNext' | 'rows' | 'cursors' | 'perPageChoices'>

function pagination(t: ReturnType<typeof useT>, url: string, links: PageLinks) {
  const { page, perPage, hasNext, rows, cursors, perPageChoices } = links
  const choosable = perPageChoices && perPageChoices.length > 1 && (hasNext || page > 1 || rows.length > Math.min(...perPageChoices))
  if (page === 1 && !hasNext && !choosable) return ''
  const from = (page - 1) * perPage + 1
  const previous = page - 1 === 1 ? { page: undefined, after: undefined, before: undefined } : { page: page - 1, after: undefined, before: cursors?.first }
  const next = { page: page + 1, after: cursors?.last, before: undefined }
  const previousLink = page > 1 ? html`<li><a rel="prev" href="${withQuery(url, previous)}">← ${t('core.table.previous')}</a></li>` : ''
  const nextLink = hasNext ? html`<li><a rel="next" href="${withQuery(url, next)}">${t('core.table.next')} →</a></li>` : ''
  const steps = previousLink || nextLink ? html`<ul>${previousLink}${nextLink}</ul>` : ''
  return html`<nav class="pagination" aria-label="${t('core.table.pagination')}"><p class="pagination-status">${t('core.table.page', { page })} · ${t('core.table.showing', { from, to: from + rows.length - 1 })}</p>${steps}${choosable ? pageSizes(t, url, perPage, perPageChoices) : ''}</nav>`
}

// A change of size starts again from the first page: the rows before it move with the size.
function pageSizes(t: ReturnType<typeof useT>, url: string, perPage: number, choices: readonly number[]) {
  const options = choices.map((n) =>
    n === perPage
      ? html` <strong aria-current="true">${n}</strong>`
      : html` <a href="${withQuery(url, { per: n === choices[0] ? undefined : n, page: undefined, after: undefined, before: undefined })}">${n}</a>`,
  )
  return html`<p class="pagination-size">${t('core.table.perPage')}${options}</p>`
}

/**
 * Previous / next links that keep the list's filters and sort; a list paged by position (with
 * `cursors`) links to the rows before its first and after its last.
 */
export function Pagination(props: { page: PageLinks }) {
  const c = useDistrito()
  return pagination(c.get('t'), c.req.url, props.page)
}
