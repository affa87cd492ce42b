import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CORE_MIGRATIONS, createDistrict, type District, type DistrictInput } from '../district/create-district.js'
import { silentLogger } from '../log/logger.js'
import type { PluginInstance } from '../plugin/define-plugin.js'
import { CookieJar } from './cookie-jar.js'
import { desc, eq, sql } from 'drizzle-orm'
import { users } from '../db/schema/users.js'
import { outbox } from '../db/schema/outbox.js'
import { workflowItems } from '../db/schema/workflows.js'
import { VERIFICATION_WORKFLOW } from '../organizations/verification/workflow.js'
import { type OrganizationKind, organizations } from '../db/schema/organizations.js'
import { memberships, programManagers, type OrganizationRole } from '../db/schema/memberships.js'
import { slugify } from '../db/slugs.js'
import { hashPassword } from '../auth/password.js'
import { withQueryStats } from '../db/query-stats.js'

// argon2id is slow on purpose; tests create many accounts with the same few passwords.
const hashes = new Map<string, Promise<string>>()
function testHash(password: string): Promise<string> {
  let hash = hashes.get(password)
  if (!hash) hashes.set(password, (hash = hashPassword(password)))
  return hash
}

export { CookieJar } from './cookie-jar.js'
export { simplePdf } from '../files/simple-pdf.js'

/** The origin test requests come from; CSRF checks accept it as the district's own. */
export const TEST_ORIGIN = 'http://localhost'

export type TestResponse = Response & {
  /** SQL statements the request ran (from the Server-Timing header). */
  queries: number
  /** Their SQL, in the order they ran (the first 200), e.g. to check their plans. */
  statements: string[]
}

export interface RequestOptions extends RequestInit {
  /** Sends the request without a browser's Origin header, as a forged cross-site post would look. */
  origin?: string | null
}

export interface TestClient {
  jar: CookieJar
  /** Signs this visitor in through the real sign-in form; fails the test if it does not work. */
  login(email: string, password?: string): Promise<void>
  request(path: string, init?: RequestOptions): Promise<TestResponse>
  get(path: string, init?: RequestOptions): Promise<TestResponse>
  /** Posts a form as a browser does: urlencoded, with the page's Origin. */
  post(path: string, fields: Record<string, string | string[]>, init?: RequestOptions): Promise<TestResponse>
}

export interface TestDistrict extends TestClient {
  district: District
  /** A second visitor with its own cookies. */
  client(): TestClient
  /** An account straight in the database (verified unless told otherwise), password `TEST_PASSWORD`. */
  createUser(input?: Partial<{ email: string; name: string; password: string; platformRole: 'admin' | 'member'; verified: boolean; managerOf: string[] }>): Promise<TestUser>
  /**
   * An organization straight in the database (a startup unless told otherwise), with members and
   * their roles; the first member listed is usually its owner.
   */
  createOrganization(input?: Partial<{ name: string; kind: OrganizationKind; isAnchor: boolean; verified: boolean; members: { user: TestUser; role: OrganizationRole }[] }>): Promise<{ id: string; slug: string; name: string }>
  /** The newest messages in the outbox, optionally to one address, with the links they contain. */
  mails(to?: string): Promise<TestMail[]>
  close(): void
}

/** How many migrations a drizzle migrations folder holds (its journal's entries), e.g. a plugin's `db.migrations`. */
export function migrationCount(folder: string): number {
  return (JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length
}

/** How many migrations the core ships, for tests that check what `migrate` reports. */
export function coreMigrationCount(): number {
  return migrationCount(CORE_MIGRATIONS)
}

export function queriesOf(response: Response): number {
  const match = /db;desc="(\d+) queries"/.exec(response.headers.get('Server-Timing') ?? '')
  return match ? Number(match[1]) : Number.NaN
}

/** The password `createUser` gives accounts unless told otherwise. */
export const TEST_PASSWORD = 'pruebas-del-distrito-2026'

export interface TestUser {
  id: string
  email: string
  name: string
  password: string
}

export interface TestMail {
  to: string
  subject: string
  text: string
  status: string
  /** Links in the message, as paths on the district (e.g. `/verify-email/…`). */
  links: string[]
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
    const { stats, result } = withQueryStats(() => district.app.request(new URL(path, TEST_ORIGIN).href, { ...rest, method, headers }))
    const response = await result
    jar.store(response)
    return Object.assign(response, { queries: queriesOf(response), statements: stats.statements })
  }
  const post: TestClient['post'] = (path, fields, init = {}) => {
    const body = new URLSearchParams()
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v)
    const headers = new Headers(init.headers)
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
    return request(path, { ...init, method: 'POST', body, headers })
  }
  return {
    jar,
    request,
    post,
    login: async (email, password = TEST_PASSWORD) => {
      const res = await post('/login', { email, password })
      if (res.status !== 303) throw new Error(`Signing in as ${email} failed with ${res.status}`)
    },
    get: (path, init) => request(path, { ...init, method: 'GET' }),
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
  let userCount = 0
  let orgCount = 0
  return {
    district,
    ...makeClient(district),
    client: () => makeClient(district),
    createUser: async (input = {}) => {
      userCount += 1
      const user = {
        id: crypto.randomUUID(),
        email: (input.email ?? `persona${userCount}@example.co`).toLowerCase(),
        name: input.name ?? `Persona ${userCount}`,
        password: input.password ?? TEST_PASSWORD,
      }
      const now = new Date()
      await district.db.insert(users).values({
        id: user.id, email: user.email, name: user.name, passwordHash: await testHash(user.password), platformRole: input.platformRole ?? 'member',
        emailVerifiedAt: input.verified === false ? null : now, termsAcceptedAt: now, privacyAcceptedAt: now,
      })
      if (input.managerOf?.length) await district.db.insert(programManagers).values(input.managerOf.map((pluginId) => ({ userId: user.id, pluginId })))
      return user
    },
    createOrganization: async (input = {}) => {
      orgCount += 1
      const name = input.name ?? `Organización ${orgCount}`
      const org = { id: crypto.randomUUID(), slug: `${slugify(name, 'organizacion')}-${orgCount}`, name }
      await district.db.insert(organizations).values({
        ...org, kind: input.kind ?? 'startup', isAnchor: input.isAnchor ?? false, investorType: input.kind === 'investor' ? 'vc_fund' : null,
        verifiedAt: input.verified ? new Date() : null, createdBy: input.members?.[0]?.user.id ?? null,
      })
      if (input.members?.length) await district.db.insert(memberships).values(input.members.map((m) => ({ organizationId: org.id, userId: m.user.id, role: m.role })))
      // A verified organization stands in the verified state of its verification workflow.
      if (input.verified) await district.db.insert(workflowItems).values({ workflow: VERIFICATION_WORKFLOW, itemId: org.id, state: 'verified', enteredAt: new Date() })
      return org
    },
    mails: async (to) => {
      const rows = await district.db.select().from(outbox).where(to ? eq(outbox.to, to.toLowerCase()) : undefined).orderBy(desc(outbox.createdAt), desc(sql`rowid`)).limit(50)
      return rows.map((m) => ({
        to: m.to, subject: m.subject, text: m.text, status: m.status,
        links: [...m.text.matchAll(/https?:\/\/[^\s]+/g)].map((match) => { const url = new URL(match[0]); return url.pathname + url.search }),
      }))
    },
    close: () => {
      district.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
