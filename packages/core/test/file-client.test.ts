import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, LibsqlBatchError, LibsqlError, type Client, type ResultSet } from '@libsql/client'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { FileClient } from '../src/db/file-client/client.js'

const dir = mkdtempSync(join(tmpdir(), 'distrito-file-client-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
/** The same new database file through the stock client and through ours. */
async function pair(): Promise<{ stock: Client; ours: FileClient }> {
  const path = join(dir, `db-${++n}.db`)
  const stock = createClient({ url: `file:${path}` })
  await stock.executeMultiple(`
    CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, score REAL, big INTEGER, data BLOB, note TEXT);
    INSERT INTO t VALUES (1, 'ana', 4.5, 9007199254740991, x'0102', NULL);
    INSERT INTO t VALUES (2, 'beto', NULL, -3, NULL, 'hola');
  `)
  return { stock, ours: new FileClient(path) }
}

/** What a caller can observe of a result: named keys, positions, length, values and counts. */
function observable(result: ResultSet) {
  return {
    columns: result.columns,
    columnTypes: result.columnTypes,
    rowsAffected: result.rowsAffected,
    lastInsertRowid: result.lastInsertRowid,
    rows: result.rows.map((row) => ({
      keys: Object.keys(row),
      named: { ...row },
      positional: Array.prototype.slice.call(row).map((v) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v)),
      length: row.length,
    })),
    json: result.toJSON(),
  }
}

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run()
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe('FileClient', () => {
  let stock: Client
  let ours: FileClient
  beforeEach(async () => ({ stock, ours } = await pair()))

  it('answers every query exactly as @libsql/client does, and keeps answering after a statement is reused', async () => {
    const queries = [
      { sql: 'SELECT * FROM t ORDER BY id', args: [] },
      { sql: 'SELECT t.id, u.id, t.name FROM t JOIN t AS u ON u.id <> t.id ORDER BY t.id', args: [] },
      { sql: 'SELECT name, score FROM t WHERE id = ? AND name <> ?', args: [1, 'x'] },
      { sql: 'SELECT name FROM t WHERE id = :id', args: { ':id': 2 } },
      { sql: 'SELECT ? AS flag, ? AS at, ? AS bytes', args: [true, new Date(86_400_000), new Uint8Array([7, 8]).buffer] },
      { sql: 'SELECT count(*) AS n FROM t WHERE score IS NULL', args: [] },
    ]
    for (const query of queries) {
      const expected = observable(await stock.execute(query))
      expect(observable(await ours.execute(query)), query.sql).toEqual(expected)
      expect(observable(await ours.execute(query)), `${query.sql} (prepared before)`).toEqual(expected)
    }
    // Both clients open the same file: each writes its own row, and reports it the same way.
    const insert = 'INSERT INTO t (id, name) VALUES (?, ?)'
    const theirs = observable(await stock.execute({ sql: insert, args: [10, 'carla'] }))
    const mine = observable(await ours.execute({ sql: insert, args: [11, 'dora'] }))
    expect(mine).toEqual({ ...theirs, lastInsertRowid: 11n, json: { ...theirs.json, lastInsertRowid: '11' } })
  })

  it('reports SQL failures with the same codes, and refuses what cannot be stored', async () => {
    const duplicate = { sql: 'INSERT INTO t (name) VALUES (?)', args: ['ana'] }
    const theirs = (await errorOf(() => stock.execute(duplicate))) as LibsqlError
    const mine = (await errorOf(() => ours.execute(duplicate))) as LibsqlError
    expect(mine).toBeInstanceOf(LibsqlError)
    expect([mine.code, mine.extendedCode, mine.rawCode, mine.message]).toEqual([theirs.code, theirs.extendedCode, theirs.rawCode, theirs.message])
    await expect(ours.execute('SELECT * FROM nowhere')).rejects.toMatchObject({ code: 'SQLITE_ERROR' })
    await expect(ours.execute({ sql: 'SELECT ?', args: [undefined as never] })).rejects.toThrow(TypeError)
    await ours.execute('UPDATE t SET big = 9007199254740993 WHERE id = 2')
    await expect(ours.execute('SELECT big FROM t WHERE id = 2')).rejects.toThrow(RangeError)
  })

  it('commits a batch whole or not at all, and says which statement failed', async () => {
    const failing = (await errorOf(() =>
      ours.batch([
        { sql: 'INSERT INTO t (id, name) VALUES (?, ?)', args: [20, 'eva'] },
        { sql: 'INSERT INTO t (id, name) VALUES (?, ?)', args: [21, 'ana'] },
      ], 'write'),
    )) as LibsqlBatchError
    expect(failing).toBeInstanceOf(LibsqlBatchError)
    expect(failing.statementIndex).toBe(1)
    expect((await ours.execute('SELECT count(*) AS n FROM t')).rows[0]!.n).toBe(2)
    const results = await ours.batch([{ sql: 'INSERT INTO t (id, name) VALUES (?, ?)', args: [20, 'eva'] }, 'SELECT name FROM t WHERE id = 20'], 'write')
    expect(results[1]!.rows[0]!.name).toBe('eva')
  })

  it('keeps a transaction on its own connection until it commits or rolls back', async () => {
    const tx = await ours.transaction('write')
    await tx.execute({ sql: 'INSERT INTO t (id, name) VALUES (?, ?)', args: [30, 'fabio'] })
    // Outside the transaction its write is not visible yet.
    expect((await ours.execute('SELECT count(*) AS n FROM t')).rows[0]!.n).toBe(2)
    await tx.commit()
    expect(tx.closed).toBe(true)
    await expect(tx.execute('SELECT 1')).rejects.toMatchObject({ code: 'TRANSACTION_CLOSED' })
    expect((await ours.execute('SELECT count(*) AS n FROM t')).rows[0]!.n).toBe(3)

    const undone = await ours.transaction('write')
    await undone.batch([{ sql: 'DELETE FROM t', args: [] }])
    await undone.rollback()
    const abandoned = await ours.transaction('deferred')
    await abandoned.execute('DELETE FROM t')
    abandoned.close()
    expect((await ours.execute('SELECT count(*) AS n FROM t')).rows[0]!.n).toBe(3)
  })

  it('sees a changed schema: prepared column lists are dropped when a statement alters it', async () => {
    expect((await ours.execute('SELECT * FROM t WHERE id = 1')).columns).not.toContain('extra')
    await ours.execute('ALTER TABLE t ADD COLUMN extra TEXT')
    expect((await ours.execute('SELECT * FROM t WHERE id = 1')).columns).toContain('extra')
    await ours.migrate([{ sql: 'ALTER TABLE t ADD COLUMN more TEXT', args: [] }])
    expect((await ours.execute('SELECT * FROM t WHERE id = 1')).columns).toContain('more')
    await ours.executeMultiple('ALTER TABLE t ADD COLUMN last TEXT;')
    expect((await ours.execute('SELECT * FROM t WHERE id = 1')).columns).toContain('last')
  })

  it('refuses work once closed', async () => {
    ours.close()
    await expect(ours.execute('SELECT 1')).rejects.toMatchObject({ code: 'CLIENT_CLOSED' })
    await ours.reconnect()
    expect((await ours.execute('SELECT 1 AS one')).rows[0]!.one).toBe(1)
  })
})
