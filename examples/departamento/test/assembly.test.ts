import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'
import config from '../distrito.config.js'

describe('a department with only the challenges program', () => {
  let t: TestDistrict
  beforeAll(async () => {
    const { plugins, database: _database, ...rest } = config
    t = await createTestDistrict({ plugins: [...plugins], config: rest, seed: { demo: true } })
  })
  afterAll(() => t.close())

  it('migrates the core and the one plugin it installs, and nothing else', async () => {
    const tables = await t.district.db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'core_%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%migrations%'`)
    expect(tables.every((table) => table.name.startsWith('challenges_'))).toBe(true)
    expect(tables.length).toBeGreaterThan(10)
  })

  it('serves its own name, its challenges, and no page of programs it does not run', async () => {
    const home = await (await t.get('/')).text()
    expect(home).toContain('Distrito de Innovación de Nariño')
    expect(home).toContain('Clasificación de café pergamino con fotos del celular')
    expect(home).toMatch(/href="\/challenges"/)
    const catalogue = await (await t.get('/challenges?sector=agro')).text()
    expect(catalogue).toContain('Cooperativa Cafés del Sur')
    for (const path of ['/funding', '/softlanding', '/training']) expect((await t.get(path)).status).toBe(404)
  })
})
