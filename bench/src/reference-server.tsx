/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The reference page: 20 rows of the generated district's organizations read with drizzle
// through the stock @libsql/client and rendered with hono/jsx, served by @hono/node-server, with
// none of the district (no session, shell, security headers, language or statement counting).
// Beside the bare route it shows what a list page costs on this stack before anything the district
// adds, so a page's share can be read against it.
import { createClient } from '@libsql/client'
import { asc } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { Hono } from 'hono'
import { listen } from './listen.js'

const organizations = sqliteTable('core_organizations', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  city: text('city'),
  description: text('description'),
})

type Organization = typeof organizations.$inferSelect

const PAGE_SIZE = 20

function Page(props: { rows: Organization[] }) {
  return (
    <html lang="es">
      <head>
        <meta charset="utf-8" />
        <title>Organizaciones</title>
      </head>
      <body>
        <main>
          <h1>Organizaciones</h1>
          <ul>
            {props.rows.map((row) => (
              <li>
                <h2><a href={`/orgs/${row.slug}`}>{row.name}</a></h2>
                <p>{row.kind} · {row.city}</p>
                <p>{row.description}</p>
              </li>
            ))}
          </ul>
        </main>
      </body>
    </html>
  )
}

const db = drizzle(createClient({ url: `file:${process.env.DATABASE_PATH}` }))
const app = new Hono()
app.get('/', async (c) => {
  const rows = await db.select().from(organizations).orderBy(asc(organizations.name), asc(organizations.id)).limit(PAGE_SIZE)
  // As a string: @hono/node-server sends a string in one write, a rendered String object down its
  // streaming path (docs/benchmarks.md, first round).
  return c.html(String(<Page rows={rows} />))
})
listen(app)
