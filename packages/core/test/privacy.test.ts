import { afterEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { definePlugin, displayName } from '@distrito/core'
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@distrito/core/testing'
import { memberships, organizations, users } from '@distrito/core/db'

let t: TestDistrict
afterEach(() => t?.close())

const calls: string[] = []
const journal = definePlugin({
  id: 'journal',
  version: '1.0.0',
  requires: { core: '^0.1.0' },
  privacy: {
    export: async (userId) => ({ entries: [`entry by ${userId}`] }),
    erase: async (userId) => {
      calls.push(`erase ${userId}`)
    },
  },
})

describe('downloading one’s data', () => {
  it('gives a JSON file with the profile, organizations, sessions and each program’s data, without secrets', async () => {
    t = await createTestDistrict({ plugins: [journal()] })
    const user = await t.createUser({ name: 'Valentina Cuero' })
    await t.login(user.email)
    await t.post('/orgs', { name: 'Cuero Datos', kind: 'startup', country: 'CO' })
    const res = await t.get('/account/data')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="test-district-my-data-\d{4}-\d{2}-\d{2}\.json"$/)
    const text = await res.text()
    const data = JSON.parse(text)
    expect(data.account).toMatchObject({ email: user.email, name: 'Valentina Cuero' })
    expect(data.organizations).toEqual([expect.objectContaining({ organization: 'Cuero Datos', role: 'owner' })])
    expect(data.sessions).toHaveLength(1)
    expect(data.programs.journal).toEqual({ entries: [`entry by ${user.id}`] })
    expect(text).not.toContain('argon2')
    expect(text).not.toContain('secret')
  })
})

describe('deleting an account', () => {
  it('asks for the password and a confirmation', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    await t.login(user.email)
    expect((await t.post('/account/delete', { password: TEST_PASSWORD })).status).toBe(422)
    expect((await t.post('/account/delete', { password: 'no es la mía', confirm: 'on' })).status).toBe(401)
    const [row] = await t.district.db.select().from(users).where(eq(users.id, user.id))
    expect(row?.deletedAt).toBeNull()
  })

  it('anonymizes the person, keeps what others depend on, signs them out and lets programs erase their part', async () => {
    calls.length = 0
    t = await createTestDistrict({ plugins: [journal()] })
    const user = await t.createUser({ name: 'Jhon Jairo Mosquera' })
    const other = t.client()
    await other.login(user.email)
    await t.login(user.email)
    const org = await t.post('/orgs', { name: 'Mosquera IA', kind: 'startup', country: 'CO' })
    const slug = org.headers.get('Location')!.replace('/orgs/', '')
    await t.post(`/orgs/${slug}/invitations`, { email: 'colega@example.co', role: 'member' })
    const res = await t.post('/account/delete', { password: TEST_PASSWORD, confirm: 'on' })
    expect(res.status).toBe(303)
    expect(calls).toEqual([`erase ${user.id}`])
    const [row] = await t.district.db.select().from(users).where(eq(users.id, user.id))
    expect(row).toMatchObject({ name: '', email: `deleted-${user.id}@invalid`, deletedAt: expect.any(Date), emailVerifiedAt: null })
    expect(displayName(row!, t.district.translator('es-CO'))).toBe('Antiguo miembro')
    expect((await other.get('/account')).status).toBe(303)
    expect((await t.post('/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(401)
    // The organization stays in the directory; the pending invitation names a former member.
    expect(await t.district.db.select().from(organizations)).toHaveLength(1)
    expect(await t.district.db.select().from(memberships)).toHaveLength(0)
    const link = (await t.mails('colega@example.co'))[0]!.links[0]!
    expect(await (await t.client().get(link)).text()).toContain('Antiguo miembro lo invita como Miembro')
  })

  it('is refused while the person is the only owner of an organization with other members', async () => {
    t = await createTestDistrict()
    const user = await t.createUser()
    const colleague = await t.createUser()
    await t.login(user.email)
    const org = await t.post('/orgs', { name: 'Equipo Tuluá', kind: 'sme', country: 'CO' })
    const [row] = await t.district.db.select().from(organizations)
    await t.district.db.insert(memberships).values({ organizationId: row!.id, userId: colleague.id, role: 'member' })
    const page = await (await t.get('/account/delete')).text()
    expect(page).toContain('Antes, entregue sus organizaciones')
    expect(page).toContain(`href="${org.headers.get('Location')}/members"`)
    expect((await t.post('/account/delete', { password: TEST_PASSWORD, confirm: 'on' })).status).toBe(409)
    const [still] = await t.district.db.select().from(users).where(eq(users.id, user.id))
    expect(still?.deletedAt).toBeNull()
  })
})
