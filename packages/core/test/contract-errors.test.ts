import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AssemblyError, createDistrict, definePlugin, type DistrictInput } from '@distrito/core'
import { testDistrictConfig } from '@distrito/core/testing'
import { createLogger, silentLogger } from '@distrito/core'
import { resolvePlugins } from '../src/plugin/resolve.js'
import { notesPlugin } from './fixtures/notes/plugin.js'

const plugin = (id: string, extra: Partial<Parameters<typeof definePlugin>[0]> = {}) =>
  definePlugin({ id, version: '1.0.0', requires: { core: '^0.1.0' }, ...extra })

async function assemblyError(input: Partial<DistrictInput>): Promise<AssemblyError> {
  const error = await createDistrict({ ...testDistrictConfig, logger: silentLogger, database: { url: 'file::memory:' }, plugins: [], ...input }).then(
    (d) => {
      d.close()
      return null
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AssemblyError)
  return error as AssemblyError
}

describe('assembly errors: a misconfigured district fails at boot with one readable sentence', () => {
  it('bad options name the plugin and the field', async () => {
    const error = await assemblyError({ plugins: [notesPlugin({ perPage: 0 })] })
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toMatch(/^Plugin "notes" has invalid options: perPage: /)
  })

  it('options of the wrong type are refused the same way', async () => {
    // @ts-expect-error: a string where the schema wants a number, as from an untyped config file
    const error = await assemblyError({ plugins: [notesPlugin({ perPage: 'ten' })] })
    expect(error.code).toBe('INVALID_OPTIONS')
  })

  it('a missing dependency names both plugins', async () => {
    const error = await assemblyError({ plugins: [plugin('funding', { dependsOn: { challenges: '^1.0.0' } })()] })
    expect(error.code).toBe('MISSING_DEPENDENCY')
    expect(error.message).toContain('Plugin "funding" depends on plugin "challenges" (^1.0.0), which this instance does not install')
  })

  it('a dependency of the wrong version is refused', async () => {
    const error = await assemblyError({
      plugins: [plugin('challenges', { version: '2.0.0' })(), plugin('funding', { dependsOn: { challenges: '^1.0.0' } })()],
    })
    expect(error.code).toBe('DEPENDENCY_VERSION_MISMATCH')
    expect(error.message).toContain('needs plugin "challenges" ^1.0.0, but 2.0.0 is installed')
  })

  it('a cycle names the whole chain', async () => {
    const error = await assemblyError({
      plugins: [
        plugin('a', { dependsOn: { b: '*' } })(),
        plugin('b', { dependsOn: { c: '*' } })(),
        plugin('c', { dependsOn: { a: '*' } })(),
      ],
    })
    expect(error.code).toBe('DEPENDENCY_CYCLE')
    expect(error.message).toBe('Plugins depend on each other in a cycle: a → b → c → a.')
  })

  it('a plugin built for another core version is refused', async () => {
    const error = await assemblyError({ plugins: [plugin('old', { requires: { core: '^2.0.0' } })()] })
    expect(error.code).toBe('CORE_VERSION_MISMATCH')
    expect(error.message).toMatch(/Plugin "old" 1\.0\.0 requires @distrito\/core \^2\.0\.0, but this instance runs @distrito\/core 0\.1\.\d+/)
  })

  it('the same id twice is refused', async () => {
    const error = await assemblyError({ plugins: [notesPlugin(), notesPlugin()] })
    expect(error.code).toBe('DUPLICATE_ID')
    expect(error.message).toContain('"notes" is listed twice')
  })

  it('ids must be lowercase slugs and cannot take the core paths', async () => {
    expect((await assemblyError({ plugins: [plugin('Bad Id')()] })).code).toBe('INVALID_ID')
    const reserved = await assemblyError({ plugins: [plugin('admin')()] })
    expect(reserved.code).toBe('RESERVED_ID')
    expect(reserved.message).toContain('/admin')
  })

  it('an uncalled factory or a foreign object is not a plugin', async () => {
    const error = await assemblyError({ plugins: [notesPlugin as never] })
    expect(error.code).toBe('INVALID_PLUGIN')
    expect(error.message).toContain('call it, e.g. challenges()')
    expect((await assemblyError({ plugins: [{ id: 'x' } as never] })).code).toBe('INVALID_PLUGIN')
  })

  it('versions must be semver', async () => {
    const error = await assemblyError({ plugins: [plugin('x', { version: 'latest' })()] })
    expect(error.code).toBe('INVALID_PLUGIN')
  })

  it('messages must be namespaced and present in every language', async () => {
    const unprefixed = await assemblyError({ plugins: [plugin('x', { messages: { 'es-CO': { title: 'a' }, en: { title: 'a' } } })()] })
    expect(unprefixed.code).toBe('INVALID_MESSAGES')
    expect(unprefixed.message).toContain('"title" must start with "x."')
    const missing = await assemblyError({ plugins: [plugin('x', { messages: { 'es-CO': { 'x.a': 'a', 'x.b': 'b' }, en: { 'x.a': 'a' } } })()] })
    expect(missing.message).toBe('Plugin "x": the "en" messages differ from "es-CO"; missing: x.b.')
  })

  it('a migrations folder the package does not ship is refused at boot, not skipped', async () => {
    const error = await assemblyError({ plugins: [plugin('x', { db: { migrations: '/nonexistent/drizzle' } })()] })
    expect(error.code).toBe('INVALID_PLUGIN')
    expect(error.message).toContain('no meta/_journal.json')
  })

  it('navigation paths are relative to the plugin and start with /', async () => {
    const error = await assemblyError({ plugins: [plugin('x', { nav: [{ label: 'x.nav', path: 'list' }] })()] })
    expect(error.message).toBe('Plugin "x": navigation path "list" must start with "/" (it is relative to /x).')
  })

  it('a plugin whose routes fail to set up is named, with the cause kept', async () => {
    const error = await assemblyError({
      plugins: [plugin('x', { routes: () => { throw new Error('missing API key') } })()],
    })
    expect(error.code).toBe('PLUGIN_SETUP_FAILED')
    expect(error.message).toBe('Plugin "x" failed to set up its routes: missing API key')
    expect((error.cause as Error).message).toBe('missing API key')
  })

  it('an invalid district configuration is refused, including an unreadable brand colour', async () => {
    const error = await assemblyError({ branding: { primaryColor: '#f0f0a0' } })
    expect(error.code).toBe('INVALID_CONFIG')
    expect(error.message).toContain('branding.primaryColor')
    expect(error.message).toContain('4.5:1')
  })
})

describe('two copies of the core', () => {
  it('recognises a plugin defined by another copy, and warns at boot', async () => {
    const lines: string[] = []
    const foreign = { ...notesPlugin(), definedBy: '0.1.0#othercopy' }
    const d = await createDistrict({ ...testDistrictConfig, database: { url: 'file::memory:' }, logger: createLogger({ write: (l) => lines.push(l) }), plugins: [foreign] })
    d.close()
    const warning = lines.map((l) => JSON.parse(l)).find((e) => e.level === 'warn')
    expect(warning.msg).toContain('Plugin "notes" was defined with another copy of @distrito/core (0.1.0)')
    expect(warning.msg).toContain('pnpm dedupe')
  })

  it('says nothing when the plugin shares the instance’s core', async () => {
    const lines: string[] = []
    const d = await createDistrict({ ...testDistrictConfig, database: { url: 'file::memory:' }, logger: createLogger({ write: (l) => lines.push(l) }), plugins: [notesPlugin()] })
    d.close()
    expect(lines).toEqual([])
  })
})

describe('dependency order', () => {
  it('puts each plugin after what it depends on and keeps the listed order otherwise', () => {
    const order = resolvePlugins(
      [
        plugin('funding', { dependsOn: { challenges: '^1.0.0', training: '*' } })(),
        plugin('events')(),
        plugin('training')(),
        plugin('challenges')(),
      ],
      '0.1.0',
    ).map((p) => p.definition.id)
    expect(order).toEqual(['challenges', 'training', 'funding', 'events'])
  })

  it('parses options with their defaults', () => {
    const [resolved] = resolvePlugins([plugin('x', { options: z.object({ n: z.number().default(3) }) })()], '0.1.0')
    expect(resolved?.options).toEqual({ n: 3 })
  })
})
