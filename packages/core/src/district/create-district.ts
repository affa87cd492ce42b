import { fileURLToPath } from 'node:url'
import type { Hono } from 'hono'
import { type DistrictConfig, type DistrictConfigInput, districtConfigSchema } from '../config/district-config.js'
import { type Database, type DatabaseHandle, databaseFilePath, openDatabase } from '../db/client.js'
import { type PendingMigrations, type MigrationSource, applyMigrations, pendingMigrations } from '../db/migrations.js'
import { buildAssets } from '../http/assets.js'
import { buildApp } from '../http/app.js'
import type { DistrictRuntime, DistritoEnv, ShellNavItem } from '../http/env.js'
import { en } from '../i18n/messages/en.js'
import { esCO } from '../i18n/messages/es-CO.js'
import { LOCALES, type Locale } from '../i18n/locales.js'
import { createTranslator, type Catalogs } from '../i18n/translator.js'
import { type Logger, createLogger, loggerOptionsFromEnv } from '../log/logger.js'
import { AssemblyError } from '../plugin/errors.js'
import type { PluginInstance } from '../plugin/define-plugin.js'
import { type ResolvedPlugin, resolvePlugins } from '../plugin/resolve.js'
import { CORE_VERSION } from '../version.js'
import type { MountedPlugin } from './mounted-plugin.js'
import { buildPermissionTable } from './permission-table.js'
import type { Mailer } from '../mail/mailer.js'
import { createSmtpMailer } from '../mail/smtp.js'
import { createMailService } from '../mail/outbox.js'
import { type SeedOptions, runSeeds } from './seed.js'
import { dirname, resolve } from 'node:path'
import { createEngine, type Participant } from '../services/create-services.js'
import type { CoreServices } from '../services/types.js'
import { coreDeclarations } from './core-declarations.js'
import { diskStorage } from '../files/disk-storage.js'
import { createFileService } from '../files/service.js'
import type { FileStorage } from '../files/storage.js'
import { createJobLoop, type JobLoop } from '../jobs/loop.js'
import { optimizeSearchIndexes, searchIndexJob } from '../db/search-indexes.js'
import { fireDueTimers } from '../workflow/engine.js'
import type { PluginContext } from '../plugin/types.js'
import { type BenchManifest, type GenerateOptions, benchManifest, generateDistrict } from '../bench/generate.js'

export interface DistrictInput extends DistrictConfigInput {
  plugins: readonly PluginInstance[]
  logger?: Logger
  /** Where mail goes instead of SMTP (tests, another transport). Every message is kept in the outbox either way. */
  mailer?: Mailer
  /** Send each request's duration and SQL count in a Server-Timing header (development and tests). */
  serverTiming?: boolean
  /** Where attachments are kept instead of the disk (an S3-compatible store). */
  fileStorage?: FileStorage
}

export interface District {
  config: DistrictConfig
  app: Hono<DistritoEnv>
  db: Database
  plugins: readonly MountedPlugin[]
  /** Every permission of the district, the core's (`core:…`) and each plugin's (`<plugin>:<name>`). */
  permissions: readonly string[]
  logger: Logger
  /** Core first, then plugins in dependency order. */
  migrationSources: readonly MigrationSource[]
  pendingMigrations(): Promise<PendingMigrations[]>
  migrate(): Promise<{ owner: string; applied: number }[]>
  seed(options?: SeedOptions): Promise<void>
  /** Writes a large invented district for the benchmark into an empty database. */
  generate(options: GenerateOptions): Promise<void>
  /** The pages the benchmark drives on a generated district. */
  benchManifest(): Promise<BenchManifest>
  /** Merges every full-text search index into one (`distrito optimize-search`); returns their names. */
  optimizeSearch(): Promise<string[]>
  /** Workflows, events, notifications, audit, files: what plugins get as `ctx.services`. */
  services: CoreServices
  /** Background work (scheduled transitions, event retries, queued mail); `distrito start` runs it. */
  jobs: JobLoop
  /** A translator outside any request, e.g. for the CLI. */
  translator(locale: Locale): ReturnType<typeof createTranslator>
  close(): void
}

export const CORE_MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url))

/**
 * Browsers accept Secure cookies on https and on localhost; a district served over plain http on
 * a network address (a LAN demo, PUBLIC_URL=http://192.168.1.5:3000) must send them without it.
 */
function secureCookiesFor(publicUrl: string | undefined): boolean {
  if (!publicUrl) return true
  const url = new URL(publicUrl)
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}

/** Attachments sit next to a file database (so a test's temporary database keeps its files with it). */
function filesFolder(config: DistrictConfig, databaseUrl: string): string {
  const configured = config.files.dir ?? process.env.FILES_DIR
  if (configured) return configured
  const path = databaseFilePath(databaseUrl)
  return path === undefined ? 'data/files' : resolve(dirname(path), 'files')
}

/** Lets a configuration file be typed without assembling anything yet. */
export function defineDistrict(input: DistrictInput): DistrictInput {
  return input
}

function parseConfig(input: DistrictInput): DistrictConfig {
  const { plugins: _plugins, logger: _logger, serverTiming: _serverTiming, mailer: _mailer, fileStorage: _fileStorage, ...raw } = input
  const result = districtConfigSchema.safeParse(raw)
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`).join('; ')
    throw new AssemblyError('INVALID_CONFIG', `The district configuration is invalid: ${detail}.`)
  }
  return result.data
}

function buildCatalogs(plugins: readonly MountedPlugin[]): Catalogs {
  const base: Record<Locale, Record<string, string>> = { 'es-CO': { ...esCO }, en: { ...en } }
  for (const plugin of plugins) {
    for (const locale of LOCALES) Object.assign(base[locale], plugin.definition.messages?.[locale])
  }
  return base
}

/**
 * Assembles a district: validates the configuration and every plugin (options, versions,
 * dependencies), orders plugins, opens the database and builds the web app. It does not migrate:
 * migrations run once per deploy (`distrito migrate`), not on every instance's boot.
 */
export async function createDistrict(input: DistrictInput): Promise<District> {
  const config = parseConfig(input)
  const resolved = resolvePlugins(input.plugins, CORE_VERSION)
  const logger = input.logger ?? createLogger({ ...loggerOptionsFromEnv(), fields: { district: config.slug } })
  const handle: DatabaseHandle = await openDatabase({
    url: config.database.url ?? process.env.DATABASE_URL,
    authToken: config.database.authToken ?? process.env.DATABASE_AUTH_TOKEN,
  })
  try {
    return assemble(config, resolved, logger, handle, { serverTiming: input.serverTiming ?? false, mailer: input.mailer, fileStorage: input.fileStorage })
  } catch (error) {
    handle.close()
    throw error
  }
}

function assemble(
  config: DistrictConfig,
  resolved: ResolvedPlugin[],
  logger: Logger,
  handle: DatabaseHandle,
  options: { serverTiming: boolean; mailer?: Mailer; fileStorage?: FileStorage },
): District {
  const { db } = handle
  for (const { definition, foreignCore } of resolved) {
    if (foreignCore) {
      logger.warn(`Plugin "${definition.id}" was defined with another copy of @distrito/core (${foreignCore}); this instance runs ${CORE_VERSION}. Two copies can also mean two copies of hono, whose errors the core would not recognise: deduplicate the installation (pnpm dedupe) so one copy serves the instance.`, { plugin: definition.id })
    }
  }

  const plugins: MountedPlugin[] = resolved.map(({ definition, options }) => ({
    id: definition.id,
    definition,
    context: {
      id: definition.id,
      options,
      db: definition.db?.schema ? handle.withSchema(definition.db.schema) : db,
      config,
      logger: logger.child({ plugin: definition.id }),
      basePath: `/${definition.id}`,
      // Set below, once every plugin's declarations are wired into the engine.
      services: undefined as unknown as CoreServices,
    },
  }))
  const catalogs = buildCatalogs(plugins)
  const nav: ShellNavItem[] = []
  // Navigation labels are translated per request; here they stay keys with resolved paths.
  for (const plugin of plugins) {
    for (const entry of plugin.definition.nav ?? []) {
      nav.push({ label: entry.label, href: entry.path === '/' ? plugin.context.basePath : plugin.context.basePath + entry.path })
    }
  }
  const assets = buildAssets(config, plugins.flatMap((p) => (p.definition.styles ? [p.definition.styles] : [])))
  const permissionTable = buildPermissionTable(config, plugins)
  const smtpUrl = config.mail.smtpUrl ?? process.env.SMTP_URL
  const mailer = options.mailer ?? (smtpUrl ? createSmtpMailer(smtpUrl) : null)
  const from = config.mail.from ?? process.env.MAIL_FROM ?? `${config.name[config.defaultLocale]} <no-reply@${config.publicUrl ? new URL(config.publicUrl).hostname : 'localhost'}>`
  const mail = createMailService(db, mailer, from, logger.child({ component: 'mail' }))
  if (!mailer && config.publicUrl?.startsWith('https:')) {
    logger.warn('No SMTP_URL is set: mail stays in the outbox, where administrators can read its sign-in links. Set SMTP_URL in production.')
  }
  const translator = (locale: Locale) => createTranslator(locale, catalogs[locale])
  const files = createFileService(options.fileStorage ?? diskStorage(filesFolder(config, handle.url)), config.files.maxUploadBytes)
  const coreContext: PluginContext = { id: 'core', options: {}, db, config, logger, basePath: '/', services: undefined as unknown as CoreServices }
  const participants: Participant[] = [
    { id: 'core', definition: coreDeclarations, context: coreContext },
    ...plugins.map((p) => ({ id: p.id, definition: p.definition, context: p.context })),
  ]
  const engine = createEngine({ db, participants, permissions: permissionTable, config, translator, mail, files, logger })
  for (const participant of participants) participant.context.services = engine.services
  const jobs = createJobLoop(
    [
      { name: 'timers', run: (now) => fireDueTimers(db, engine.runners, now) },
      { name: 'events', run: (now) => engine.bus.deliverDue(now) },
      { name: 'mail', run: (now) => mail.sendDue(now) },
      searchIndexJob(handle.client),
    ],
    logger.child({ component: 'jobs' }),
  )
  // Assembly ends here: what requests read is frozen, so no route can change it for the others.
  const runtime: DistrictRuntime = Object.freeze({
    config,
    nav: Object.freeze(nav),
    catalogs,
    assets: { css: assets.css.path, htmx: assets.htmx.path, icon: assets.icon.path },
    https: config.publicUrl?.startsWith('https:') ?? false,
    serverTiming: options.serverTiming,
    secureCookies: secureCookiesFor(config.publicUrl),
    trustProxy: config.trustProxy ?? ['1', 'true'].includes(process.env.TRUST_PROXY ?? ''),
    permissions: permissionTable,
    programs: Object.freeze(plugins.map((p) => ({ id: p.id, label: p.definition.name ?? p.id }))),
    mail,
    notificationKinds: engine.notificationKinds,
    bus: engine.bus,
  })
  const app = buildApp({ runtime, db, logger, assets, plugins, services: engine.services })

  const migrationSources: MigrationSource[] = [
    { owner: 'core', folder: CORE_MIGRATIONS },
    ...plugins.flatMap((p) => (p.definition.db?.migrations ? [{ owner: p.id, folder: p.definition.db.migrations }] : [])),
  ]
  const permissions = [...permissionTable.keys()]

  const district: District = {
    config,
    app,
    db,
    plugins: Object.freeze(plugins),
    permissions: Object.freeze(permissions),
    logger,
    migrationSources,
    pendingMigrations: async () => {
      const all = await Promise.all(migrationSources.map((s) => pendingMigrations(db, s)))
      return all.filter((p) => p.pending > 0)
    },
    migrate: async () => {
      const applied: { owner: string; applied: number }[] = []
      for (const source of migrationSources) applied.push({ owner: source.owner, applied: await applyMigrations(db, source) })
      return applied
    },
    seed: (options) => runSeeds({ db, config, plugins, services: engine.services }, options),
    generate: (options) => generateDistrict(db, handle.client, config, plugins, options),
    benchManifest: () => benchManifest(db, handle.client, plugins),
    optimizeSearch: () => optimizeSearchIndexes(handle.client),
    services: engine.services,
    jobs,
    translator,
    close: () => handle.close(),
  }
  return Object.freeze(district)
}
