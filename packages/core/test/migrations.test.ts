import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createDistrict, definePlugin, silentLogger, type District } from '@distrito/core'
import { coreMigrationCount, testDistrictConfig } from '@distrito/core/testing'
import { applyMigrations } from '../src/db/migrations.js'
import { CORE_MIGRATIONS } from '../src/district/create-district.js'
import { directoryPage } from '../src/organizations/service.js'

const dirs: string[] = []
const districts: District[] = []
afterEach(() => {
  districts.splice(0).forEach((d) => d.close())
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'distrito-mig-'))
  dirs.push(dir)
  return dir
}

/** Writes a drizzle migrations folder: each entry is [timestamp, SQL statements]. */
function migrationsFolder(entries: [number, string[]][]): string {
  const folder = tempDir()
  mkdirSync(join(folder, 'meta'))
  const journal = entries.map(([when], idx) => ({ idx, version: '6', when, tag: `${String(idx).padStart(4, '0')}_m`, breakpoints: true }))
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries: journal }))
  entries.forEach(([, statements], idx) => writeFileSync(join(folder, `${String(idx).padStart(4, '0')}_m.sql`), statements.join('\n--> statement-breakpoint\n')))
  return folder
}

const pluginWith = (id: string, migrations: string) => definePlugin({ id, version: '1.0.0', requires: { core: '^0.1.0' }, db: { migrations } })()

async function district(url: string, plugins: ReturnType<typeof pluginWith>[]): Promise<District> {
  const d = await createDistrict({ ...testDistrictConfig, logger: silentLogger, database: { url }, plugins })
  districts.push(d)
  return d
}

describe('migrations, per package', () => {
  it('applies a plugin migration older than the core’s newest (each package has its own table)', async () => {
    const url = `file:${join(tempDir(), 'db.sqlite')}`
    // Dated 1970: a shared table would consider it already applied and skip it.
    const old = migrationsFolder([[1000, ['CREATE TABLE legacy_items (id integer primary key)']]])
    const d = await district(url, [pluginWith('legacy', old)])
    expect(await d.pendingMigrations()).toEqual([{ owner: 'core', pending: coreMigrationCount() }, { owner: 'legacy', pending: 1 }])
    expect(await d.migrate()).toEqual([{ owner: 'core', applied: coreMigrationCount() }, { owner: 'legacy', applied: 1 }])
    const tables = await d.db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE name = 'legacy_items'`)
    expect(tables).toHaveLength(1)
    expect(await d.migrate()).toEqual([{ owner: 'core', applied: 0 }, { owner: 'legacy', applied: 0 }])
  })

  it('upgrades a plugin with data in its tables without losing rows', async () => {
    const url = `file:${join(tempDir(), 'db.sqlite')}`
    const v1: [number, string[]][] = [
      [1_700_000_000_000, ['CREATE TABLE shop_items (id integer primary key, name text not null)', 'CREATE TABLE shop_notes (id integer primary key, item_id integer not null references shop_items(id) on delete cascade, body text)']],
    ]
    const first = await district(url, [pluginWith('shop', migrationsFolder(v1))])
    await first.migrate()
    await first.db.run(sql`INSERT INTO shop_items (id, name) VALUES (1, 'Sensor'), (2, 'Dron')`)
    await first.db.run(sql`INSERT INTO shop_notes (item_id, body) VALUES (1, 'calibrar')`)
    first.close()
    districts.splice(districts.indexOf(first), 1)

    // v2 rebuilds the parent table the way drizzle-kit does for SQLite column changes.
    const v2 = migrationsFolder([
      ...v1,
      [1_800_000_000_000, [
        'CREATE TABLE __new_shop_items (id integer primary key, name text not null, price integer not null default 0)',
        'INSERT INTO __new_shop_items (id, name) SELECT id, name FROM shop_items',
        'DROP TABLE shop_items',
        'ALTER TABLE __new_shop_items RENAME TO shop_items',
      ]],
    ])
    const second = await district(url, [pluginWith('shop', v2)])
    expect(await second.pendingMigrations()).toEqual([{ owner: 'shop', pending: 1 }])
    await second.migrate()
    const items = await second.db.all<{ name: string; price: number }>(sql`SELECT name, price FROM shop_items ORDER BY id`)
    expect(items).toEqual([{ name: 'Sensor', price: 0 }, { name: 'Dron', price: 0 }])
    const notes = await second.db.all<{ body: string }>(sql`SELECT body FROM shop_notes`)
    expect(notes).toEqual([{ body: 'calibrar' }])
  })

  it('a failing migration leaves the package unmigrated, not half-written', async () => {
    const url = `file:${join(tempDir(), 'db.sqlite')}`
    const broken = migrationsFolder([[1000, ['CREATE TABLE half_done (id integer)', 'THIS IS NOT SQL']]])
    const d = await district(url, [pluginWith('broken', broken)])
    await expect(d.migrate()).rejects.toThrow()
    expect(await d.db.all(sql`SELECT name FROM sqlite_master WHERE name = 'half_done'`)).toEqual([])
    expect(await d.pendingMigrations()).toEqual([{ owner: 'broken', pending: 1 }])
  })
})

describe('core upgrades', () => {
  it('starts organizations verified before 0.1.x’s verification workflow in its verified state', async () => {
    const url = `file:${join(tempDir(), 'db.sqlite')}`
    const d = await district(url, [])
    // The core as it was before the engine: its first four migrations.
    const before = tempDir()
    cpSync(CORE_MIGRATIONS, before, { recursive: true })
    const journal = JSON.parse(readFileSync(join(before, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }
    journal.entries = journal.entries.filter((e) => e.tag < '0004')
    writeFileSync(join(before, 'meta', '_journal.json'), JSON.stringify(journal))
    expect(await applyMigrations(d.db, { owner: 'core', folder: before })).toBe(4)
    await d.db.run(sql`INSERT INTO core_organizations (id, slug, name, kind, country, verified_at) VALUES ('o1', 'o1', 'Verificada', 'startup', 'CO', 1700000000000), ('o2', 'o2', 'Sin verificar', 'startup', 'CO', NULL)`)
    expect(await d.migrate()).toEqual([{ owner: 'core', applied: coreMigrationCount() - 4 }])
    const items = await d.db.all<{ item_id: string; state: string }>(sql`SELECT item_id, state FROM core_workflow_items WHERE workflow = 'core.verification'`)
    expect(items).toEqual([{ item_id: 'o1', state: 'verified' }])
    expect(await d.services.workflow('core.verification').state(d.db, 'o2')).toBe('unverified')
  })
})

describe('core upgrades: the directory search’s prefix indexes (0007)', () => {
  it('keeps every organization findable, in the same order, and edits still reach the index', async () => {
    const url = `file:${join(tempDir(), 'db.sqlite')}`
    const d = await district(url, [])
    const before = tempDir()
    cpSync(CORE_MIGRATIONS, before, { recursive: true })
    const journal = JSON.parse(readFileSync(join(before, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }
    journal.entries = journal.entries.filter((e) => e.tag < '0007')
    writeFileSync(join(before, 'meta', '_journal.json'), JSON.stringify(journal))
    expect(await applyMigrations(d.db, { owner: 'core', folder: before })).toBe(7)
    await d.db.run(sql`INSERT INTO core_organizations (id, slug, name, kind, country, description) VALUES
      ('o1', 'o1', 'Datos del Pacífico', 'startup', 'CO', 'Analítica'),
      ('o2', 'o2', 'Agro Norte', 'startup', 'CO', 'Datos para el campo'),
      ('o3', 'o3', 'Datalab Cali', 'startup', 'CO', ''),
      ('o4', 'o4', 'Sin relación', 'startup', 'CO', 'Otra cosa')`)
    // An edit gives o1 the newest row in the index: it comes first among the names.
    await d.db.run(sql`UPDATE core_organizations SET description = 'Analítica de datos' WHERE id = 'o1'`)
    const search = async (q: string) => (await directoryPage(d.db, { q }, { limit: 10, offset: 0 })).map((o) => o.id)
    const found = { dat: await search('dat'), datos: await search('datos'), anal: await search('anal') }
    expect(found).toEqual({ dat: ['o1', 'o3', 'o2'], datos: ['o1', 'o2'], anal: ['o1'] })

    expect(await d.migrate()).toEqual([{ owner: 'core', applied: 1 }])
    expect({ dat: await search('dat'), datos: await search('datos'), anal: await search('anal') }).toEqual(found)
    await d.db.run(sql`UPDATE core_organizations SET name = 'Sensores del Valle' WHERE id = 'o3'`)
    expect(await search('dat')).toEqual(['o1', 'o2'])
    expect(await search('sens')).toEqual(['o3'])
  })
})
