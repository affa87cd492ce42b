import { afterEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@distrito/core/testing'
import { users } from '@distrito/core/db'

let t: TestDistrict
afterEach(() => t?.close())

const NEW_PASSWORD = 'farallones de cali 2026'

describe('password reset', () => {
  it('answers the same for unknown addresses and mails a link only to accounts', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    const known = await t.post('/password/forgot', { email: user.email })
    const unknown = await t.post('/password/forgot', { email: 'nadie@example.co' })
    expect(known.status).toBe(303)
    expect(unknown.status).toBe(303)
    expect(known.headers.get('Location')).toBe(`/password/forgot/sent?email=${encodeURIComponent(user.email)}`)
    expect(unknown.headers.get('Location')).toBe('/password/forgot/sent?email=nadie%40example.co')
    expect(await t.mails('nadie@example.co')).toHaveLength(0)
    const [mail] = await t.mails(user.email)
    expect(mail?.links[0]).toMatch(/^\/password\/reset\//)
  })

  it('sets a new password once, ends every session, and refuses the link a second time', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    const other = t.client()
    await other.login(user.email)
    await t.post('/password/forgot', { email: user.email })
    const link = (await t.mails(user.email))[0]!.links[0]!
    const form = await t.get(link)
    expect(form.status).toBe(200)
    expect(form.headers.get('Referrer-Policy')).toBe('no-referrer')
    const mismatch = await t.post(link, { password: NEW_PASSWORD, confirm: 'otra cosa distinta' })
    expect(mismatch.status).toBe(422)
    expect(await mismatch.text()).toContain('Las dos contraseñas no coinciden.')
    const res = await t.post(link, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/login')
    expect((await other.get('/account')).status).toBe(303)
    expect((await t.post('/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(401)
    await t.login(user.email, NEW_PASSWORD)
    const reused = await t.client().post(link, { password: 'otra clave bastante larga', confirm: 'otra clave bastante larga' })
    expect(reused.status).toBe(400)
    expect(await reused.text()).toContain('Este enlace ya no sirve')
  })

  it('refuses an expired link', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    await t.post('/password/forgot', { email: user.email })
    const link = (await t.mails(user.email))[0]!.links[0]!
    await t.district.db.run(`UPDATE core_user_tokens SET expires_at = ${Date.now() - 1000}` as never)
    expect((await t.get(link)).status).toBe(400)
    expect((await t.post(link, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(400)
    const [row] = await t.district.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id))
    await t.login(user.email)
    expect(row?.hash).toMatch(/^\$argon2id/)
  })

  it('stops mailing one account after five requests an hour', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    for (let i = 0; i < 7; i++) await t.post('/password/forgot', { email: user.email })
    expect(await t.mails(user.email)).toHaveLength(5)
  })
})

describe('the account page', () => {
  it('asks visitors to sign in first and comes back after', async () => {
    t = await createTestDistrict()
    const res = await t.get('/account')
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/login?next=%2Faccount')
  })

  it('saves the name and the preferred language, which then picks the page language', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    await t.login(user.email)
    const bad = await t.post('/account', { name: '', locale: 'fr' })
    expect(bad.status).toBe(422)
    const res = await t.post('/account', { name: 'Camila Ortiz', locale: 'en' })
    expect(res.status).toBe(303)
    const html = await (await t.get('/account')).text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('value="Camila Ortiz"')
  })

  it('lists active sessions, ends one, and signs out everywhere else', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    const phone = t.client()
    await phone.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130 Mobile Safari/537.36' },
      body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }),
    })
    const laptop = t.client()
    await laptop.login(user.email)
    await t.login(user.email)
    const html = await (await t.get('/account')).text()
    expect(html).toContain('Chrome · Android')
    expect(html).toContain('Este dispositivo')
    const ids = [...html.matchAll(/action="\/account\/sessions\/([a-z2-9]{24})\/end"/g)].map((m) => m[1]!)
    expect(ids).toHaveLength(2)
    expect((await t.post(`/account/sessions/${ids[0]}/end`, {})).status).toBe(303)
    const stillIn = [(await phone.get('/account')).status, (await laptop.get('/account')).status]
    expect(stillIn.filter((s) => s === 200)).toHaveLength(1)
    await t.post('/account/sessions/end-others', {})
    expect((await phone.get('/account')).status).toBe(303)
    expect((await laptop.get('/account')).status).toBe(303)
    expect((await t.get('/account')).status).toBe(200)
  })

  it('will not end another person’s session', async () => {
    t = await createTestDistrict()
    const [a, b] = [await t.createUser(), await t.createUser()]
    const other = t.client()
    await other.login(b.email)
    const [row] = await t.district.db.all<{ id: string }>(`SELECT id FROM core_sessions` as never)
    await t.login(a.email)
    expect((await t.post(`/account/sessions/${row!.id}/end`, {})).status).toBe(404)
    expect((await other.get('/account')).status).toBe(200)
  })

  it('changes the password with the current one, ending the other sessions and telling the owner by mail', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    const other = t.client()
    await other.login(user.email)
    await t.login(user.email)
    const wrong = await t.post('/account/password', { current: 'no es la actual', password: NEW_PASSWORD, confirm: NEW_PASSWORD })
    expect(wrong.status).toBe(401)
    expect(await wrong.text()).toContain('La contraseña no es correcta.')
    const weak = await t.post('/account/password', { current: TEST_PASSWORD, password: '1234567890', confirm: '1234567890' })
    expect(weak.status).toBe(422)
    const res = await t.post('/account/password', { current: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD })
    expect(res.status).toBe(303)
    expect((await other.get('/account')).status).toBe(303)
    expect((await t.get('/account')).status).toBe(200)
    expect((await t.mails(user.email))[0]?.subject).toBe('Su contraseña de Distrito de prueba cambió')
  })
})

describe('changing the email address', () => {
  it('changes it only once the new address confirms, and tells the old one', async () => {
    t = await createTestDistrict()
    const user = await t.createUser({ email: 'vieja@example.co' })
    await t.login(user.email)
    const wrong = await t.post('/account/email', { email: 'nueva@example.co', password: 'no es la clave' })
    expect(wrong.status).toBe(401)
    const same = await t.post('/account/email', { email: 'VIEJA@example.co', password: TEST_PASSWORD })
    expect(await same.text()).toContain('Ese ya es su correo.')
    expect((await t.post('/account/email', { email: 'nueva@example.co', password: TEST_PASSWORD })).status).toBe(303)
    let [row] = await t.district.db.select().from(users).where(eq(users.id, user.id))
    expect(row?.email).toBe('vieja@example.co')
    const link = (await t.mails('nueva@example.co'))[0]!.links[0]!
    expect(await (await t.get(link)).text()).toContain('Su cuenta usará nueva@example.co')
    expect((await t.post(link, {})).headers.get('Location')).toBe('/account')
    ;[row] = await t.district.db.select().from(users).where(eq(users.id, user.id))
    expect(row?.email).toBe('nueva@example.co')
    expect((await t.mails('vieja@example.co'))[0]?.subject).toBe('El correo de su cuenta en Distrito de prueba cambió')
    expect((await t.post(link, {})).status).toBe(400)
    await t.client().login('nueva@example.co')
  })

  it('refuses to take an address another account has, when the link is opened', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    const other = await t.createUser({ email: 'ocupada@example.co' })
    await t.login(user.email)
    await t.post('/account/email', { email: other.email, password: TEST_PASSWORD })
    const link = (await t.mails(other.email))[0]!.links[0]!
    const res = await t.post(link, {})
    expect(res.status).toBe(409)
    const [row] = await t.district.db.select().from(users).where(eq(users.id, user.id))
    expect(row?.email).toBe(user.email)
  })
})
