import { afterEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Client } from '@libsql/client'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'
import { organizations } from '@distrito/core/db'
import { fullTextIndexes, optimizeSearchIndexes } from '../src/db/search-indexes.js'

let t: TestDistrict
afterEach(() => t?.close())

/** The district's own connection (drizzle keeps it as `$client`), so writes see its write lock. */
const clientOf = (district: TestDistrict) => (district.district.db as unknown as { $client: Client }).$client

/** The slugs the directory finds for a search. */
async function found(q: string): Promise<string[]> {
  const html = await (await t.get(`/orgs?q=${encodeURIComponent(q)}`)).text()
  return [...html.matchAll(/card-title"><a href="\/orgs\/([^"]+)"/g)].map((m) => m[1]!)
}

/**
 * Two organizations written one transaction each, and the first renamed: three writes, so three
 * segments in the index, one of them with the first name's stale entries. FTS5 alone merges a level
 * once it has four.
 */
async function writeThreeTimes() {
  const first = await t.createOrganization({ name: 'Datos Abiertos' })
  const second = await t.createOrganization({ name: 'Cosecha Segura' })
  await t.district.db.update(organizations).set({ name: 'Cosecha Inteligente' }).where(eq(organizations.id, first.id))
  // Renamed last, so it is the newest match.
  return [first, second]
}

/** Rows in the index's own storage: segments' pages and their structure. */
async function indexRows(): Promise<number> {
  const result = await clientOf(t).execute('SELECT count(*) AS n FROM core_organizations_fts_data')
  return Number(result.rows[0]!.n)
}

describe('full-text index upkeep', () => {
  it('finds every full-text index, the core’s and any other, and no ordinary table', async () => {
    t = await createTestDistrict()
    const client = clientOf(t)
    await client.execute('CREATE VIRTUAL TABLE plugin_notes_fts USING fts5(body)')
    expect(await fullTextIndexes(client)).toEqual(['core_organizations_fts', 'plugin_notes_fts'])
  })

  it('merges what writes left behind, in rounds, then has nothing to do; searches find the same', async () => {
    t = await createTestDistrict()
    const orgs = await writeThreeTimes()
    const before = await indexRows()
    const search = async () => ({ renamed: await found('cosecha'), old: await found('abiertos') })
    const expected = { renamed: orgs.map((o) => o.slug), old: [] }
    expect(await search()).toEqual(expected)
    // FTS5's own `merge` would leave three segments alone; the job merges a level at two.
    expect((await t.district.jobs.runOnce())['search-index']).toBe(1)
    expect((await t.district.jobs.runOnce())['search-index']).toBe(0)
    expect(await indexRows()).toBeLessThan(before)
    expect(await search()).toEqual(expected)
  })

  it('merges a whole index into one after a bulk load, so the job has nothing left to do', async () => {
    t = await createTestDistrict()
    const orgs = await writeThreeTimes()
    expect(await optimizeSearchIndexes(clientOf(t))).toEqual(['core_organizations_fts'])
    expect((await t.district.jobs.runOnce())['search-index']).toBe(0)
    expect(await found('cosecha')).toEqual(orgs.map((o) => o.slug))
  })
})
