import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createDistrict, silentLogger } from '@distrito/core'
import { openDatabase } from '@distrito/core/db'
import { describeError, runCli } from '@distrito/core/cli'
import { testDistrictConfig } from '@distrito/core/testing'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const { port } = server.address() as { port: number }
  await new Promise((r) => server.close(r))
  return port
}

describe('database', () => {
  it('creates the data folder of a file database and switches it to WAL with a busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'distrito-db-'))
    dirs.push(dir)
    const handle = await openDatabase({ url: `file:${join(dir, 'nested', 'data', 'distrito.db')}` })
    expect(existsSync(join(dir, 'nested', 'data'))).toBe(true)
    expect(await handle.db.all(sql`PRAGMA journal_mode`)).toEqual([{ journal_mode: 'wal' }])
    expect(await handle.db.all(sql`PRAGMA busy_timeout`)).toEqual([{ timeout: 5000 }])
    expect(await handle.db.all(sql`PRAGMA foreign_keys`)).toEqual([{ foreign_keys: 1 }])
    handle.close()
  })

  it('lets two requests write at once: the second waits its turn instead of stalling the process and failing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'distrito-db-'))
    dirs.push(dir)
    const handle = await openDatabase({ url: `file:${join(dir, 'writers.db')}` })
    const { db } = handle
    await db.run(sql`CREATE TABLE t (x integer)`)
    const started = performance.now()
    // The first request's transaction awaits something (a file being saved) between its writes.
    const first = db.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO t VALUES (1)`)
      await new Promise((resolve) => setTimeout(resolve, 50))
      await tx.run(sql`INSERT INTO t VALUES (2)`)
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    // Meanwhile another request writes, in a transaction and on its own; a third only reads.
    const second = db.transaction(async (tx) => { await tx.run(sql`INSERT INTO t VALUES (3)`) })
    const third = db.run(sql`INSERT INTO t VALUES (4)`)
    const read = db.all<{ n: number }>(sql`SELECT count(*) AS n FROM t`)
    const [, , , seen] = await Promise.all([first, second, third, read])
    expect(performance.now() - started).toBeLessThan(1000)
    expect(await db.all(sql`SELECT x FROM t ORDER BY rowid`)).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }, { x: 4 }])
    // The reader was not held back behind the writers: it saw the table before they committed.
    expect(seen).toEqual([{ n: 0 }])
    // A failed transaction gives its turn back.
    await expect(db.transaction(async (tx) => { await tx.run(sql`INSERT INTO missing VALUES (1)`) })).rejects.toThrow()
    await db.run(sql`INSERT INTO t VALUES (5)`)
    expect(await db.all(sql`SELECT count(*) AS n FROM t`)).toEqual([{ n: 5 }])
    handle.close()
  })

  it('takes a libsql server URL without touching the disk, and reports an unreachable server', async () => {
    const port = await closedPort()
    const cwdBefore = existsSync('data')
    const district = await createDistrict({ ...testDistrictConfig, logger: silentLogger, database: { url: `http://127.0.0.1:${port}`, authToken: 'token' }, plugins: [] })
    expect(existsSync('data')).toBe(cwdBefore)
    const health = await district.app.request('/health')
    expect(health.status).toBe(503)
    const error = await district.migrate().catch((e: unknown) => e)
    expect(describeError(error)).toMatch(/ECONNREFUSED|fetch failed/)
    district.close()
    const lines: string[] = []
    const code = await runCli(['migrate'], {
      load: async () => ({ ...testDistrictConfig, logger: silentLogger, database: { url: `http://127.0.0.1:${port}` }, plugins: [] }),
      io: { out: () => {}, err: (l) => lines.push(l) },
      env: { DISTRITO_LOCALE: 'en' },
    })
    expect(code).toBe(1)
    expect(lines[0]).toMatch(/^"distrito migrate" could not finish: Failed query: .* ← .*(fetch failed|ECONNREFUSED)/)
  })

  it('keeps SQL counts and timings out of responses unless asked to show them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'distrito-db-'))
    dirs.push(dir)
    const base = { ...testDistrictConfig, logger: silentLogger, database: { url: `file:${join(dir, 'db.sqlite')}` }, plugins: [] }
    const production = await createDistrict(base)
    expect((await production.app.request('/')).headers.get('Server-Timing')).toBeNull()
    production.close()
    const development = await createDistrict({ ...base, serverTiming: true })
    expect((await development.app.request('/')).headers.get('Server-Timing')).toMatch(/^app;dur=[\d.]+, db;desc="0 queries"$/)
    development.close()
  })

  it('uses DATABASE_URL when the configuration names no database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'distrito-db-'))
    dirs.push(dir)
    const previous = process.env.DATABASE_URL
    process.env.DATABASE_URL = `file:${join(dir, 'from-env.db')}`
    try {
      const district = await createDistrict({ ...testDistrictConfig, logger: silentLogger, plugins: [] })
      await district.migrate()
      district.close()
      expect(existsSync(join(dir, 'from-env.db'))).toBe(true)
    } finally {
      if (previous === undefined) delete process.env.DATABASE_URL
      else process.env.DATABASE_URL = previous
    }
  })
})
