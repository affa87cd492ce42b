import { afterEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { AssemblyError, definePlugin, requirePermission } from '@distrito/core'
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@distrito/core/testing'
import { organizations, users } from '@distrito/core/db'

let t: TestDistrict
afterEach(() => t?.close())

/** A program with one permission for everyone verified, one for organization admins, one for managers only. */
const program = definePlugin({
  id: 'grants',
  version: '1.0.0',
  name: 'grants.name',
  requires: { core: '^0.1.0' },
  permissions: {
    apply: { label: 'grants.permission.apply', grantedTo: ['member'] },
    submit: { label: 'grants.permission.submit', grantedTo: ['org:admin'] },
    decide: { label: 'grants.permission.decide' },
  },
  messages: {
    'es-CO': { 'grants.name': 'Subvenciones', 'grants.permission.apply': 'Postularse', 'grants.permission.submit': 'Enviar por la organización', 'grants.permission.decide': 'Decidir' },
    en: { 'grants.name': 'Grants', 'grants.permission.apply': 'Apply', 'grants.permission.submit': 'Submit for the organization', 'grants.permission.decide': 'Decide' },
  },
  routes: (app) => {
    for (const name of ['apply', 'submit', 'decide']) app.get(`/${name}`, requirePermission(`grants:${name}`), (c) => c.text(`ok ${name}`))
    app.get('/buttons', (c) => c.text(['apply', 'submit', 'decide'].filter((p) => c.var.can(`grants:${p}`)).join(',')))
  },
})

describe('the administration area', () => {
  it('is closed to visitors (sign in) and to members (403)', async () => {
    t = await createTestDistrict()
    expect((await t.get('/admin/users')).headers.get('Location')).toBe('/login?next=%2Fadmin%2Fusers')
    const member = await t.createUser()
    await t.login(member.email)
    for (const path of ['/admin', '/admin/users', '/admin/organizations', '/admin/outbox', '/admin/roles', `/admin/users/${member.id}`]) {
      expect([path, (await t.get(path)).status]).toEqual([path, 403])
    }
    expect((await t.post(`/admin/users/${member.id}`, { platformRole: 'admin' })).status).toBe(403)
    const [row] = await t.district.db.select().from(users).where(eq(users.id, member.id))
    expect(row?.platformRole).toBe('member')
    expect(await (await t.get('/')).text()).not.toContain('href="/admin"')
  })

  it('lets an administrator find people and make someone a program manager, who then holds the program’s permissions', async () => {
    t = await createTestDistrict({ plugins: [program()] })
    const admin = await t.createUser({ platformRole: 'admin', email: 'admin@distrito.co' })
    const manager = await t.createUser({ email: 'gestora@distrito.co', name: 'Gestora de Subvenciones' })
    await t.login(admin.email)
    expect(await (await t.get('/')).text()).toContain('href="/admin"')
    const list = await (await t.get('/admin/users?q=gestora')).text()
    expect(list).toContain('Gestora de Subvenciones')
    expect(list).not.toContain('admin@distrito.co')
    const asManager = t.client()
    await asManager.login(manager.email)
    expect((await asManager.get('/grants/decide')).status).toBe(403)
    const res = await t.post(`/admin/users/${manager.id}`, { platformRole: 'member', managerOf: 'grants' })
    expect(res.status).toBe(303)
    expect(await (await asManager.get('/grants/decide')).text()).toBe('ok decide')
    expect(await (await asManager.get('/grants/buttons')).text()).toBe('apply,submit,decide')
    expect((await t.post(`/admin/users/${manager.id}`, { platformRole: 'member', managerOf: 'unknown' })).status).toBe(422)
  })

  it('will not let an administrator remove their own role', async () => {
    t = await createTestDistrict()
    const admin = await t.createUser({ platformRole: 'admin' })
    await t.login(admin.email)
    await t.post(`/admin/users/${admin.id}`, { platformRole: 'member' })
    const [row] = await t.district.db.select().from(users).where(eq(users.id, admin.id))
    expect(row?.platformRole).toBe('admin')
  })

  it('suspends an account: its sessions end, it cannot sign in (said only to whoever knows the password), and it can be reactivated', async () => {
    t = await createTestDistrict()
    const admin = await t.createUser({ platformRole: 'admin' })
    const member = await t.createUser({ name: 'Persona Suspendida' })
    const asMember = t.client()
    await asMember.login(member.email)
    expect((await asMember.post(`/admin/users/${member.id}/suspension`, { suspended: 'true' })).status).toBe(403)
    await t.login(admin.email)
    await t.post(`/admin/users/${member.id}/suspension`, { suspended: 'true' })
    expect(await (await t.get(`/admin/users/${member.id}`)).text()).toContain('Suspendimos la cuenta de Persona Suspendida')
    expect((await asMember.get('/account')).status).toBe(303)
    const refused = await t.client().post('/login', { email: member.email, password: TEST_PASSWORD })
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('La administración del distrito suspendió esta cuenta.')
    const wrong = await t.client().post('/login', { email: member.email, password: 'no es la clave' })
    expect(wrong.status).toBe(401)
    expect(await wrong.text()).not.toContain('suspendió')
    await t.post(`/admin/users/${member.id}/suspension`, { suspended: 'false' })
    await t.client().login(member.email)
    await t.post(`/admin/users/${admin.id}/suspension`, { suspended: 'true' })
    expect((await t.get('/account')).status).toBe(200)
  })

  it('verifies an organization, which then shows the badge', async () => {
    t = await createTestDistrict()
    const admin = await t.createUser({ platformRole: 'admin' })
    const owner = await t.createUser()
    const org = await t.createOrganization({ name: 'Fundación Pacífico', kind: 'ngo', members: [{ user: owner, role: 'owner' }] })
    await t.login(admin.email)
    const pending = await (await t.get('/admin/organizations?status=unverified')).text()
    expect(pending).toContain('Fundación Pacífico')
    expect(await (await t.client().get(`/orgs/${org.slug}`)).text()).not.toContain('Verificada')
    // The list's button fires the verification workflow's transition and comes back to the list.
    const res = await t.post(`/workflows/core.verification/${org.id}/approve`, { back: '/admin/organizations?status=unverified' })
    expect(res.headers.get('Location')).toBe('/admin/organizations?status=unverified')
    expect(await (await t.client().get(`/orgs/${org.slug}`)).text()).toContain('Verificada')
    const after = await (await t.get('/admin/organizations?status=unverified')).text()
    expect(after).toContain('Hecho: «Verificar». El estado ahora es «Verificada».')
    expect(after).not.toContain(`href="/orgs/${org.slug}"`)
    expect(await (await t.get('/admin/organizations?status=verified')).text()).toContain(`href="/orgs/${org.slug}"`)
    // A search with the verification filter: by name and by mention, only what passes the filter.
    const other = await t.createOrganization({ name: 'Pacífico Datos', kind: 'startup', members: [{ user: owner, role: 'owner' }] })
    const found = async (query: string) => [...(await (await t.get(`/admin/organizations?${query}`)).text()).matchAll(/href="\/orgs\/([^"/]+)"/g)].map((m) => m[1])
expect(await found('q=pacifico&status=verified')).toEqual([org.slug])
    expect(await found('q=pacifico&status=unverified')).toEqual([other.slug])
    expect((await found('q=pacifico')).sort()).toEqual([org.slug, other.slug].sort())
    expect((await t.post('/workflows/core.verification/nope/approve', {})).status).toBe(404)
    // The list, with its filter, as CSV.
    const csv = await (await t.get('/admin/organizations?status=verified&format=csv')).text()
    expect(csv.trim().split('\r\n')).toEqual(['Nombre,Tipo de organización,Ciudad o municipio,Verificación', 'Fundación Pacífico,ONG o fundación,,Verificada'])
    expect((await t.client().get('/admin/organizations?format=csv')).status).toBe(303)
    // Unverified names that would fill a page do not hide a verified organization that only mentions the word.
    await t.district.db.insert(organizations).values(Array.from({ length: 30 }, (_, i) => ({ id: `sol-${i}`, slug: `sol-${i}`, name: `Solar ${i}`, kind: 'startup' as const, description: '', createdBy: owner.id })))
    const mentions = await t.createOrganization({ name: 'Energías del Valle', kind: 'company', members: [{ user: owner, role: 'owner' }] })
    await t.district.db.update(organizations).set({ description: 'Paneles solares para el campo' }).where(eq(organizations.id, mentions.id))
    await t.post(`/workflows/core.verification/${mentions.id}/approve`, { back: '/admin/organizations' })
    expect(await found('q=solar&status=verified')).toEqual([mentions.slug])
    expect(await found('q=solar&status=unverified')).toEqual(Array.from({ length: 25 }, (_, i) => `sol-${29 - i}`))
  })

  it('shows the outbox with clickable links, and the permission matrix', async () => {
    t = await createTestDistrict({ plugins: [program()] })
    const admin = await t.createUser({ platformRole: 'admin' })
    await t.client().post('/password/forgot', { email: admin.email })
    await t.login(admin.email)
    const outbox = await (await t.get('/admin/outbox')).text()
    expect(outbox).toContain('No hay servidor de correo configurado')
    const id = /href="\/admin\/outbox\/([^"]+)"/.exec(outbox)![1]
    const message = await (await t.get(`/admin/outbox/${id}`)).text()
    expect(message).toMatch(/<a href="http:\/\/localhost\/password\/reset\/[a-z2-9.]+">/)
    const roles = await (await t.get('/admin/roles')).text()
    expect(roles).toContain('grants:apply')
    expect(roles).toContain('core:organizations.create')
    expect(roles).toContain('Postularse')
  })
})

describe('permissions', () => {
  it('grants by verified email, by organization role, and never an unknown permission', async () => {
    t = await createTestDistrict({ plugins: [program()] })
    const unverified = await t.createUser({ verified: false })
    const member = await t.createUser()
    const visitor = t.client()
    expect((await visitor.get('/grants/apply')).status).toBe(303)
    expect(await (await visitor.get('/grants/buttons')).text()).toBe('')
    const a = t.client()
    await a.login(unverified.email)
    expect((await a.get('/grants/apply')).status).toBe(403)
    const b = t.client()
    await b.login(member.email)
    expect(await (await b.get('/grants/buttons')).text()).toBe('apply')
    expect((await b.get('/grants/submit')).status).toBe(403)
    const created = await b.post('/orgs', { name: 'Mi Startup', kind: 'startup', country: 'CO' })
    expect(created.status).toBe(303)
    expect(await (await b.get('/grants/buttons')).text()).toBe('apply,submit')
    expect((await b.get('/grants/decide')).status).toBe(403)
  })

  it('follows the instance’s configuration over the defaults, and refuses to start with an unknown permission', async () => {
    t = await createTestDistrict({ plugins: [program()], config: { permissions: { 'grants:decide': ['org:owner'], 'grants:apply': [] } } })
    const member = await t.createUser()
    await t.login(member.email)
    await t.post('/orgs', { name: 'Dueña', kind: 'startup', country: 'CO' })
    expect(await (await t.get('/grants/buttons')).text()).toBe('submit,decide')
    await expect(createTestDistrict({ plugins: [program()], config: { permissions: { 'grants:fly': ['member'] } } })).rejects.toThrow(AssemblyError)
  })
})
