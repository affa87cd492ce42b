import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CORE_MIGRATIONS, createDistrict, type District, type DistrictInput } from '../district/create-district.js'
import { silentLogger } from '../log/logger.js'
import type { PluginInstance } from '../plugin/define-plugin.js'
import { CookieJar } from './cookie-jar.js'

export { CookieJar } from './cookie-jar.js'

/** The origin test requests come from; CSRF checks accept it as the district's own. */
export const TEST_ORIGIN = 'http://localhost'

export type TestResponse = Response & {
  /** SQL statements the request ran (from the Server-Timing header). */
  queries: number
}

export interface RequestOptions extends RequestInit {
  /** Sends the request without a browser's Origin header, as a forged cross-site post would look. */
  origin?: string | null
}

export interface TestClient {
  jar: CookieJar
  request(path: string, init?: RequestOptions): Promise<TestResponse>
  get(path: string, init?: RequestOptions): Promise<TestResponse>
  /** Posts a form as a browser does: urlencoded, with the page's Origin. */
  post(path: string, fields: Record<string, string | string[]>, init?: RequestOptions): Promise<TestResponse>
}

export interface TestDistrict extends TestClient {
  district: District
  /** A second visitor with its own cookies. */
  client(): TestClient
  close(): void
}

/** How many migrations the core ships, for tests that check what `migrate` reports. */
export function coreMigrationCount(): number {
  return (JSON.parse(readFileSync(join(CORE_MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length
}

export function queriesOf(response: Response): number {
  const match = /db;desc="(\d+) queries"/.exec(response.headers.get('Server-Timing') ?? '')
  return match ? Number(match[1]) : Number.NaN
}

function makeClient(district: District): TestClient {
  const jar = new CookieJar()
  const request = async (path: string, init: RequestOptions = {}): Promise<TestResponse> => {
    const { origin = TEST_ORIGIN, ...rest } = init
    const headers = new Headers(rest.headers)
    const method = (rest.method ?? 'GET').toUpperCase()
    if (!headers.has('Accept')) headers.set('Accept', 'text/html,application/xhtml+xml')
    if (method !== 'GET' && method !== 'HEAD' && origin !== null && !headers.has('Origin')) headers.set('Origin', origin)
    const cookie = jar.header()
    if (cookie && !headers.has('Cookie')) headers.set('Cookie', cookie)
    const response = await district.app.request(new URL(path, TEST_ORIGIN).href, { ...rest, method, headers })
    jar.store(response)
    return Object.assign(response, { queries: queriesOf(response) })
  }
  return {
    jar,
    request,
    get: (path, init) => request(path, { ...init, method: 'GET' }),
    post: (path, fields, init = {}) => {
      const body = new URLSearchParams()
      for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v)
      const headers = new Headers(init.headers)
      headers.set('Content-Type', 'application/x-www-form-urlencoded')
      return request(path, { ...init, method: 'POST', body, headers })
    },
  }
}

export const testDistrictConfig: Omit<DistrictInput, 'plugins'> = {
  slug: 'test-district',
  name: { 'es-CO': 'Distrito de prueba', en: 'Test district' },
  tagline: { 'es-CO': 'Un distrito para las pruebas.', en: 'A district for tests.' },
  sectors: [{ id: 'salud', name: { 'es-CO': 'Salud', en: 'Health' } }],
  subregions: [{ id: 'sur', name: { 'es-CO': 'Sur', en: 'South' } }],
}

/**
 * A district on a fresh temporary database with the given plugins, migrated (and seeded when
 * asked), plus a client that keeps cookies and passes CSRF checks the way a browser does.
 */
export async function createTestDistrict(
  options: { plugins?: PluginInstance[]; config?: Partial<DistrictInput>; migrate?: boolean; seed?: boolean | { demo: boolean } } = {},
): Promise<TestDistrict> {
  const dir = mkdtempSync(join(tmpdir(), 'distrito-test-'))
  const district = await createDistrict({
    ...testDistrictConfig,
    logger: silentLogger,
    serverTiming: true,
    ...options.config,
    database: { url: `file:${join(dir, 'test.db')}`, ...options.config?.database },
    plugins: options.plugins ?? [],
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true })
    throw error
  })
  if (options.migrate ?? true) await district.migrate()
  if (options.seed) await district.seed({ demo: typeof options.seed === 'object' ? options.seed.demo : false })
  return {
    district,
    ...makeClient(district),
    client: () => makeClient(district),
    close: () => {
      district.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
