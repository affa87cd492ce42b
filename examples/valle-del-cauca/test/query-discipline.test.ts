import { describe, expect, it } from 'vitest'
import { createTestDistrict, type TestClient } from '@distrito/core/testing'
import valle from '../distrito.config.js'

/** Each benchmarked page's SQL count on a generated district of the given scale. */
async function queriesPerPage(scale: number): Promise<Map<string, number>> {
  const world = await createTestDistrict({ plugins: [...valle.plugins], config: { sectors: valle.sectors, subregions: valle.subregions } })
  try {
    await world.district.generate({ scale })
    const manifest = await world.district.benchManifest()
    const visitors = new Map<string | undefined, TestClient>()
    const counts = new Map<string, number>()
    for (const page of manifest.pages) {
      let visitor = visitors.get(page.as)
      if (!visitor) {
        visitor = world.client()
        if (page.as) await visitor.login(page.as, manifest.password)
        visitors.set(page.as, visitor)
      }
      const response = await visitor.get(page.path)
      expect(response.status, page.name).toBe(200)
      counts.set(page.name, response.queries)
    }
    return counts
  } finally {
    world.close()
  }
}

describe('query discipline', () => {
  it('every page the benchmark drives runs the same few queries on five times the data', async () => {
    const small = await queriesPerPage(0.002)
    const large = await queriesPerPage(0.01)
    // Every installed program's pages are there: the core's and the challenges'.
    expect([...small.keys()].filter((name) => name.startsWith('challenges:')).length).toBeGreaterThanOrEqual(8)
    expect(Object.fromEntries(large)).toEqual(Object.fromEntries(small))
    for (const [name, queries] of small) expect(queries, name).toBeLessThanOrEqual(12)
  }, 60_000)
})
