import type { Client, InStatement, Transaction, TransactionMode } from '@libsql/client'

/** Statements that change the database (and so need the write lock), by their first word. */
const WRITE = /^\s*(insert|update|delete|replace|create|drop|alter|begin|commit|pragma|vacuum|reindex|analyze|with\b[\s\S]*\b(insert|update|delete)\b)/i

const KNOWN_LIMIT = 1000
const known = new Map<string, boolean>()

/**
 * Whether a statement writes, remembered per SQL text: a district runs a few hundred distinct
 * statements, and the pattern scans a whole `WITH` query on each test.
 */
function writes(statement: InStatement | string): boolean {
  const sql = typeof statement === 'string' ? statement : statement.sql
  let write = known.get(sql)
  if (write === undefined) {
    write = WRITE.test(sql)
    if (known.size >= KNOWN_LIMIT) known.clear()
    known.set(sql, write)
  }
  return write
}

/** A queue of one: each holder runs after the previous one released. */
function createLock() {
  let tail: Promise<void> = Promise.resolve()
  return async function acquire(): Promise<() => void> {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const previous = tail
    tail = previous.then(() => held)
    await previous
    let released = false
    return () => {
      if (released) return
      released = true
      release()
    }
  }
}

/**
 * libsql runs a file database's statements synchronously. When one request's write transaction
 * awaits something (a file being saved) and another request starts writing, the second one's busy
 * handler blocks the event loop for the whole busy timeout, so the first can never finish: the
 * process stalls for five seconds and the second write fails. Writers of one process therefore
 * take turns here, asynchronously; readers never wait (WAL lets them read beside a writer), and
 * other processes are still kept in order by SQLite's own lock and busy timeout.
 */
export function serializeWrites(client: Client): Client {
  const acquire = createLock()
  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    const release = await acquire()
    try {
      return await run()
    } finally {
      release()
    }
  }
  const transaction = async (mode?: TransactionMode): Promise<Transaction> => {
    if (mode === 'read') return client.transaction(mode)
    const release = await acquire()
    let tx: Transaction
    try {
      tx = await client.transaction(mode)
    } catch (error) {
      release()
      throw error
    }
    // The lock is held until the transaction ends, however it ends.
    return new Proxy(tx, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver)
        if (property === 'commit' || property === 'rollback') {
          return async () => {
            try {
              return await (value as () => Promise<void>).call(target)
            } finally {
              release()
            }
          }
        }
        if (property === 'close') {
          return () => {
            try {
              ;(value as () => void).call(target)
            } finally {
              release()
            }
          }
        }
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  }
  return new Proxy(client, {
    get(target, property, receiver) {
      switch (property) {
        case 'execute':
          return (statement: InStatement | string, args?: unknown) => {
            const run = () => (target.execute as (s: unknown, a?: unknown) => ReturnType<Client['execute']>)(statement, args)
            return writes(statement) ? guarded(run) : run()
          }
        case 'batch':
          return (statements: InStatement[], mode?: TransactionMode) =>
            mode === 'read' ? target.batch(statements, mode) : guarded(() => target.batch(statements, mode))
        case 'migrate':
          return (statements: InStatement[]) => guarded(() => target.migrate(statements))
        case 'executeMultiple':
          return (sql: string) => guarded(() => target.executeMultiple(sql))
        case 'transaction':
          return transaction
        default: {
          const value = Reflect.get(target, property, receiver)
          return typeof value === 'function' ? value.bind(target) : value
        }
      }
    },
  })
}
