import { existsSync } from 'node:fs'
import { join } from 'node:path'
import semver from 'semver'
import { z } from 'zod'
import { LOCALES } from '../i18n/locales.js'
import { AssemblyError } from './errors.js'
import { CORE_COPY, isPluginInstance } from './define-plugin.js'
import type { PluginDefinition } from './types.js'

/** Paths the core serves itself; a plugin mounted there would shadow them. */
export const RESERVED_IDS = new Set([
  'core', 'assets', 'locale', 'health', 'admin', 'auth', 'account', 'api', 'orgs', 'people', 'static',
  'notifications', 'files', 'comments', 'workflows', 'follows', 'invitations', 'legal', 'login', 'logout', 'register',
])

const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

export interface ResolvedPlugin {
  definition: PluginDefinition
  options: unknown
  /** Set when the plugin was defined by another copy of @distrito/core than the one assembling it. */
  foreignCore?: string
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(options)'}: ${issue.message}`)
    .join('; ')
}

function checkIdentity(definition: PluginDefinition, coreVersion: string): void {
  const { id } = definition
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new AssemblyError('INVALID_ID', `Plugin id ${JSON.stringify(id)} is not valid: use lowercase letters, digits and single hyphens, starting with a letter.`)
  }
  if (RESERVED_IDS.has(id)) {
    throw new AssemblyError('RESERVED_ID', `Plugin id "${id}" is reserved by the core (it would shadow /${id}). Choose another id.`)
  }
  if (!semver.valid(definition.version)) {
    throw new AssemblyError('INVALID_PLUGIN', `Plugin "${id}" has version ${JSON.stringify(definition.version)}, which is not a semver version.`)
  }
  const range = definition.requires?.core
  if (!range || !semver.validRange(range)) {
    throw new AssemblyError('INVALID_PLUGIN', `Plugin "${id}" must declare requires.core as a semver range (e.g. "^0.1.0").`)
  }
  if (!semver.satisfies(coreVersion, range, { includePrerelease: true })) {
    throw new AssemblyError('CORE_VERSION_MISMATCH', `Plugin "${id}" ${definition.version} requires @distrito/core ${range}, but this instance runs @distrito/core ${coreVersion}.`)
  }
}

/** What the plugin's package must ship: a journal for its migrations, nav paths under its mount. */
function checkParts(definition: PluginDefinition): void {
  const { id, nav } = definition
  const migrations = definition.db?.migrations
  if (migrations !== undefined && !existsSync(join(migrations, 'meta', '_journal.json'))) {
    throw new AssemblyError('INVALID_PLUGIN', `Plugin "${id}" declares migrations at ${migrations}, but there is no meta/_journal.json there. Is the folder included in the package's "files"?`)
  }
  for (const entry of nav ?? []) {
    if (!entry.path.startsWith('/')) {
      throw new AssemblyError('INVALID_PLUGIN', `Plugin "${id}": navigation path ${JSON.stringify(entry.path)} must start with "/" (it is relative to /${id}).`)
    }
  }
}

function checkMessages(definition: PluginDefinition): void {
  const { id, messages } = definition
  if (!messages) return
  const prefix = `${id}.`
  const [first, ...others] = LOCALES
  const reference = Object.keys(messages[first] ?? {})
  for (const key of reference) {
    if (!key.startsWith(prefix)) {
      throw new AssemblyError('INVALID_MESSAGES', `Plugin "${id}": message key "${key}" must start with "${prefix}".`)
    }
  }
  for (const locale of others) {
    const keys = new Set(Object.keys(messages[locale] ?? {}))
    const missing = reference.filter((k) => !keys.has(k))
    const extra = [...keys].filter((k) => !reference.includes(k))
    if (missing.length || extra.length) {
      throw new AssemblyError('INVALID_MESSAGES', `Plugin "${id}": the "${locale}" messages differ from "${first}"` +
        (missing.length ? `; missing: ${missing.join(', ')}` : '') + (extra.length ? `; not in ${first}: ${extra.join(', ')}` : '') + '.')
    }
  }
}

function parseOptions(definition: PluginDefinition, raw: unknown): unknown {
  if (!definition.options) return raw ?? {}
  const result = definition.options.safeParse(raw ?? {})
  if (!result.success) {
    throw new AssemblyError('INVALID_OPTIONS', `Plugin "${definition.id}" has invalid options: ${describeIssues(result.error)}.`)
  }
  return result.data
}

/** Orders plugins so that each comes after everything it depends on, keeping the listed order otherwise. */
function orderByDependencies(plugins: ResolvedPlugin[]): ResolvedPlugin[] {
  const byId = new Map(plugins.map((p) => [p.definition.id, p]))
  const done = new Set<string>()
  const ordered: ResolvedPlugin[] = []
  const visit = (plugin: ResolvedPlugin, chain: string[]) => {
    const { id } = plugin.definition
    if (done.has(id)) return
    if (chain.includes(id)) {
      const cycle = [...chain.slice(chain.indexOf(id)), id].join(' → ')
      throw new AssemblyError('DEPENDENCY_CYCLE', `Plugins depend on each other in a cycle: ${cycle}.`)
    }
    for (const [depId, range] of Object.entries(plugin.definition.dependsOn ?? {})) {
      const dep = byId.get(depId)
      if (!dep) {
        throw new AssemblyError('MISSING_DEPENDENCY', `Plugin "${id}" depends on plugin "${depId}" (${range}), which this instance does not install. Add it to the plugins list.`)
      }
      if (!semver.satisfies(dep.definition.version, range, { includePrerelease: true })) {
        throw new AssemblyError('DEPENDENCY_VERSION_MISMATCH', `Plugin "${id}" needs plugin "${depId}" ${range}, but ${dep.definition.version} is installed.`)
      }
      visit(dep, [...chain, id])
    }
    done.add(id)
    ordered.push(plugin)
  }
  for (const plugin of plugins) visit(plugin, [])
  return ordered
}

/** Validates every listed plugin and returns them in the order they must be migrated and mounted. */
export function resolvePlugins(list: readonly unknown[], coreVersion: string): ResolvedPlugin[] {
  const seen = new Set<string>()
  const resolved: ResolvedPlugin[] = []
  list.forEach((entry, index) => {
    if (!isPluginInstance(entry)) {
      const hint = typeof entry === 'function' ? ' It looks like a plugin factory: call it, e.g. challenges().' : ''
      throw new AssemblyError('INVALID_PLUGIN', `Entry ${index} of plugins is not a plugin made with definePlugin.${hint}`)
    }
    const { definition } = entry
    checkIdentity(definition, coreVersion)
    if (seen.has(definition.id)) {
      throw new AssemblyError('DUPLICATE_ID', `Plugin "${definition.id}" is listed twice. Each plugin id can be installed once.`)
    }
    seen.add(definition.id)
    checkParts(definition)
    checkMessages(definition)
    const foreign = entry.definedBy !== CORE_COPY ? String(entry.definedBy ?? 'unknown').split('#')[0] : undefined
    resolved.push({ definition, options: parseOptions(definition, entry.rawOptions), ...(foreign ? { foreignCore: foreign } : {}) })
  })
  return orderByDependencies(resolved)
}
