import type { ResultSet } from '@libsql/client'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import type { SQLiteTransaction } from 'drizzle-orm/sqlite-core'
import type { Database } from './client.js'

/** A transaction of the district's database, as `inTransaction` hands it to its callback. */
export type Transaction = SQLiteTransaction<'async', ResultSet, Record<string, unknown>, ExtractTablesWithRelations<Record<string, unknown>>>

/** Where a service may write: the database itself, or an open transaction. */
// `any`: a plugin's database is typed with its own tables, and every such database is welcome.
export type Executor = Database<any> | Transaction

const pending = new WeakMap<object, (() => Promise<void>)[]>()

/**
 * Runs `work` in one write transaction. What services scheduled with `afterCommit` (event
 * delivery, queued mail) runs once the transaction has committed, and never if it rolled back.
 */
export async function inTransaction<T>(db: Executor, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const callbacks: (() => Promise<void>)[] = []
  const result = await (db as Database).transaction(async (tx) => {
    pending.set(tx, callbacks)
    return work(tx as unknown as Transaction)
  })
  for (const callback of callbacks) await callback()
  return result
}

/**
 * Runs `callback` after the transaction `executor` belongs to commits; when `executor` is the
 * database itself, the write has already happened, so it runs now.
 */
export async function afterCommit(executor: Executor, callback: () => Promise<void>): Promise<void> {
  const list = pending.get(executor)
  if (list) list.push(callback)
  else await callback()
}
