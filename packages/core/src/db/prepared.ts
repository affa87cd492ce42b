import { withCompiledRows } from './row-mapper.js'
import type { Executor } from './transaction.js'

/**
 * A query that drizzle builds once per database instead of on every request. Building the SQL
 * text of a select with a dozen columns and a few joins costs more than running it on SQLite (a
 * fifth of a signed-in page's CPU went to building its two queries), so the queries every page
 * runs are written with `sql.placeholder(...)` for their values and `.prepare()`d here:
 *
 *   const sessionById = prepared((db) => db.select(...).where(eq(sessions.id, sql.placeholder('id'))).prepare())
 *   const [row] = await sessionById(db).all({ id })
 *
 * A query is kept per executor: given the district's `db` it is built once; given an open
 * transaction it is built for that transaction (drizzle binds a prepared query to the session it
 * was prepared on) and forgotten with it, so a service may take either, as every service does.
 * Its rows are mapped by a mapping compiled once for the query (see `row-mapper.ts`).
 */
export function prepared<Query>(build: (db: Executor) => Query): (db: Executor) => Query {
  const one = preparedShapes(() => '', build)
  return (db) => one(db, undefined)
}

/**
 * The same for a query whose shape varies with its input (which filters a list has, which way it
 * pages): one prepared query per shape and executor, each shape named by `key`. The values go in
 * placeholders, so the number of shapes stays small whatever people search for.
 */
export function preparedShapes<Shape, Query>(key: (shape: Shape) => string, build: (db: Executor, shape: Shape) => Query): (db: Executor, shape: Shape) => Query {
  const byExecutor = new WeakMap<object, Map<string, Query>>()
  return (db, shape) => {
    let shapes = byExecutor.get(db)
    if (!shapes) byExecutor.set(db, (shapes = new Map()))
    const name = key(shape)
    let query = shapes.get(name)
    if (query === undefined) {
      query = withCompiledRows(build(db, shape))
      shapes.set(name, query)
    }
    return query
  }
}
