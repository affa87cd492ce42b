import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { coreMigrationCount, migrationCount } from '@distrito/core/testing'
import { challenges } from '@distrito/plugin-challenges'
import { distrito } from './run-distrito.js'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('the quick start: distrito start --migrate --demo on the Valle del Cauca configuration', () => {
  it('migrates, seeds, prints the URL and the admin login, serves the district and stops cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'valle-quickstart-'))
    dirs.push(dir)
    const run = distrito(['start', '--migrate', '--demo', '--port', '0', '--host', '127.0.0.1'], {
      DATABASE_URL: `file:${join(dir, 'distrito.db')}`,
      DISTRITO_LOCALE: 'es-CO',
    })
    const [, url] = (await run.waitFor(/está en (http:\/\/127\.0\.0\.1:\d+)\n/)) as unknown as [string, string]
    // Each line is waited for whole: the login is written after the address, and a line may
    // reach the pipe in two chunks (a port or a password cut short would still match).
    const login = await run.waitFor(/Administración: (\S+) \/ (\S+)\n/)
    expect([login[1], login[2]]).toEqual(['admin@distritovalle.demo', 'distrito-demo-2026'])
    const res = await fetch(url + '/')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<h1>Distrito de Innovación e IA del Valle del Cauca</h1>')
    expect((await fetch(url + '/health')).status).toBe(200)
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
    expect(run.output().stdout).toContain('Deteniendo el servidor…')
  })

  it('a second instance on the same database refuses to start before `distrito migrate`, then starts after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'valle-quickstart-'))
    dirs.push(dir)
    const env = { DATABASE_URL: `file:${join(dir, 'distrito.db')}`, DISTRITO_LOCALE: 'en' }
    const refused = distrito(['start', '--port', '0'], env)
    expect(await refused.exited).toBe(1)
    expect(refused.output().stderr).toContain(`Migrations are pending (core: ${coreMigrationCount()}, challenges: ${migrationCount(challenges.definition.db!.migrations!)})`)
    const migrate = distrito(['migrate'], env)
    expect(await migrate.exited).toBe(0)
    expect(migrate.output().stdout).toContain(`core: ${coreMigrationCount()} migrations applied`)
    const started = distrito(['start', '--port', '0', '--host', '127.0.0.1'], env)
    await started.waitFor(/is at http/)
    started.child.kill('SIGTERM')
    expect(await started.exited).toBe(0)
  })
})
