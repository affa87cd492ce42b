import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { verify } from '@node-rs/argon2'
import { createDistrict, silentLogger, type DistrictInput } from '@distrito/core'
import { runCli, type CliOutput } from '@distrito/core/cli'
import { loadDistrictConfig } from '../src/cli/load-config.js'
import { organizations, users } from '@distrito/core/db'
import { coreMigrationCount, testDistrictConfig } from '@distrito/core/testing'
import { notesPlugin } from './fixtures/notes/plugin.js'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'distrito-cli-'))
  dirs.push(dir)
  const input: DistrictInput = {
    ...testDistrictConfig,
    logger: silentLogger,
    database: { url: `file:${join(dir, 'cli.db')}` },
    demo: { admin: { email: 'admin@demo.test', name: 'Admin', password: 'demo-password-123' } },
    plugins: [notesPlugin()],
  }
  const lines: string[] = []
  const errors: string[] = []
  const io: CliOutput = { out: (l) => lines.push(l), err: (l) => errors.push(l) }
  const run = (...argv: string[]) => runCli(argv, { load: async () => input, io, env: { DISTRITO_LOCALE: 'en' } })
  return { input, lines, errors, run }
}

describe('distrito CLI', () => {
  it('prints help for all commands and for one', async () => {
    const { run, lines } = setup()
    expect(await run('--help')).toBe(0)
    const help = lines.join('\n')
    for (const command of ['migrate', 'seed', 'start', 'create-admin']) expect(help).toContain(`  ${command}`)
    lines.length = 0
    expect(await run('start', '--help')).toBe(0)
    expect(lines.join('\n')).toContain('--migrate')
    expect(lines.join('\n')).not.toContain('create-admin')
  })

  it('speaks Spanish unless told otherwise', async () => {
    const { input } = setup()
    const lines: string[] = []
    await runCli(['--help'], { load: async () => input, io: { out: (l) => lines.push(l), err: () => {} }, env: {} })
    expect(lines[0]).toMatch(/^Uso: distrito/)
  })

  it('refuses an unknown command or option with exit code 2', async () => {
    const { run, errors } = setup()
    expect(await run('explode')).toBe(2)
    expect(errors[0]).toBe('Unknown command: explode')
    expect(await run('migrate', '--frobnicate')).toBe(2)
  })

  it('migrates once, then says the database is up to date', async () => {
    const { run, lines } = setup()
    expect(await run('migrate')).toBe(0)
    expect(lines).toEqual([`core: ${coreMigrationCount()} migrations applied`, 'notes: 2 migrations applied'])
    lines.length = 0
    expect(await run('migrate')).toBe(0)
    expect(lines).toEqual(['The database is up to date.'])
  })

  it('seeds with progress per package', async () => {
    const { run, lines } = setup()
    await run('migrate')
    lines.length = 0
    expect(await run('seed', '--demo')).toBe(0)
    expect(lines[0]).toBe('[1/2] core')
    expect(lines[1]).toBe('[2/2] notes')
    expect(lines).toContain('  notes: 25/25 (100%)')
    expect(lines.at(-1)).toMatch(/^Data loaded in \d+\.\d s\.$/)
  })

  it('runs one round of background jobs for cron, firing a due scheduled transition', async () => {
    const { run, lines, input } = setup()
    await run('migrate')
    const district = await createDistrict(input)
    try {
      await district.db.insert(organizations).values({ id: 'org-1', slug: 'org-1', name: 'Org', kind: 'startup', country: 'CO' })
      await district.services.workflow('core.verification').schedule(district.db, 'org-1', 'approve', new Date(Date.now() - 1000))
    } finally {
      district.close()
    }
    lines.length = 0
    expect(await run('jobs', '--once')).toBe(0)
    expect(lines.join('\n')).toContain('Background jobs: 1 scheduled transitions')
  })

  it('merges the search indexes into one for cron, leaving the background job nothing to merge', async () => {
    const { run, lines, errors, input } = setup()
    expect(await run('optimize-search')).toBe(1)
    expect(errors.join('\n')).toContain('Migrations are pending')
    await run('migrate')
    // Three writes, three segments: more than the job lets a level keep.
    const district = await createDistrict(input)
    try {
      for (const id of ['org-1', 'org-2']) await district.db.insert(organizations).values({ id, slug: id, name: `Datos ${id}`, kind: 'startup', country: 'CO' })
      await district.db.update(organizations).set({ name: 'Cosecha' }).where(eq(organizations.id, 'org-1'))
    } finally {
      district.close()
    }
    lines.length = 0
    expect(await run('optimize-search')).toBe(0)
    expect(lines.join('\n')).toMatch(/^Search indexes merged \(core_organizations_fts\) in \d+\.\d s\.$/m)
    lines.length = 0
    expect(await run('jobs', '--once')).toBe(0)
    expect(lines.join('\n')).toContain('0 search indexes merged a step')
  })

  it('will not start with pending migrations, and says what to do', async () => {
    const { run, errors } = setup()
    expect(await run('start', '--port', '0')).toBe(1)
    expect(errors[0]).toContain(`Migrations are pending (core: ${coreMigrationCount()}, notes: 2)`)
    expect(errors[0]).toContain('distrito migrate')
  })

  it('starts with --migrate --demo, serves the district and prints its URL and the admin login', async () => {
    const { input, lines } = setup()
    let home = ''
    const code = await runCli(['start', '--migrate', '--demo', '--port', '0', '--host', '127.0.0.1'], {
      load: async () => input,
      io: { out: (l) => lines.push(l), err: () => {} },
      env: { DISTRITO_LOCALE: 'en' },
      untilStopped: async (server) => {
        home = await (await fetch(server.url + '/', { headers: { 'Accept-Language': 'en' } })).text()
      },
    })
    expect(code).toBe(0)
    expect(lines.find((l) => l.startsWith('Test district is at '))).toMatch(/^Test district is at http:\/\/127\.0\.0\.1:\d+$/)
    expect(lines).toContain('Administrator: admin@demo.test / demo-password-123')
    expect(home).toContain('<h1>Test district</h1>')
    expect(home).toContain('Latest notes')
  })

  it('creates an administrator with an argon2id hash, and promotes an existing account', async () => {
    const { run, lines, input } = setup()
    await run('migrate')
    lines.length = 0
    expect(await run('create-admin', '--email', ' Ana@Example.CO ', '--name', 'Ana Gómez', '--password', 'una-clave-muy-larga')).toBe(0)
    expect(lines).toEqual(['Administrator account ready: ana@example.co'])
    const d = await createDistrict(input)
    const [row] = await d.db.select().from(users).where(eq(users.email, 'ana@example.co'))
    expect(row?.platformRole).toBe('admin')
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true)
    expect(await verify(row!.passwordHash, 'una-clave-muy-larga')).toBe(true)
    await d.db.update(users).set({ platformRole: 'member' }).where(eq(users.email, 'ana@example.co'))
    d.close()
    lines.length = 0
    expect(await run('create-admin', '--email', 'ana@example.co', '--name', 'Ana', '--password', 'otra-clave-distinta')).toBe(0)
    expect(lines).toEqual(['The account ana@example.co already existed and is now an administrator.'])
  })

  it('generates a password when none is given and shows it once', async () => {
    const { run, lines } = setup()
    await run('migrate')
    lines.length = 0
    expect(await run('create-admin', '--email', 'ops@example.co', '--name', 'Ops')).toBe(0)
    expect(lines[1]).toMatch(/^Generated password \(keep it, it will not be shown again\): [A-Za-z0-9_-]{20}$/)
  })

  it('refuses a bad email or a short password, naming the option', async () => {
    const { run, errors } = setup()
    await run('migrate')
    expect(await run('create-admin', '--email', 'not-an-email', '--name', 'X', '--password', 'short')).toBe(2)
    expect(errors.some((e) => e.startsWith('Invalid value for --email'))).toBe(true)
    expect(errors.some((e) => e.startsWith('Invalid value for --password'))).toBe(true)
  })

  it('explains bad input in Spanish to a Spanish-speaking operator', async () => {
    const { input } = setup()
    const errors: string[] = []
    const run = (...argv: string[]) => runCli(argv, { load: async () => input, io: { out: () => {}, err: (l) => errors.push(l) }, env: { LANG: 'es_CO.UTF-8' } })
    await run('migrate')
    expect(await run('create-admin', '--email', 'ana', '--name', 'Ana', '--password', 'corta')).toBe(2)
    expect(errors).toContain('Dato no válido en --password: Use al menos 12 caracteres.')
    expect(errors).toContain('Dato no válido en --email: Escriba un correo electrónico como nombre@empresa.co.')
  })

  it('refuses a port that is not a port', async () => {
    const { run, errors } = setup()
    await run('migrate')
    expect(await run('start', '--port', 'http')).toBe(2)
    expect(errors).toContain('Invalid value for --port: use a port number from 0 to 65535')
  })

  it('refuses a number of processes that is not one, before touching the database', async () => {
    for (const workers of ['0', '65', 'two']) {
      const { run, errors, lines } = setup()
      expect(await run('start', '--migrate', '--workers', workers)).toBe(2)
      expect(errors).toEqual(['Invalid value for --workers: use a number of processes from 1 to 64, or auto'])
      expect(lines).toEqual([])
    }
  })

  it('will not serve an in-memory database from several processes, which would each have their own', async () => {
    const { input, errors } = setup()
    const code = await runCli(['start'], {
      load: async () => ({ ...input, database: { url: ':memory:' } }),
      io: { out: () => {}, err: (l) => errors.push(l) },
      env: { DISTRITO_LOCALE: 'en', WORKERS: '2' },
    })
    expect(code).toBe(2)
    expect(errors).toEqual(['Invalid value for --workers: an in-memory database serves one process only; use a file database or a libsql server'])
  })

  it('loads a JavaScript configuration file, and says which file is missing or empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'distrito-config-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'distrito.config.mjs'), `export default ${JSON.stringify({ ...testDistrictConfig, database: { url: `file:${join(dir, 'js.db')}` }, plugins: [] })}`)
    writeFileSync(join(dir, 'empty.mjs'), 'export const nothing = 1')
    const lines: string[] = []
    const io: CliOutput = { out: (l) => lines.push(l), err: (l) => lines.push(l) }
    const run = (...argv: string[]) => runCli(argv, { load: (path) => loadDistrictConfig(path, dir), io, env: { DISTRITO_LOCALE: 'en' } })
    expect(await run('migrate')).toBe(0)
    expect(lines).toEqual([`core: ${coreMigrationCount()} migrations applied`])
    lines.length = 0
    expect(await run('migrate', '--config', 'missing.ts')).toBe(1)
    expect(lines).toEqual([`No district configuration found at ${join(dir, 'missing.ts')}. Use --config.`])
    lines.length = 0
    expect(await run('migrate', '--config', 'empty.mjs')).toBe(1)
    expect(lines[0]).toBe(`${join(dir, 'empty.mjs')} has no default export: export default defineDistrict({ … })`)
  })

  it('reports an invalid configuration as one line and exit code 1', async () => {
    const { input, errors } = setup()
    const code = await runCli(['migrate'], {
      load: async () => ({ ...input, plugins: [notesPlugin({ perPage: 1000 })] }),
      io: { out: () => {}, err: (l) => errors.push(l) },
      env: {},
    })
    expect(code).toBe(1)
    expect(errors[0]).toMatch(/^Plugin "notes" has invalid options: perPage/)
  })
})
