import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'
import { notesPlugin } from './fixtures/notes/plugin.js'

let t: TestDistrict
afterEach(() => t?.close())

describe('a plugin assembled into a district', () => {
  it('mounts its routes at /<id> and adds its navigation entry to the shell', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin()] })
    const res = await t.get('/notes')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1>Notas del distrito</h1>')
    expect(html).toMatch(/<a href="\/notes"[^>]*aria-current="page"[^>]*>Notas<\/a>/)
    const home = await (await t.get('/')).text()
    expect(home).toMatch(/<a href="\/notes">Notas<\/a>/)
  })

  it('runs its migrations into its own table, separate from the core', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin()] })
    const tables = await t.district.db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    const names = tables.map((r) => r.name)
    expect(names).toContain('notes_entries')
    expect(names).toContain('__distrito_migrations_core')
    expect(names).toContain('__distrito_migrations_notes')
    expect(await t.district.pendingMigrations()).toEqual([])
  })

  it('queries its own schema relationally, on the district’s connection', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin()], seed: true })
    const res = await t.get('/notes/seed-1')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<h1>Nota 01</h1>')
    expect(res.queries).toBe(1)
    expect(t.district.plugins[0]?.context.db).not.toBe(t.district.db)
  })

  it('lists the permissions it declares, namespaced by its id', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin()] })
    expect(t.district.permissions.filter((p) => !p.startsWith('core:'))).toEqual(['notes:write'])
  })

  it('is frozen once assembled', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin()] })
    expect(Object.isFrozen(t.district)).toBe(true)
    expect(Object.isFrozen(t.district.plugins)).toBe(true)
    expect(() => (t.district.permissions as string[]).push('notes:everything')).toThrow(TypeError)
  })

  it('validates and applies its options', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin({ perPage: 2 })], seed: true })
    const html = await (await t.get('/notes')).text()
    expect(html.match(/<tr>/g)?.length).toBe(3) // header row + 2 rows
    expect(html).toContain('rel="next"')
  })

  it('seeds idempotently: a second run adds nothing', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin()] })
    const progress: string[] = []
    const count = async () => (await t.district.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM notes_entries`))[0]!.n
    await t.district.seed({ demo: true, onProgress: (owner, done, total) => progress.push(`${owner} ${done}/${total}`) })
    const first = await count()
    await t.district.seed({ demo: true })
    expect(first).toBe(25)
    expect(await count()).toBe(25)
    expect(progress).toContain('notes 25/25')
  })

  it('shows its summary widget on the home page', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin()], seed: true })
    const html = await (await t.get('/')).text()
    expect(html).toContain('Últimas notas')
    expect(html).toContain('<a href="/notes/seed-2">Nota 02</a>')
    expect(html).not.toContain('aún no tiene programas')
  })

  it('translates its messages in both languages', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin()] })
    const es = await (await t.get('/notes')).text()
    const en = await (await t.get('/notes', { headers: { 'Accept-Language': 'en' } })).text()
    expect(es).toContain('Notas del distrito')
    expect(en).toContain('District notes')
    expect(en).toContain('<html lang="en">')
  })
})
