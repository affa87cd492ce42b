import { afterEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDistrict, silentLogger } from '@distrito/core'
import { createTestDistrict, TEST_PASSWORD, testDistrictConfig, type TestDistrict } from '@distrito/core/testing'
import { users } from '@distrito/core/db'

let t: TestDistrict
afterEach(() => t?.close())

const register = (client: Pick<TestDistrict, 'post'>, fields: Partial<Record<string, string>> = {}) =>
  client.post('/register', { name: 'Ana Lucía Restrepo', email: 'ana@agrodatos.co', password: 'caña de azúcar en el valle', terms: 'on', ...fields } as Record<string, string>)

describe('registration', () => {
  it('creates an unverified account, mails a verification link, and records the terms with the date', async () => {
    t = await createTestDistrict()
    const res = await register(t)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/register/sent?email=ana%40agrodatos.co')
    const [user] = await t.district.db.select().from(users).where(eq(users.email, 'ana@agrodatos.co'))
    expect(user?.emailVerifiedAt).toBeNull()
    expect(user?.termsAcceptedAt).toBeInstanceOf(Date)
    expect(user?.privacyAcceptedAt).toBeInstanceOf(Date)
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/)
    const [mail] = await t.mails('ana@agrodatos.co')
    expect(mail?.subject).toBe('Confirme su correo en Distrito de prueba')
    expect(mail?.links[0]).toMatch(/^\/verify-email\/[a-z2-9]{24}\.[a-z2-9]{24}$/)
    expect(mail?.status).toBe('stored')
  })

  it('answers a duplicate email exactly like a new one, and tells the owner by mail instead', async () => {
    t = await createTestDistrict()
    const owner = await t.createUser({ email: 'ana@agrodatos.co' })
    const res = await register(t)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/register/sent?email=ana%40agrodatos.co')
    expect(await t.district.db.select().from(users).where(eq(users.email, owner.email))).toHaveLength(1)
    const [mail] = await t.mails(owner.email)
    expect(mail?.subject).toBe('Ya tiene una cuenta en Distrito de prueba')
    const page = await (await t.get(res.headers.get('Location')!)).text()
    expect(page).toContain('Enviamos un mensaje a ana@agrodatos.co')
  })

  it('answers a double submission with one account and no error', async () => {
    t = await createTestDistrict()
    const [a, b] = await Promise.all([register(t), register(t.client())])
    expect([a.status, b.status]).toEqual([303, 303])
    expect(await t.district.db.select().from(users)).toHaveLength(1)
  })

  it('refuses a short or common password, and missing terms, with messages next to the fields', async () => {
    t = await createTestDistrict()
    let res = await register(t, { password: 'corta' })
    expect(res.status).toBe(422)
    let html = await res.text()
    expect(html).toContain('Use al menos 10 caracteres.')
    expect(html).toContain('value="Ana Lucía Restrepo"')
    res = await register(t, { password: 'contrasena123' })
    expect(await res.text()).toContain('Esa contraseña es de las primeras que prueban los atacantes')
    res = await register(t, { terms: '' })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('debe aceptar los términos')
    res = await register(t, { email: 'no-es-un-correo' })
    expect(await res.text()).toContain('Escriba un correo electrónico como nombre@empresa.co.')
    expect(await t.district.db.select().from(users)).toHaveLength(0)
  })

  it('says how long a field may be instead of failing on oversized input', async () => {
    t = await createTestDistrict()
    const res = await register(t, { name: 'A'.repeat(121) })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Use como máximo 120 caracteres.')
    const huge = await register(t, { name: 'A'.repeat(1_100_000) })
    expect(huge.status).toBe(413)
    expect(await t.district.db.select().from(users)).toHaveLength(0)
  })

  it('renders HTML typed into a name as text', async () => {
    t = await createTestDistrict()
    await register(t, { name: '<script>alert(1)</script><b>Ana</b>' })
    const [mail] = await t.mails('ana@agrodatos.co')
    await t.post(mail!.links[0]!, {})
    const html = await (await t.get('/account')).text()
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Ana&lt;/b&gt;')
  })

  it('refuses a registration posted from another site, and writes nothing', async () => {
    t = await createTestDistrict()
    const forged = await register({ post: (path, fields) => t.post(path, fields, { origin: 'https://evil.example' }) })
    expect(forged.status).toBe(403)
    const noOrigin = await register({ post: (path, fields) => t.post(path, fields, { origin: null }) })
    expect(noOrigin.status).toBe(403)
    expect(await t.district.db.select().from(users)).toHaveLength(0)
  })
})

describe('email verification', () => {
  it('verifies with a button (not on GET), signs the person in, and works once', async () => {
    t = await createTestDistrict()
    await register(t)
    const [mail] = await t.mails('ana@agrodatos.co')
    const link = mail!.links[0]!
    const page = await t.get(link)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Confirmar mi correo')
    let [user] = await t.district.db.select().from(users)
    expect(user?.emailVerifiedAt).toBeNull()
    const res = await t.post(link, {})
    expect(res.status).toBe(303)
    ;[user] = await t.district.db.select().from(users)
    expect(user?.emailVerifiedAt).toBeInstanceOf(Date)
    expect(await (await t.get('/account')).text()).toContain('ana@agrodatos.co')
    const again = await t.client().post(link, {})
    expect(again.status).toBe(400)
    expect(await again.text()).toContain('Este enlace ya no sirve')
  })

  it('refuses a forged link', async () => {
    t = await createTestDistrict()
    await register(t)
    const [mail] = await t.mails('ana@agrodatos.co')
    const forged = mail!.links[0]!.replace(/\.[a-z2-9]{24}$/, `.${'a'.repeat(24)}`)
    expect((await t.post(forged, {})).status).toBe(400)
    expect((await t.get('/verify-email/not-a-token')).status).toBe(400)
  })

  it('resends a link to a signed-in unverified person', async () => {
    t = await createTestDistrict()
    const user = await t.createUser({ verified: false })
    await t.login(user.email)
    expect(await (await t.get('/')).text()).toContain(`Confirme su correo ${user.email}`)
    const res = await t.post('/verify-email', {})
    expect(res.status).toBe(303)
    expect((await t.mails(user.email))[0]?.links[0]).toMatch(/^\/verify-email\//)
  })
})

describe('sign-in and sessions', () => {
  it('signs in with a fresh id.secret session whose secret is stored only as a hash', async () => {
    t = await createTestDistrict()
    const user = await t.createUser({ email: 'juan@example.co' })
    t.jar.set('distrito_session', 'aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaa')
    const res = await t.post('/login', { email: 'JUAN@example.co ', password: TEST_PASSWORD, next: '/account' })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/account')
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('distrito_session=') && !c.startsWith('distrito_session=;'))!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/Secure/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const token = cookie.split(';')[0]!.split('=')[1]!
    const [id, secret] = token.split('.')
    const rows = await t.district.db.all<{ id: string; secret_hash: ArrayBuffer }>(`SELECT id, secret_hash FROM core_sessions` as never)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.id).toBe(id)
    expect(Buffer.from(rows[0]!.secret_hash).toString('utf8')).not.toContain(secret)
    expect(await (await t.get('/account')).text()).toContain(user.email)
  })

  it('uses a __Host- cookie when the district is served over https', async () => {
    t = await createTestDistrict({ config: { publicUrl: 'https://distrito.example.gov.co' } })
    const user = await t.createUser()
    const origin = 'https://distrito.example.gov.co'
    const res = await t.post('/login', { email: user.email, password: TEST_PASSWORD }, { origin })
    expect(res.status).toBe(303)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-distrito_session='))!
    expect(cookie).toMatch(/; Path=\//)
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).not.toMatch(/Domain=/i)
    expect((await t.get('/account')).status).toBe(200)
    await t.post('/logout', {}, { origin })
    expect((await t.get('/account')).status).toBe(303)
  })

  it('takes the session only from a cookie of its exact name, the first one sent', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    await t.login(user.email)
    const token = t.jar.get('distrito_session')!
    const account = (cookie: string) => t.client().get('/account', { headers: { Cookie: cookie } })
    expect((await account(`tema="claro"; distrito_session=${token}; distrito_session=garbage`)).status).toBe(200)
    expect((await account(` distrito_session = ${token} ;otra=1`)).status).toBe(200)
    expect((await account(`distrito_session=garbage; distrito_session=${token}`)).status).toBe(303)
    expect((await account(`xdistrito_session=${token}`)).status).toBe(303)
    expect((await account(`distrito_sessio=${token}`)).status).toBe(303)
    // Over https only the __Host- cookie counts: one a sibling subdomain could plant is ignored.
    const secure = await createTestDistrict({ config: { publicUrl: 'https://distrito.example.gov.co' } })
    try {
      const other = await secure.createUser()
      expect((await secure.post('/login', { email: other.email, password: TEST_PASSWORD }, { origin: 'https://distrito.example.gov.co' })).status).toBe(303)
      const hostToken = secure.jar.get('__Host-distrito_session')!
      const visit = (cookie: string) => secure.client().get('/account', { headers: { Cookie: cookie } })
      expect((await visit(`__Host-distrito_session=${hostToken}`)).status).toBe(200)
      expect((await visit(`distrito_session=${hostToken}`)).status).toBe(303)
    } finally {
      secure.close()
    }
  })

  it('never redirects outside the district after signing in', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    const res = await t.post('/login', { email: user.email, password: TEST_PASSWORD, next: '//evil.example/' })
    expect(res.headers.get('Location')).toBe('/')
  })

  it('gives one message for a wrong password and for an unknown account', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    const wrong = await t.post('/login', { email: user.email, password: 'no-es-esta-clave' })
    const unknown = await t.post('/login', { email: 'nadie@example.co', password: 'no-es-esta-clave' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const message = 'El correo o la contraseña no son correctos.'
    expect(await wrong.text()).toContain(message)
    expect(await unknown.text()).toContain(message)
  })

  it('treats a forged, tampered or stale session cookie as signed out, and clears it', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    await t.login(user.email)
    const token = t.jar.get('distrito_session')!
    const tampered = `${token.split('.')[0]}.${'b'.repeat(24)}`
    for (const cookie of ['garbage', 'aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaa', tampered]) {
      const visitor = t.client()
      visitor.jar.set('distrito_session', cookie)
      const res = await visitor.get('/account')
      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toBe('/login?next=%2Faccount')
      expect(res.headers.getSetCookie().some((c) => c.startsWith('distrito_session=;'))).toBe(true)
    }
    // Eleven days without a request: past the inactivity window.
    await t.district.db.run(`UPDATE core_sessions SET last_verified_at = ${Date.now() - 11 * 24 * 3600 * 1000}` as never)
    expect((await t.get('/account')).status).toBe(303)
    expect(await t.district.db.all(`SELECT id FROM core_sessions` as never)).toHaveLength(0)
  })

  it('moves the last activity forward at most once an hour', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    await t.login(user.email)
    const before = await t.get('/account')
    expect(before.headers.getSetCookie().some((c) => c.startsWith('distrito_session='))).toBe(false)
    const twoHoursAgo = Date.now() - 2 * 3600 * 1000
    await t.district.db.run(`UPDATE core_sessions SET last_verified_at = ${twoHoursAgo}` as never)
    const res = await t.get('/account')
    expect(res.headers.getSetCookie().some((c) => c.startsWith('distrito_session=') && /Max-Age=864000/.test(c))).toBe(true)
    const [row] = await t.district.db.all<{ last_verified_at: number }>(`SELECT last_verified_at FROM core_sessions` as never)
    expect(row!.last_verified_at).toBeGreaterThan(twoHoursAgo)
  })

  it('signs out, ending the session in the database', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    await t.login(user.email)
    const res = await t.post('/logout', {})
    expect(res.status).toBe(303)
    expect(await t.district.db.all(`SELECT id FROM core_sessions` as never)).toHaveLength(0)
    expect((await t.get('/account')).status).toBe(303)
  })

  it('marks pages of a signed-in person as private to caches', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    await t.login(user.email)
    expect((await t.get('/')).headers.get('Cache-Control')).toBe('private, no-store')
  })
})

describe('sign-in throttling, stored in the database', () => {
  it('locks an account after five failures, even for the right password, and for unknown accounts too', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    for (let i = 0; i < 5; i++) expect((await t.post('/login', { email: user.email, password: 'equivocada-' + i })).status).toBe(401)
    const locked = await t.post('/login', { email: user.email, password: TEST_PASSWORD })
    expect(locked.status).toBe(429)
    expect(locked.headers.get('Retry-After')).toBe('900')
    expect(await locked.text()).toContain('Demasiados intentos fallidos. Espere 15 minutos')
    for (let i = 0; i < 5; i++) await t.post('/login', { email: 'nadie@example.co', password: 'equivocada' })
    expect((await t.post('/login', { email: 'nadie@example.co', password: 'equivocada' })).status).toBe(429)
  })

  it('holds across two app instances sharing the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'distrito-two-'))
    const url = `file:${join(dir, 'shared.db')}`
    t = await createTestDistrict({ config: { database: { url } } })
    const user = await t.createUser()
    const second = await createDistrict({ ...testDistrictConfig, logger: silentLogger, database: { url }, plugins: [] })
    try {
      const postTo = (app: typeof second.app, password: string) =>
        app.request('http://localhost/login', {
          method: 'POST',
          headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
          body: new URLSearchParams({ email: user.email, password }),
        })
      // Failures alternate between the instances; the sixth attempt is refused by either.
      for (let i = 0; i < 5; i++) expect((await postTo(i % 2 ? second.app : t.district.app, 'equivocada')).status).toBe(401)
      expect((await postTo(second.app, TEST_PASSWORD)).status).toBe(429)
      expect((await postTo(t.district.app, TEST_PASSWORD)).status).toBe(429)
    } finally {
      second.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('limits one address trying many accounts, behind a trusted proxy', async () => {
    t = await createTestDistrict({ config: { trustProxy: true } })
    const headers = { 'X-Forwarded-For': '203.0.113.9, 10.0.0.7' }
    for (let i = 0; i < 30; i++) await t.post('/login', { email: `p${i}@example.co`, password: 'equivocada' }, { headers })
    expect((await t.post('/login', { email: 'otra@example.co', password: 'equivocada' }, { headers })).status).toBe(429)
    // Another address is not affected.
    expect((await t.post('/login', { email: 'otra@example.co', password: 'equivocada' }, { headers: { 'X-Forwarded-For': '10.0.0.8' } })).status).toBe(401)
  })

  it('does not pool visitors whose address is unknown into one counter anyone could fill', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    for (let i = 0; i < 31; i++) await t.post('/login', { email: `p${i}@example.co`, password: 'equivocada' }, { headers: { 'X-Forwarded-For': '198.51.100.1' } })
    await t.login(user.email)
    const rows = await t.district.db.all<{ key: string }>(`SELECT key FROM core_throttles WHERE key LIKE 'login:address:%'` as never)
    expect(rows).toEqual([])
  })

  it('clears the account counter after a successful sign-in', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    for (let i = 0; i < 4; i++) await t.post('/login', { email: user.email, password: 'equivocada' })
    await t.login(user.email)
    const rows = await t.district.db.all<{ key: string }>(`SELECT key FROM core_throttles WHERE key LIKE 'login:account:%'` as never)
    expect(rows).toHaveLength(0)
  })
})
