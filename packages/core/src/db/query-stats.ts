import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Counts the SQL statements issued while serving one request. Tests use it to prove that a page
 * runs a fixed number of queries whatever the data size (no N+1), and the server reports it in
 * the Server-Timing header so the number is visible in the browser's network panel.
 */
export interface QueryStats {
  count: number
  statements: string[]
  /** The stats this one was opened inside (a test around a request): they count its statements too. */
  outer?: QueryStats
}

/** Past this a request's statements are only counted, so a runaway loop cannot fill the memory. */
const KEPT_STATEMENTS = 200

const storage = new AsyncLocalStorage<QueryStats>()

export function withQueryStats<T>(fn: () => T): { stats: QueryStats; result: T } {
  const stats: QueryStats = { count: 0, statements: [], outer: storage.getStore() }
  return { stats, result: storage.run(stats, fn) }
}

export function recordQuery(sql: string): void {
  for (let stats = storage.getStore(); stats; stats = stats.outer) {
    stats.count += 1
    if (stats.statements.length < KEPT_STATEMENTS) stats.statements.push(sql)
  }
}
