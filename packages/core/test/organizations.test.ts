import { afterEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'
import { memberships, organizationSectors, organizations } from '@distrito/core/db'

let t: TestDistrict
afterEach(() => t?.close())

const config = {
  sectors: [
    { id: 'agroindustria', name: { 'es-CO': 'Agroindustria', en: 'Agribusiness' } },
    { id: 'salud', name: { 'es-CO': 'Salud', en: 'Health' } },
  ],
  subregions: [
    { id: 'sur', name: { 'es-CO': 'Sur (Cali)', en: 'South (Cali)' } },
    { id: 'pacifico', name: { 'es-CO': 'Pacífico', en: 'Pacific' } },
  ],
}

const startup = {
  name: 'AgroDatos Pacífico', kind: 'startup', country: 'CO', legalId: '901.234.567-1', city: 'Santiago de Cali', subregion: 'sur',
  sectors: ['agroindustria'], website: 'https://agrodatos.co', description: 'Pronóstico de rendimiento de caña con imágenes satelitales.',
  size: '11-50', foundedYear: '2021', aiOffered: ['computer_vision', 'predictive_analytics'],
}

async function withOwner() {
  t = await createTestDistrict({ config })
  const owner = await t.createUser({ name: 'Ana Restrepo' })
  await t.login(owner.email)
  const res = await t.post('/orgs', startup)
  expect(res.status).toBe(303)
  return { owner, slug: res.headers.get('Location')!.replace('/orgs/', '') }
}

describe('creating an organization', () => {
  it('makes its creator the owner, acting for it, and shows a public profile', async () => {
    const { owner, slug } = await withOwner()
    expect(slug).toBe('agrodatos-pacifico')
    const [org] = await t.district.db.select().from(organizations)
    expect(org).toMatchObject({ kind: 'startup', legalId: '901234567-1', subregion: 'sur', foundedYear: 2021, aiOffered: ['computer_vision', 'predictive_analytics'] })
    expect(await t.district.db.select().from(memberships)).toEqual([expect.objectContaining({ userId: owner.id, role: 'owner' })])
    const page = await (await t.client().get(`/orgs/${slug}`)).text()
    expect(page).toContain('<h1>AgroDatos Pacífico</h1>')
    expect(page).toContain('Sur (Cali)')
    expect(page).toContain('Visión por computador')
    expect(page).not.toContain('/members')
    expect(await (await t.get('/')).text()).toContain('Actúa por AgroDatos Pacífico')
  })

  it('gives organizations of the same name created at once each their own address', async () => {
    t = await createTestDistrict({ config })
    const user = await t.createUser()
    await t.login(user.email)
    const results = await Promise.all([t.post('/orgs', startup), t.post('/orgs', startup), t.post('/orgs', startup)])
    expect(results.map((r) => r.status)).toEqual([303, 303, 303])
    expect(results.map((r) => r.headers.get('Location')).sort()).toEqual(['/orgs/agrodatos-pacifico', '/orgs/agrodatos-pacifico-2', '/orgs/agrodatos-pacifico-3'])
  })

  it('requires a confirmed email', async () => {
    t = await createTestDistrict({ config })
    const user = await t.createUser({ verified: false })
    await t.login(user.email)
    expect((await t.get('/orgs/new')).status).toBe(403)
    expect((await t.post('/orgs', startup)).status).toBe(403)
    expect(await t.district.db.select().from(organizations)).toHaveLength(0)
  })

  it('sends visitors to sign in', async () => {
    t = await createTestDistrict({ config })
    const res = await t.post('/orgs', startup)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toMatch(/^\/login/)
  })

  it('explains each invalid field and writes nothing', async () => {
    t = await createTestDistrict({ config })
    const user = await t.createUser()
    await t.login(user.email)
    const res = await t.post('/orgs', {
      ...startup, kind: 'investor', legalId: '12-ab', website: 'javascript:alert(1)', sectors: ['mineria'], foundedYear: '2990', subregion: 'marte', country: 'XX',
    })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Elija el tipo de inversionista.')
    expect(html).toContain('Escriba una dirección web completa')
    expect(html).toContain('Elija una de las opciones.')
    expect(html).toContain(`Escriba un número menor o igual a ${new Date().getFullYear()}.`)
    expect(html).toContain('value="AgroDatos Pacífico"')
    const nit = await t.post('/orgs', { ...startup, legalId: '12-ab' })
    expect(await nit.text()).toContain('Escriba el NIT con 6 a 10 dígitos')
    expect(await t.district.db.select().from(organizations)).toHaveLength(0)
  })

  it('accepts any identifier for a foreign company, and no subregion', async () => {
    t = await createTestDistrict({ config })
    const user = await t.createUser()
    await t.login(user.email)
    const res = await t.post('/orgs', { ...startup, name: 'Lisboa AI Labs', country: 'PT', legalId: 'PT509876543', subregion: 'sur' })
    expect(res.status).toBe(303)
    const [org] = await t.district.db.select().from(organizations)
    expect(org).toMatchObject({ country: 'PT', legalId: 'PT509876543', subregion: null })
  })

  it('renders script typed into the profile as text', async () => {
    t = await createTestDistrict({ config })
    const user = await t.createUser()
    await t.login(user.email)
    const res = await t.post('/orgs', { ...startup, name: '<img src=x onerror=alert(1)>', description: '<script>alert("x")</script>' })
    const html = await (await t.get(res.headers.get('Location')!)).text()
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('&lt;script&gt;')
    // The directory's card (a template, not JSX) escapes the same way.
    const listed = await (await t.get('/orgs')).text()
    expect(listed).not.toContain('<img src=x')
    expect(listed).not.toContain('<script>alert')
    expect(listed).toContain('&lt;img src=x onerror=alert(1)&gt;</a>')
    expect(listed).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
  })
})

describe('the directory', () => {
  async function seedDirectory() {
    t = await createTestDistrict({ config })
    const user = await t.createUser()
    await t.login(user.email)
    const orgs: Record<string, string | string[]>[] = [
      startup,
      { name: 'Clínica Valle Salud', kind: 'company', isAnchor: 'on', sectors: ['salud'], subregion: 'sur', city: 'Cali', description: 'Hospital que busca apoyo al triaje.' },
      { name: 'Puerto Analítica', kind: 'sme', sectors: ['agroindustria'], subregion: 'pacifico', city: 'Buenaventura', description: 'Logística portuaria con datos.' },
      { name: 'Fondo Andino', kind: 'investor', investorType: 'vc_fund', city: 'Bogotá', description: 'Capital semilla para IA.' },
    ]
    for (const org of orgs) expect((await t.post('/orgs', { country: 'CO', ...org })).status).toBe(303)
  }

  it('lists organizations by name for everyone', async () => {
    await seedDirectory()
    const html = await (await t.client().get('/orgs')).text()
    const names = [...html.matchAll(/<h3 class="card-title"><a href="\/orgs\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1])
    expect(names).toEqual(['AgroDatos Pacífico', 'Clínica Valle Salud', 'Fondo Andino', 'Puerto Analítica'])
  })

  it('searches the full text, ignoring accents and word endings', async () => {
    await seedDirectory()
    const search = async (q: string) => [...(await (await t.get(`/orgs?q=${encodeURIComponent(q)}`)).text()).matchAll(/card-title"><a href="\/orgs\/([^"]+)"/g)].map((m) => m[1])
    expect(await search('clinica')).toEqual(['clinica-valle-salud'])
    expect(await search('bogota')).toEqual(['fondo-andino'])
    expect(await search('analit')).toEqual(['puerto-analitica'])
    expect(await search('caña satelital')).toEqual(['agrodatos-pacifico'])
    expect(await search('"; DROP TABLE core_organizations; --')).toEqual([])
    expect(await search('NEAR(a b) OR *')).toEqual([])
  })

  it('filters by kind, sector and subregion, together with search', async () => {
    await seedDirectory()
    const slugs = async (query: string) => [...(await (await t.get(`/orgs?${query}`)).text()).matchAll(/card-title"><a href="\/orgs\/([^"]+)"/g)].map((m) => m[1])
    expect(await slugs('kind=investor')).toEqual(['fondo-andino'])
    expect(await slugs('sector=agroindustria')).toEqual(['agrodatos-pacifico', 'puerto-analitica'])
    expect(await slugs('subregion=pacifico')).toEqual(['puerto-analitica'])
    expect(await slugs('sector=agroindustria&subregion=sur&q=caña')).toEqual(['agrodatos-pacifico'])
    const empty = await (await t.get('/orgs?kind=ngo')).text()
    expect(empty).toContain('Ninguna organización coincide')
    expect((await t.get('/orgs?kind=dragon&page=-4')).status).toBe(200)
  })

  it('keeps a search’s filters in step with the profile: kind, subregion and sectors, edited or gone', async () => {
    const { slug } = await withOwner()
    const found = async (query: string) => [...(await (await t.get(`/orgs?q=agrodatos&${query}`)).text()).matchAll(/card-title"><a href="\/orgs\/([^"]+)"/g)].map((m) => m[1])
    expect(await found('kind=startup&subregion=sur&sector=agroindustria')).toEqual([slug])
    expect(await found('kind=company')).toEqual([])
    expect(await found('sector=salud')).toEqual([])

    const edited = await t.post(`/orgs/${slug}/edit`, { ...startup, kind: 'company', subregion: 'pacifico', sectors: ['salud'] })
    expect(edited.status).toBe(303)
    expect(await found('kind=company&subregion=pacifico&sector=salud')).toEqual([slug])
    expect(await found('kind=startup')).toEqual([])
    expect(await found('subregion=sur')).toEqual([])
    expect(await found('sector=agroindustria')).toEqual([])

    // Sectors taken away, then the organization deleted: the index forgets them.
    await t.district.db.delete(organizationSectors).where(eq(organizationSectors.organizationId, (await t.district.db.select({ id: organizations.id }).from(organizations))[0]!.id))
    expect(await found('sector=salud')).toEqual([])
    expect(await found('kind=company')).toEqual([slug])
    await t.district.db.delete(organizations)
    expect(await found('kind=company')).toEqual([])
  })

  it('pages through results with a fixed number of queries whatever the size', async () => {
    t = await createTestDistrict({ config })
    const owner = await t.createUser()
    const insert = async (from: number, to: number) => {
      const rows = Array.from({ length: to - from }, (_, i) => ({ id: `org-${from + i}`, slug: `org-${from + i}`, name: `Organización ${String(from + i).padStart(3, '0')}`, kind: 'startup' as const, createdBy: owner.id }))
      await t.district.db.insert(organizations).values(rows)
      await t.district.db.insert(memberships).values(rows.map((r) => ({ organizationId: r.id, userId: owner.id, role: 'owner' as const })))
    }
    await insert(0, 25)
    const small = await t.get('/orgs')
    await insert(25, 400)
    const first = await t.get('/orgs')
    const html = await first.text()
    expect(html).toMatch(/rel="next" href="\/orgs\?page=2&amp;after=[\w-]+"/)
    expect(first.queries).toBe(small.queries)
    const deep = await t.get('/orgs?page=20')
    expect(await deep.text()).toContain('Organización 399')
    expect(deep.queries).toBe(small.queries)
    expect((await t.get('/orgs?q=organizacion')).queries).toBe(small.queries)
  })

  it('lists the matches by name first, then by mention, newest first in each, each once whatever the depth', async () => {
    t = await createTestDistrict({ config })
    const owner = await t.createUser()
    const named = new Set([5, 40])
    const rows = Array.from({ length: 90 }, (_, i) => ({
      id: `org-${i}`, slug: `org-${i}`, name: named.has(i) ? `Analítica ${String(i).padStart(2, '0')}` : `Entidad ${String(i).padStart(2, '0')}`,
      kind: i % 2 === 0 ? ('startup' as const) : ('company' as const),
      // Number 40 has the word in its name and its description: it is listed once, with the names.
      description: i % 3 === 0 || i === 40 ? 'Analítica de datos para el campo.' : 'Servicios de software.', createdBy: owner.id,
    }))
    await t.district.db.insert(organizations).values(rows)
    const slugs = (html: string) => [...html.matchAll(/card-title"><a href="\/orgs\/([^"]+)"/g)].map((m) => m[1]!)
    const newestFirst = (test: (i: number) => boolean) => rows.map((_, i) => i).filter(test).reverse().map((i) => `org-${i}`)
    const expected = [...newestFirst((i) => named.has(i)), ...newestFirst((i) => !named.has(i) && i % 3 === 0)]
    const listed: string[] = []
    for (let page = 1; page <= 2; page++) {
      const html = await (await t.get(`/orgs?q=analitica${page > 1 ? `&page=${page}` : ''}`)).text()
      listed.push(...slugs(html))
      expect(html.includes('rel="next"')).toBe(page === 1)
      expect(html).toContain('Primero las organizaciones que tienen estas palabras en su nombre')
    }
    expect(listed).toEqual(expected)
    expect(listed).toHaveLength(32)
    // An edit makes an organization the newest of its group; a filter narrows both groups.
    await t.district.db.update(organizations).set({ description: 'Analítica de suelos.' }).where(eq(organizations.id, 'org-3'))
    expect(slugs(await (await t.get('/orgs?q=analitica')).text()).slice(0, 3)).toEqual(['org-40', 'org-5', 'org-3'])
    expect(slugs(await (await t.get('/orgs?q=analitica&kind=company')).text())).toEqual(['org-5', 'org-3', ...newestFirst((i) => i !== 3 && i % 3 === 0 && i % 2 === 1)])
    const english = await (await t.get('/orgs?q=analitica', { headers: { 'accept-language': 'en' } })).text()
    expect(english).toContain('First the organizations with these words in their name, then those that mention them')
  })

  it('goes on to the mentions after a first page filled by names, without skipping or repeating any', async () => {
    t = await createTestDistrict({ config })
    const owner = await t.createUser()
    // 21 names: the first page (20 and the one that says there is a next) is all names; the second
    // has the last name, then the mentions.
    const rows = Array.from({ length: 30 }, (_, i) => ({
      id: `org-${i}`, slug: `org-${i}`, name: i < 21 ? `Analítica ${String(i).padStart(2, '0')}` : `Entidad ${String(i).padStart(2, '0')}`,
      kind: 'startup' as const, description: i >= 21 && i % 2 === 0 ? 'Analítica para el campo.' : 'Software.', createdBy: owner.id,
    }))
    await t.district.db.insert(organizations).values(rows)
    const slugs = (html: string) => [...html.matchAll(/card-title"><a href="\/orgs\/([^"]+)"/g)].map((m) => m[1]!)
    const first = await (await t.get('/orgs?q=analitica')).text()
    const second = await (await t.get('/orgs?q=analitica&page=2')).text()
    const names = Array.from({ length: 21 }, (_, i) => `org-${20 - i}`)
    expect(slugs(first)).toEqual(names.slice(0, 20))
    expect(first).toContain('rel="next"')
    expect(slugs(second)).toEqual(['org-0', 'org-28', 'org-26', 'org-24', 'org-22'])
    expect(second).not.toContain('rel="next"')
  })

  it('browses by position: "next" continues after the last name shown, "previous" comes back, at the same cost', async () => {
    t = await createTestDistrict({ config })
    const owner = await t.createUser()
    const rows = Array.from({ length: 45 }, (_, i) => ({ id: `org-${i}`, slug: `org-${i}`, name: `Entidad ${String(i).padStart(2, '0')}`, kind: 'startup' as const, createdBy: owner.id }))
    await t.district.db.insert(organizations).values(rows)
    const names = (html: string) => [...html.matchAll(/<a href="\/orgs\/org-\d+">([^<]+)<\/a>/g)].map((m) => m[1]!)
    const link = (html: string, rel: 'next' | 'prev') => /rel="(?:next|prev)"/.test(html) ? new RegExp(`rel="${rel}" href="([^"]+)"`).exec(html)?.[1]?.replaceAll('&amp;', '&') : undefined

    const first = await t.get('/orgs')
    const page1 = await first.text()
    const next1 = link(page1, 'next')!
    const second = await t.get(next1)
    const page2 = await second.text()
    const third = await t.get(link(page2, 'next')!)
    const page3 = await third.text()
    expect([...names(page1), ...names(page2), ...names(page3)]).toEqual(rows.map((r) => r.name))
    expect(page2).toContain('Página 2')
    expect(link(page3, 'next')).toBeUndefined()
    expect(new Set([first.queries, second.queries, third.queries]).size).toBe(1)

    // Back from the third page: the second page again, then the first (a plain /orgs link).
    const back = await (await t.get(link(page3, 'prev')!)).text()
    expect(names(back)).toEqual(names(page2))
    expect(link(back, 'prev')).toBe('/orgs')

    // A position that is not ours is ignored; filters stay in the links.
    expect(names(await (await t.get('/orgs?after=%%%')).text())).toEqual(names(page1))
    expect(link(await (await t.get('/orgs?kind=startup')).text(), 'next')).toMatch(/^\/orgs\?kind=startup&page=2&after=/)
  })
})

describe('editing and private pages', () => {
  it('lets the owner edit, gives a member 403 and anyone else the same 404 as a missing page', async () => {
    const { slug } = await withOwner()
    const member = await t.createUser()
    const [org] = await t.district.db.select().from(organizations)
    await t.district.db.insert(memberships).values({ organizationId: org!.id, userId: member.id, role: 'member' })
    expect((await t.post(`/orgs/${slug}/edit`, { ...startup, description: 'Nueva descripción.' })).status).toBe(303)
    expect(await (await t.get(`/orgs/${slug}`)).text()).toContain('Nueva descripción.')

    const asMember = t.client()
    await asMember.login(member.email)
    expect((await asMember.get(`/orgs/${slug}/edit`)).status).toBe(403)
    expect((await asMember.post(`/orgs/${slug}/edit`, { ...startup, name: 'Robada' })).status).toBe(403)

    const stranger = await t.createUser({ email: 'extrano@example.co' })
    const other = t.client()
    await other.login(stranger.email)
    for (const path of [`/orgs/${slug}/edit`, `/orgs/${slug}/members`]) {
      const res = await other.get(path)
      expect(res.status).toBe(404)
      const html = await res.text()
      expect(html).not.toContain(member.email)
      expect(html).toContain('No encontramos esta página')
    }
    expect((await other.get('/orgs/no-existe/members')).status).toBe(404)
    expect((await other.post(`/orgs/${slug}/invitations`, { email: 'x@example.co', role: 'member' })).status).toBe(404)
    const [after] = await t.district.db.select().from(organizations)
    expect(after?.name).toBe('AgroDatos Pacífico')
  })
})

describe('membership', () => {
  it('invites a person without an account, who registers through the link and joins', async () => {
    const { slug } = await withOwner()
    const invite = await t.post(`/orgs/${slug}/invitations`, { email: 'Carlos@AgroDatos.co', role: 'admin' })
    expect(invite.status).toBe(303)
    const [mail] = await t.mails('carlos@agrodatos.co')
    expect(mail?.subject).toBe('Ana Restrepo lo invita a AgroDatos Pacífico en Distrito de prueba')
    const link = mail!.links[0]!
    const carlos = t.client()
    const page = await (await carlos.get(link)).text()
    expect(page).toContain('Invitación a AgroDatos Pacífico')
    const token = link.split('/').at(-1)!
    const res = await carlos.post('/register', { name: 'Carlos Mina', email: 'carlos@agrodatos.co', password: 'buenaventura pacifico', terms: 'on', invitation: token })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/orgs/${slug}`)
    const members = await (await carlos.get(`/orgs/${slug}/members`)).text()
    expect(members).toContain('Carlos Mina')
    expect(members).toContain('Ana Restrepo')
    expect((await carlos.get(link)).status).toBe(404)
    // The owner who invited him is told.
    expect(await (await t.get('/notifications')).text()).toContain('Carlos Mina aceptó su invitación a AgroDatos Pacífico')
  })

  it('lets an existing person accept only with the invited account', async () => {
    const { slug } = await withOwner()
    const invited = await t.createUser({ email: 'luisa@example.co' })
    const other = await t.createUser({ email: 'otro@example.co' })
    await t.post(`/orgs/${slug}/invitations`, { email: invited.email, role: 'member' })
    const link = (await t.mails(invited.email))[0]!.links[0]!
    const wrong = t.client()
    await wrong.login(other.email)
    expect(await (await wrong.get(link)).text()).toContain('Esta invitación es para luisa@example.co')
    expect((await wrong.post(link, {})).status).toBe(404)
    const right = t.client()
    await right.login(invited.email)
    expect((await right.post(link, {})).status).toBe(303)
    const [row] = await t.district.db.select().from(memberships).where(eq(memberships.userId, invited.id))
    expect(row?.role).toBe('member')
    expect(await (await t.get('/notifications')).text()).toContain(`${invited.name} aceptó su invitación`)
  })

  it('refuses a revoked or expired invitation', async () => {
    const { slug } = await withOwner()
    await t.post(`/orgs/${slug}/invitations`, { email: 'a@example.co', role: 'member' })
    await t.post(`/orgs/${slug}/invitations`, { email: 'b@example.co', role: 'member' })
    const [linkA] = (await t.mails('a@example.co'))[0]!.links
    const [linkB] = (await t.mails('b@example.co'))[0]!.links
    const html = await (await t.get(`/orgs/${slug}/members`)).text()
    const revoke = [...html.matchAll(/action="(\/orgs\/[^"]+\/invitations\/[^"]+\/revoke)"/g)].map((m) => m[1]!)
    expect(revoke).toHaveLength(2)
    for (const action of revoke) await t.post(action, {})
    expect((await t.client().get(linkA!)).status).toBe(404)
    await t.post(`/orgs/${slug}/invitations`, { email: 'b@example.co', role: 'member' })
    expect((await t.client().get(linkB!)).status).toBe(404)
    const [fresh] = (await t.mails('b@example.co'))[0]!.links
    await t.district.db.run(`UPDATE core_invitations SET expires_at = ${Date.now() - 1}` as never)
    expect((await t.client().get(fresh!)).status).toBe(404)
  })

  it('checks roles: a member cannot invite or change roles, an admin cannot make owners', async () => {
    const { slug } = await withOwner()
    const [org] = await t.district.db.select().from(organizations)
    const member = await t.createUser()
    const admin = await t.createUser()
    await t.district.db.insert(memberships).values([{ organizationId: org!.id, userId: member.id, role: 'member' }, { organizationId: org!.id, userId: admin.id, role: 'admin' }])
    const asMember = t.client()
    await asMember.login(member.email)
    expect((await asMember.post(`/orgs/${slug}/invitations`, { email: 'x@example.co', role: 'member' })).status).toBe(403)
    expect((await asMember.post(`/orgs/${slug}/members/${admin.id}/role`, { role: 'member' })).status).toBe(403)
    expect((await asMember.post(`/orgs/${slug}/members/${admin.id}/remove`, {})).status).toBe(403)
    const memberPage = await (await asMember.get(`/orgs/${slug}/members`)).text()
    expect(memberPage).not.toContain('Invitar a una persona')
    expect(memberPage).not.toContain('/role"')

    const asAdmin = t.client()
    await asAdmin.login(admin.email)
    expect((await asAdmin.post(`/orgs/${slug}/invitations`, { email: 'y@example.co', role: 'owner' })).status).toBe(403)
    expect((await asAdmin.post(`/orgs/${slug}/invitations`, { email: 'y@example.co', role: 'member' })).status).toBe(303)
    expect((await asAdmin.post(`/orgs/${slug}/members/${member.id}/role`, { role: 'owner' })).status).toBe(403)
    const roles = await t.district.db.select().from(memberships)
    expect(roles.find((m) => m.userId === member.id)?.role).toBe('member')
  })

  it('always keeps an owner, and lets the owner hand over', async () => {
    const { owner, slug } = await withOwner()
    const [org] = await t.district.db.select().from(organizations)
    const colleague = await t.createUser({ name: 'Colega' })
    await t.district.db.insert(memberships).values({ organizationId: org!.id, userId: colleague.id, role: 'member' })
    await t.post(`/orgs/${slug}/members/${owner.id}/role`, { role: 'member' })
    expect(await (await t.get(`/orgs/${slug}/members`)).text()).toContain('debe conservar al menos un propietario')
    await t.post(`/orgs/${slug}/members/${owner.id}/remove`, {})
    let roles = await t.district.db.select().from(memberships)
    expect(roles.find((m) => m.userId === owner.id)?.role).toBe('owner')
    await t.post(`/orgs/${slug}/members/${colleague.id}/role`, { role: 'owner' })
    expect((await t.post(`/orgs/${slug}/members/${owner.id}/remove`, {})).headers.get('Location')).toBe(`/orgs/${slug}`)
    roles = await t.district.db.select().from(memberships)
    expect(roles).toEqual([expect.objectContaining({ userId: colleague.id, role: 'owner' })])
    expect((await t.get(`/orgs/${slug}/members`)).status).toBe(404)
  })

  it('pages a large membership with a fixed number of queries', async () => {
    const { slug } = await withOwner()
    const [org] = await t.district.db.select().from(organizations)
    const addMembers = async (from: number, to: number) => {
      const people = await Promise.all(Array.from({ length: to - from }, (_, i) => t.createUser({ name: `Miembro ${String(from + i).padStart(3, '0')}` })))
      await t.district.db.insert(memberships).values(people.map((p) => ({ organizationId: org!.id, userId: p.id, role: 'member' as const })))
    }
    await addMembers(0, 5)
    const small = await t.get(`/orgs/${slug}/members`)
    await addMembers(5, 80)
    const first = await t.get(`/orgs/${slug}/members`)
    const html = await first.text()
    expect(html).toContain(`rel="next" href="/orgs/${slug}/members?page=2"`)
    expect(html.indexOf('Ana Restrepo')).toBeLessThan(html.indexOf('Miembro 000'))
    expect(first.queries).toBe(small.queries)
    const second = await (await t.get(`/orgs/${slug}/members?page=2`)).text()
    expect(second).toContain('Miembro 079')
    expect(second).not.toContain('Miembro 000')
  })

  it('does not invite someone who is already a member', async () => {
    const { owner, slug } = await withOwner()
    const res = await t.post(`/orgs/${slug}/invitations`, { email: owner.email.toUpperCase(), role: 'member' })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain(`${owner.email} ya es miembro de la organización.`)
    expect(await t.mails(owner.email)).toHaveLength(0)
  })

  it('limits how many invitations one person sends in an hour', async () => {
    const { slug } = await withOwner()
    for (let i = 0; i < 50; i++) expect((await t.post(`/orgs/${slug}/invitations`, { email: `p${i}@example.co`, role: 'member' })).status).toBe(303)
    const refused = await t.post(`/orgs/${slug}/invitations`, { email: 'p50@example.co', role: 'member' })
    expect(refused.status).toBe(429)
    expect(await refused.text()).toContain('Ha enviado muchas invitaciones')
    expect(await t.mails('p50@example.co')).toHaveLength(0)
  })

  it('switches the organization a person acts for, only among their own', async () => {
    const { slug } = await withOwner()
    await t.post('/orgs', { ...startup, name: 'Segunda Empresa', kind: 'sme' })
    const orgs = await t.district.db.select().from(organizations)
    const first = orgs.find((o) => o.slug === slug)!
    expect(await (await t.get('/')).text()).toContain('Actúa por Segunda Empresa')
    await t.post('/account/organization', { organization: first.id })
    expect(await (await t.get('/')).text()).toContain('Actúa por AgroDatos Pacífico')
    const stranger = t.client()
    const someone = await t.createUser()
    await stranger.login(someone.email)
    expect((await stranger.post('/account/organization', { organization: first.id })).status).toBe(404)
  })
})
