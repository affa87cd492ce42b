/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx'
import { useDistrito, useT } from '../context.js'
import { type Page, type SortDirection, withQuery } from '../list-query.js'

export interface Column<T> {
  key: string
  label: string
  sortable?: boolean
  numeric?: boolean
  cell: (row: T) => Child
}

function SortableHeader<T>(props: { column: Column<T>; sort?: { by: string; dir: SortDirection }; url: string }) {
  const t = useT()
  const { column, sort, url } = props
  const active = sort?.by === column.key
  const nextDir: SortDirection = active && sort?.dir === 'asc' ? 'desc' : 'asc'
  const href = withQuery(url, { sort: column.key, dir: nextDir, page: undefined })
  return (
    <th scope="col" class={column.numeric ? 'numeric' : undefined} aria-sort={active ? (sort?.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={href} class="sort-link">
        {column.label}
        {/* The header's aria-sort says how the list is sorted; the link says what a click does. */}
        <span class="visually-hidden">{` (${t(nextDir === 'asc' ? 'core.table.sortAscending' : 'core.table.sortDescending')})`}</span>
        <span aria-hidden="true" class="sort-indicator">{active ? (sort?.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
      </a>
    </th>
  )
}

/**
 * A captioned table in a region that scrolls sideways on a phone instead of overflowing the page;
 * the region is focusable and named by the caption, so keyboard users can scroll it too.
 */
export function TableRegion(props: { caption: string; id?: string; children: Child }) {
  const captionId = `caption-${props.id ?? props.caption.normalize('NFD').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  return (
    <div class="table-wrap" role="region" aria-labelledby={captionId} tabindex={0}>
      <table>
        <caption id={captionId}>{props.caption}</caption>
        {props.children}
      </table>
    </div>
  )
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
  const url = c.req.url
  return (
    <div>
      <TableRegion caption={props.caption} id={props.id}>
        <thead>
          <tr>
            {props.columns.map((column) =>
              column.sortable ? (
                <SortableHeader column={column} sort={props.sort} url={url} />
              ) : (
                <th scope="col" class={column.numeric ? 'numeric' : undefined}>{column.label}</th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {props.page.rows.map((row) => (
            <tr>
              {props.columns.map((column) => (
                <td class={column.numeric ? 'numeric' : undefined}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableRegion>
      <Pagination page={props.page} />
    </div>
  )
}

/**
 * Previous / next links that keep the list's filters and sort; a list paged by position (with
 * `cursors`) links to the rows before its first and after its last.
 */
export function Pagination(props: { page: Pick<Page<unknown>, 'page' | 'perPage' | 'hasNext' | 'rows' | 'cursors'> }) {
  const t = useT()
  const c = useDistrito()
  const { page, perPage, hasNext, rows, cursors } = props.page
  if (page === 1 && !hasNext) return null
  const from = (page - 1) * perPage + 1
  const previous = page - 1 === 1 ? { page: undefined, after: undefined, before: undefined } : { page: page - 1, after: undefined, before: cursors?.first }
  const next = { page: page + 1, after: cursors?.last, before: undefined }
  return (
    <nav class="pagination" aria-label={t('core.table.pagination')}>
      <p class="pagination-status">
        {t('core.table.page', { page })} · {t('core.table.showing', { from, to: from + rows.length - 1 })}
      </p>
      <ul>
        {page > 1 ? (
          <li>
            <a rel="prev" href={withQuery(c.req.url, previous)}>
              ← {t('core.table.previous')}
            </a>
          </li>
        ) : null}
        {hasNext ? (
          <li>
            <a rel="next" href={withQuery(c.req.url, next)}>
              {t('core.table.next')} →
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
