import type { Database } from './client.js'

/**
 * A query that drizzle builds once per database instead of on every request. Building the SQL
 * text of a select with a dozen columns and a few joins costs more than running it on SQLite (a
 * fifth of a signed-in page's CPU went to building its two queries), so the queries every page
 * runs are written with `sql.placeholder(...)` for their values and `.prepare()`d here:
 *
 *   const sessionById = prepared((db) => db.select(...).where(eq(sessions.id, sql.placeholder('id'))).prepare())
 *   const [row] = await sessionById(db).all({ id })
 *
 * Prepared queries run on the database they were built for, never inside a transaction: pass the
 * district's `db`, not a `tx`.
 */
export function prepared<Query>(build: (db: Database<any>) => Query): (db: Database<any>) => Query {
  const one = preparedShapes(() => '', build)
  return (db) => one(db, undefined)
}

/**
 * The same for a query whose shape varies with its input (which filters a list has, which way it
 * pages): one prepared query per shape and database, each shape named by `key`. The values go in
 * placeholders, so the number of shapes stays small whatever people search for.
 */
export function preparedShapes<Shape, Query>(key: (shape: Shape) => string, build: (db: Database<any>, shape: Shape) => Query): (db: Database<any>, shape: Shape) => Query {
  const byDatabase = new WeakMap<object, Map<string, Query>>()
  return (db, shape) => {
    let shapes = byDatabase.get(db)
    if (!shapes) byDatabase.set(db, (shapes = new Map()))
    const name = key(shape)
    let query = shapes.get(name)
    if (query === undefined) {
      query = build(db, shape)
      shapes.set(name, query)
    }
    return query
  }
}
