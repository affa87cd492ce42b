import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { BENCH_PASSWORD, silentLogger, type DistrictInput } from '@distrito/core'
import { runCli } from '@distrito/core/cli'
import { memberships, organizations, users } from '@distrito/core/db'
import { createTestDistrict, testDistrictConfig } from '@distrito/core/testing'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

function cli() {
  const dir = mkdtempSync(join(tmpdir(), 'distrito-bench-'))
  dirs.push(dir)
  const input: DistrictInput = { ...testDistrictConfig, logger: silentLogger, database: { url: `file:${join(dir, 'bench.db')}` }, plugins: [] }
  const out: string[] = []
  const err: string[] = []
  const run = (...argv: string[]) => runCli(argv, { load: async () => input, io: { out: (l) => out.push(l), err: (l) => err.push(l) }, env: { DISTRITO_LOCALE: 'en' } })
  return { run, out, err }
}

describe('distrito generate', () => {
  it('fills an empty database at the asked scale, lists the pages to measure, and refuses a second time', async () => {
    const { run, out, err } = cli()
    expect(await run('generate', '--scale', '0.004')).toBe(0)
    expect(out.at(-1)).toMatch(/District generated at scale 0.004 in [\d.]+ s/)
    out.length = 0
    expect(await run('bench-pages')).toBe(0)
    const manifest = JSON.parse(out.join('')) as { scale: number; password: string; pages: { name: string; path: string; as?: string }[] }
    expect(manifest.password).toBe(BENCH_PASSWORD)
    expect(manifest.scale).toBeCloseTo(0.004)
    expect(manifest.pages.map((p) => p.name)).toEqual(expect.arrayContaining(['home', 'login', 'organizations: first page', 'organizations: deep page', 'organizations: search']))

    expect(await run('generate', '--scale', '0.004')).toBe(1)
    expect(err.join('\n')).toContain('already has accounts')
  })

  it('refuses a scale out of range and a database it did not make', async () => {
    const { run, err } = cli()
    expect(await run('generate', '--scale', '50')).toBe(2)
    expect(err.join('\n')).toContain('--scale')
    expect(await run('migrate')).toBe(0)
    expect(await run('bench-pages')).toBe(1)
    expect(err.join('\n')).toContain('not made by "distrito generate"')
  })

  it('writes people, organizations and memberships to scale, and every core page answers for its person', async () => {
    const world = await createTestDistrict()
    try {
      await world.district.generate({ scale: 0.004 })
      const { db } = world.district
      const [[people], [orgs], [members], [admins]] = await Promise.all([
        db.select({ n: count() }).from(users),
        db.select({ n: count() }).from(organizations),
        db.select({ n: count() }).from(memberships),
        db.select({ n: count() }).from(users).where(eq(users.platformRole, 'admin')),
      ])
      expect([people!.n, orgs!.n, members!.n, admins!.n]).toEqual([200, 80, 199, 1])
      const manifest = await world.district.benchManifest()
      for (const page of manifest.pages) {
        const visitor = world.client()
        if (page.as) await visitor.login(page.as, manifest.password)
        const response = await visitor.get(page.path)
        expect(response.status, page.name).toBe(200)
      }
    } finally {
      world.close()
    }
  })
})
