import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Counts the SQL statements issued while serving one request. Tests use it to prove that a page
 * runs a fixed number of queries whatever the data size (no N+1), and the server reports it in
 * the Server-Timing header so the number is visible in the browser's network panel.
 */
export interface QueryStats {
  count: number
  statements: string[]
}

const storage = new AsyncLocalStorage<QueryStats>()

export function withQueryStats<T>(fn: () => T): { stats: QueryStats; result: T } {
  const stats: QueryStats = { count: 0, statements: [] }
  return { stats, result: storage.run(stats, fn) }
}

export function recordQuery(sql: string): void {
  const stats = storage.getStore()
  if (!stats) return
  stats.count += 1
  if (stats.statements.length < 200) stats.statements.push(sql)
}
