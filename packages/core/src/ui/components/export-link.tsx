/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { useDistrito } from '../context.js'
import { withQuery } from '../list-query.js'

/** "Download CSV" for the list on the page, with its current filters (`?format=csv`). */
export function ExportLink() {
  const c = useDistrito()
  const url = new URL(c.req.url)
  return (
    <a class="button button--secondary" href={withQuery(`${url.pathname}${url.search}`, { format: 'csv', page: undefined })} download>
      {c.get('t')('core.exports.csv')}
    </a>
  )
}
