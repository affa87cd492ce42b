import { asc, count, eq, getTableName } from 'drizzle-orm'
import type { DistrictConfig } from '../config/district-config.js'
import type { Client } from '@libsql/client'
import type { Database } from '../db/client.js'
import { organizations } from '../db/schema/organizations.js'
import { users } from '../db/schema/users.js'
import type { MountedPlugin } from '../district/mounted-plugin.js'
import { insertInBatches } from './batch.js'
import { optimizeSearchIndexes } from '../db/search-indexes.js'
import { generateCoreData } from './core-data.js'
import { corePages, deepDirectoryPage } from './core-pages.js'
import { DIRECTORY_PAGE_SIZE } from '../organizations/routes/directory.js'
import { BENCH_PASSWORD, HISTORY_MS, benchOrganizationId, benchPersonId, population, populationSize, type Population } from './population.js'
import { benchRandom } from './random.js'
import type { BenchContext, BenchPage } from './types.js'

export interface GenerateOptions {
  scale: number
  /** Called as each package's part starts and as its rows are written. */
  onProgress?: (owner: string, step: string, done: number, total: number) => void
}

export interface BenchManifest {
  scale: number
  password: string
  pages: BenchPage[]
}

/** Generating into a database with people in it would mix invented data with real data. */
export class NotEmptyError extends Error {
  override readonly name = 'NotEmptyError'
}

type OnProgress = GenerateOptions['onProgress']

function inserter(client: Client, owner: string, onProgress: OnProgress): BenchContext['insert'] {
  return (table) => ({ rows: (count, row) => insertInBatches(client, table, count, row, (done, total) => onProgress?.(owner, getTableName(table), done, total)) })
}

function benchContext(client: Client, plugin: MountedPlugin, pop: Population, index: number, onProgress?: OnProgress): BenchContext {
  return {
    ...plugin.context,
    scale: pop.scale,
    population: pop,
    random: benchRandom(1000 + index),
    insert: inserter(client, plugin.id, onProgress),
    progress: (done, total) => onProgress?.(plugin.id, '', done, total),
  }
}

/**
 * Writes a large district for the benchmark: the core's people and organizations, then each
 * plugin's share, in dependency order. Refuses a database that already has people.
 */
export async function generateDistrict(db: Database, client: Client, config: DistrictConfig, plugins: readonly MountedPlugin[], options: GenerateOptions): Promise<void> {
  const [{ people } = { people: 0 }] = await db.select({ people: count() }).from(users)
  if (people > 0) throw new NotEmptyError(`The database already has ${people} accounts`)
  const pop = population(options.scale)
  await generateCoreData(config, pop, inserter(client, 'core', options.onProgress))
  for (const [index, plugin] of plugins.entries()) {
    await plugin.definition.bench?.generate(benchContext(client, plugin, pop, index, options.onProgress))
  }
  // As a bulk load should end: the rows were indexed batch by batch, leaving segments and stale entries.
  options.onProgress?.('core', 'search indexes', 0, 1)
  await optimizeSearchIndexes(client)
  options.onProgress?.('core', 'search indexes', 1, 1)
}

/** The pages to drive on a generated district, the core's first, with the password everyone signs in with. */
export async function benchManifest(db: Database, client: Client, plugins: readonly MountedPlugin[]): Promise<BenchManifest> {
  // The reference time is kept in the data (the administrator's account opens the history), so
  // pages computed later agree with the dates the generator used.
  const [[admin], [{ people } = { people: 0 }], [{ orgs } = { orgs: 0 }], [profile]] = await Promise.all([
    db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, benchPersonId(0))),
    db.select({ people: count() }).from(users),
    db.select({ orgs: count() }).from(organizations),
    db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, benchOrganizationId(1))),
  ])
  if (!admin) throw new NotEmptyError('This database was not generated for the benchmark (distrito generate)')
  const pop = population(orgs / populationSize(1).organizations, { people, organizations: orgs }, admin.createdAt.getTime() + HISTORY_MS)
  const [beforeDeep] = await db.select({ name: organizations.name, id: organizations.id }).from(organizations)
    .orderBy(asc(organizations.name), asc(organizations.id)).limit(1).offset((deepDirectoryPage(pop) - 1) * DIRECTORY_PAGE_SIZE - 1)
  const pages = corePages(pop, profile?.slug ?? '', beforeDeep ? [beforeDeep.name, beforeDeep.id] : [''])
  for (const [index, plugin] of plugins.entries()) {
    if (plugin.definition.bench) pages.push(...(await plugin.definition.bench.pages(benchContext(client, plugin, pop, index))))
  }
  return { scale: pop.scale, password: BENCH_PASSWORD, pages }
}
