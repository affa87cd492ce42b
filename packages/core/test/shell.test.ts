import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'
import { notesPlugin } from './fixtures/notes/plugin.js'

let t: TestDistrict
afterEach(() => t?.close())

const setup = async () => (t = await createTestDistrict({ plugins: [notesPlugin()], seed: true }))

describe('the page shell in both languages', () => {
  it('speaks Spanish (Colombia) by default', async () => {
    await setup()
    const res = await t.get('/')
    const html = await res.text()
    expect(res.headers.get('Content-Language')).toBe('es-CO')
    expect(html).toMatch(/^<!DOCTYPE html><html lang="es-CO">/)
    expect(html).toContain('<title>Distrito de prueba</title>')
    expect(html).toContain('Saltar al contenido principal')
    expect(html).toContain('<h2 id="programs-heading">Programas del distrito</h2>')
    expect(html).toContain('<li>Salud</li>')
  })

  it('titles each page with its own name, escaped, and keeps private pages out of search engines', async () => {
    await setup()
    const org = await t.createOrganization({ name: 'Café & <Datos> "IA"' })
    const profile = await (await t.get(`/orgs/${org.slug}`)).text()
    expect(profile).toContain('<title>Café &amp; &lt;Datos&gt; &quot;IA&quot; · Distrito de prueba</title>')
    expect(profile).not.toContain('name="robots"')
    const person = await t.createUser()
    const client = t.client()
    await client.login(person.email)
    const account = await (await client.get('/account')).text()
    expect(account).toContain('<meta name="robots" content="noindex"/>')
  })

  it("follows the browser's Accept-Language", async () => {
    await setup()
    const html = await (await t.get('/', { headers: { 'Accept-Language': 'en-US,en;q=0.9,es;q=0.5' } })).text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Skip to main content')
    expect(html).toContain('<li>Health</li>')
  })

  it('remembers an explicit choice from the language switch and returns to the page', async () => {
    await setup()
    const res = await t.get('/locale/en?next=%2Fnotes%3Fpage%3D2')
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/notes?page=2')
    expect(t.jar.get('distrito_lang')).toBe('en')
    const html = await (await t.get('/notes', { headers: { 'Accept-Language': 'es' } })).text()
    expect(html).toContain('District notes')
    expect(html).toMatch(/<a href="\/locale\/en\?next=%2Fnotes"[^>]*aria-current="true"/)
  })

  it('keeps each visitor’s choice to that visitor', async () => {
    await setup()
    const other = t.client()
    await t.get('/locale/en')
    expect(await (await t.get('/')).text()).toContain('<html lang="en">')
    expect(await (await other.get('/')).text()).toContain('<html lang="es-CO">')
  })

  it('never redirects the language switch to another site', async () => {
    await setup()
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const res = await t.get(`/locale/en?next=${encodeURIComponent(next)}`)
      expect(res.headers.get('Location')).toBe('/')
    }
    expect((await t.get('/locale/fr')).status).toBe(404)
  })

  it('serves its stylesheet and htmx from its own origin, cacheable for a year', async () => {
    await setup()
    const html = await (await t.get('/')).text()
    const css = /href="(\/assets\/distrito\.[0-9a-f]{12}\.css)"/.exec(html)?.[1]
    const js = /src="(\/assets\/htmx\.[0-9a-f]{12}\.js)"/.exec(html)?.[1]
    expect(css && js).toBeTruthy()
    const cssRes = await t.get(css!)
    expect(cssRes.status).toBe(200)
    expect(cssRes.headers.get('Cache-Control')).toContain('immutable')
    expect(await cssRes.text()).toContain('--brand: #0b5d3b')
    expect(cssRes.headers.get('Vary')).toBeNull()
    expect(cssRes.headers.get('X-Content-Type-Options')).toBe('nosniff')
    const jsRes = await t.get(js!)
    expect(jsRes.headers.get('Content-Type')).toContain('javascript')
    expect(await jsRes.text()).toContain('htmx')
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z0-9.-]+\/[^"]*\.(css|js)/)
  })

  it('has an icon in the district’s colours, also where browsers look for /favicon.ico', async () => {
    await setup()
    const html = await (await t.get('/')).text()
    const icon = /<link rel="icon" href="(\/assets\/icon\.[0-9a-f]{12}\.svg)"/.exec(html)?.[1]
    expect(icon).toBeTruthy()
    const svg = await (await t.get(icon!)).text()
    expect(svg).toContain('fill="#0b5d3b"')
    expect(svg).toContain('>D</text>')
    const legacy = await t.get('/favicon.ico')
    expect(legacy.status).toBe(301)
    expect(legacy.headers.get('Location')).toBe(icon)
  })

  it('sends security headers and a request id', async () => {
    await setup()
    const res = await t.get('/')
    expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers.has('Strict-Transport-Security')).toBe(false)
  })

  it('asks browsers to keep to HTTPS only when the district is served over it', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin()], seed: true, config: { publicUrl: 'https://distrito.example.gov.co' } })
    const res = await t.get('/')
    expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=63072000; includeSubDomains')
  })
})

describe('operations', () => {
  it('keeps the request id a load balancer sends, and makes one when it is missing or unsafe', async () => {
    await setup()
    expect((await t.get('/', { headers: { 'X-Request-Id': 'lb-7f3a9c' } })).headers.get('X-Request-Id')).toBe('lb-7f3a9c')
    expect((await t.get('/', { headers: { 'X-Request-Id': '<script>' } })).headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    const longest = 'a'.repeat(255)
    expect((await t.get('/', { headers: { 'X-Request-Id': longest } })).headers.get('X-Request-Id')).toBe(longest)
    expect((await t.get('/', { headers: { 'X-Request-Id': longest + 'a' } })).headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    const [first, second] = [await t.get('/'), await t.get('/')]
    expect(first.headers.get('X-Request-Id')).not.toBe(second.headers.get('X-Request-Id'))
  })

  it('answers the health check while the database is reachable, and 503 when it is not', async () => {
    await setup()
    const ok = await t.get('/health', { headers: { Accept: 'application/json' } })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ status: 'ok' })
    t.district.close()
    const down = await t.get('/health', { headers: { Accept: 'application/json' } })
    expect(down.status).toBe(503)
  })
})

describe('error pages', () => {
  it('404 in the shell, in the visitor’s language', async () => {
    await setup()
    const es = await t.get('/no-such-page')
    expect(es.status).toBe(404)
    expect(await es.text()).toContain('<h1>No encontramos esta página</h1>')
    const en = await t.get('/notes/no-such-note', { headers: { 'Accept-Language': 'en' } })
    expect(en.status).toBe(404)
    expect(await en.text()).toContain('<h1>We could not find this page</h1>')
  })

  it('403 when a route refuses access', async () => {
    await setup()
    const res = await t.get('/notes/secret')
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('No tiene permiso para ver esta página')
  })

  it('500 shows the request id and nothing of the error itself', async () => {
    await setup()
    const res = await t.get('/notes/boom')
    expect(res.status).toBe(500)
    const html = await res.text()
    expect(html).toContain('Algo salió mal de nuestro lado')
    expect(html).toContain(res.headers.get('X-Request-Id')!)
    expect(html).not.toContain('hunter2')
    expect(html).not.toContain('at ')
  })
})

describe('CSRF protection', () => {
  it('refuses a form posted from another site, and writes nothing', async () => {
    await setup()
    const res = await t.post('/notes', { title: 'Injected' }, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('No pudimos aceptar este formulario')
    const list = await (await t.get('/notes')).text()
    expect(list).not.toContain('Injected')
  })

  it('refuses a form posted without any origin information', async () => {
    await setup()
    const res = await t.post('/notes', { title: 'No origin' }, { origin: null })
    expect(res.status).toBe(403)
  })

  it("accepts the district's own pages", async () => {
    await setup()
    expect((await t.post('/notes', { title: 'Mine', visibility: 'public', confirm: 'on' })).status).toBe(303)
  })
})

describe('forms', () => {
  it('shows zod errors next to their fields, keeps what was typed, and writes nothing', async () => {
    await setup()
    const res = await t.post('/notes', { title: '', body: 'Texto <script>alert(1)</script>' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('<div class="error-summary" role="alert"')
    expect(html).toContain('<a href="#field-title">Título: Este campo es obligatorio.</a>')
    expect(html).toMatch(/<p id="field-title-error" class="field-error">Este campo es obligatorio\.<\/p><input id="field-title"[^>]*aria-invalid="true"[^>]*aria-describedby="field-title-error"/)
    expect(html).toContain('Texto &lt;script&gt;alert(1)&lt;/script&gt;</textarea>')
    expect(html).not.toContain('<script>alert(1)')
    const list = await (await t.get('/notes?sort=created&dir=desc')).text()
    expect(list).not.toContain('Texto')
  })

  it('keeps ticked checkboxes and the chosen radio after an error, and explains each choice field', async () => {
    await setup()
    const res = await t.post('/notes', { title: 'Con temas', tags: ['agro', 'salud', 'logistica'], visibility: 'secret' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toMatch(/<input id="field-tags" type="checkbox" name="tags" value="agro" checked=""/)
    expect(html).toMatch(/<input id="field-tags-2" type="checkbox" name="tags" value="logistica" checked=""/)
    expect(html).toContain('<a href="#field-tags">Temas: Elija como máximo 2.</a>')
    expect(html).toContain('<a href="#field-visibility">¿Quién puede verla?: Elija una de las opciones.</a>')
    expect(html).toContain('<a href="#field-confirm">Confirmo que la nota no tiene datos personales: Confirme que la nota no tiene datos personales.</a>')
    expect(html).toMatch(/<fieldset aria-describedby="field-tags-hint field-tags-error"><legend>Temas<span class="optional"> \(opcional\)<\/span><\/legend>/)
    const kept = await t.post('/notes', { title: '', tags: 'salud', visibility: 'members', confirm: 'on' })
    const keptHtml = await kept.text()
    expect(keptHtml).toMatch(/value="salud" checked=""/)
    expect(keptHtml).toMatch(/value="members" checked=""/)
    expect(keptHtml).toMatch(/<input id="field-confirm" name="confirm"[^>]*type="checkbox" value="on" checked=""/)
    expect(keptHtml).not.toMatch(/value="agro" checked=""/)
  })

  it('stores the choices of a valid form', async () => {
    await setup()
    expect((await t.post('/notes', { title: 'Con dos temas', tags: ['agro', 'salud'], visibility: 'members', confirm: 'on' })).status).toBe(303)
    const rows = await t.district.db.all<{ tags: string; visibility: string }>(sql`SELECT tags, visibility FROM notes_entries WHERE title = 'Con dos temas'`)
    expect(rows).toEqual([{ tags: '["agro","salud"]', visibility: 'members' }])
  })

  it('translates length limits with their number', async () => {
    await setup()
    const html = await (await t.post('/notes', { title: 'x'.repeat(81) }, { headers: { 'Accept-Language': 'en' } })).text()
    expect(html).toContain('Use 80 characters at most.')
  })

  it('after a save, redirects and shows a one-time notice', async () => {
    await setup()
    const res = await t.post('/notes', { title: 'Reunión del comité', visibility: 'members', confirm: 'on' })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/notes')
    const page = await (await t.get('/notes')).text()
    expect(page).toContain('<div class="flash flash--success" role="status"><p>Nota guardada</p></div>')
    const again = await (await t.get('/notes')).text()
    expect(again).not.toContain('Nota guardada')
  })

  it('refuses an oversized form with 413', async () => {
    await setup()
    const res = await t.post('/notes', { title: 'big', body: 'x'.repeat(1024 * 1024 + 10) })
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('<h1>El formulario es demasiado grande</h1>')
  })
})

describe('tables', () => {
  it('paginates without counting the whole table and keeps sort in the links', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin({ perPage: 10 })], seed: { demo: true } })
    const first = await (await t.get('/notes?sort=title&dir=asc')).text()
    expect(first).toContain('Nota 00')
    expect(first).not.toContain('Nota 10')
    expect(first).toContain('href="/notes?sort=title&amp;dir=asc&amp;page=2"')
    expect(first).toMatch(/<th scope="col" aria-sort="ascending"><a href="\/notes\?sort=title&amp;dir=desc" class="sort-link">Título<span class="visually-hidden"> \(ordenar de forma descendente\)<\/span>/)
    const third = await (await t.get('/notes?sort=title&dir=asc&page=3')).text()
    expect(third).toContain('Nota 24')
    expect(third).not.toContain('rel="next"')
    expect(third).toContain('Mostrando 21–25')
    const bad = await t.get('/notes?page=-4&sort=drop%20table&dir=sideways')
    expect(bad.status).toBe(200)
  })

  it('escapes what people typed wherever a template shows it: header, table cells, headings, filters', async () => {
    await setup()
    const markup = '<img src=x onerror=alert(1)> & "q"'
    const escaped = '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;'
    const person = await t.createUser()
    await t.createOrganization({ name: markup, members: [{ user: person, role: 'admin' }] })
    const client = t.client()
    await client.login(person.email)
    expect((await client.post('/notes', { title: markup, visibility: 'members', confirm: 'on' })).status).toBe(303)
    const list = await (await client.get('/notes')).text()
    // The shell's header names the organization the person acts for; the table's cell links the note.
    expect(list).toContain(`<li class="acting-for">Actúa por ${escaped}</li>`)
    const noteLink = list.match(/<td><a href="(\/notes\/[^"]+)">/)![1]!
    expect(list).toContain(`<td><a href="${noteLink}">${escaped}</a></td>`)
    expect(await (await client.get(noteLink)).text()).toContain(`<div class="page-header"><div><h1>${escaped}</h1></div></div>`)
    const search = await (await t.get(`/orgs?q=${encodeURIComponent(markup)}`)).text()
    expect(search).toContain(`<input id="filter-q" type="search" name="q" value="${escaped}" maxlength="100"/>`)
    for (const page of [list, search]) expect(page).not.toContain('<img src=x')
  })

  it('runs the same number of queries whatever the amount of data', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin()] })
    const small = (await t.get('/notes')).queries
    await t.district.seed({ demo: true })
    const large = (await t.get('/notes')).queries
    const home = (await t.get('/')).queries
    expect(small).toBe(1)
    expect(large).toBe(small)
    expect(home).toBe(1)
  })
})
