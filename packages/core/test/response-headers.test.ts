import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AddressInfo } from 'node:net'
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { serve, type ServerType } from '@hono/node-server'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'
import type { DistritoEnv } from '../src/http/env.js'
import { responseHeaders } from '../src/http/middleware/response-headers.js'
import { ResponseHeaders } from '../src/http/response-headers.js'
import { notesPlugin } from './fixtures/notes/plugin.js'

let t: TestDistrict | undefined
let server: ServerType | undefined
afterEach(() => {
  server?.close()
  t?.close()
  server = t = undefined
})

/** A small app with the record first, a page built from it, and answers built the other ways. */
function recordApp() {
  const app = new Hono<DistritoEnv>()
  app.use(responseHeaders())
  app.use(async (c, next) => {
    c.header('Vary', 'Accept-Language')
    c.header('X-Frame-Options', 'DENY')
    await next()
    c.header('X-Written-After', 'yes')
  })
  app.get('/page', (c) => {
    c.header('Vary', 'Cookie', { append: true })
    c.header('X-Frame-Options', 'SAMEORIGIN')
    if (c.req.query('cookies')) for (const name of c.req.query('cookies')!.split(',')) setCookie(c, name, '1')
    c.status(422)
    return c.get('responseHeaders').respond('<p>page</p>', c.body(null).status, 'text/html; charset=UTF-8')
  })
  app.get('/gone', (c) => {
    setCookie(c, 'a', '1')
    setCookie(c, 'b', '2')
    return c.redirect('/page', 303)
  })
  app.get('/json', (c) => c.json({ ok: true }, 200, { 'X-Frame-Options': 'SAMEORIGIN' }))
  app.get('/cleared', (c) => {
    c.header('X-Frame-Options', undefined)
    return c.text('no frame options')
  })
  return app
}

describe('the response headers gathered in one record', () => {
  it('builds a page with every header written before it, in its own status', async () => {
    const res = await recordApp().request('/page')
    expect(res.status).toBe(422)
    expect(await res.text()).toBe('<p>page</p>')
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    expect(res.headers.get('Vary')).toBe('Accept-Language, Cookie')
    expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN')
    expect(res.headers.get('X-Written-After')).toBe('yes')
  })

  it('keeps one cookie or several, each its own Set-Cookie', async () => {
    expect((await recordApp().request('/page?cookies=a')).headers.getSetCookie()).toEqual(['a=1; Path=/'])
    expect((await recordApp().request('/page?cookies=a,b,c')).headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=1; Path=/', 'c=1; Path=/'])
  })

  it('writes the record onto answers built another way, where they do not carry the header themselves', async () => {
    const redirect = await recordApp().request('/gone')
    expect(redirect.status).toBe(303)
    expect(redirect.headers.get('Location')).toBe('/page')
    expect(redirect.headers.get('Vary')).toBe('Accept-Language')
    expect(redirect.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/'])
    const json = await recordApp().request('/json')
    expect(json.headers.get('X-Frame-Options')).toBe('SAMEORIGIN')
    expect(json.headers.get('X-Written-After')).toBe('yes')
    const cleared = await recordApp().request('/cleared')
    expect(cleared.headers.has('X-Frame-Options')).toBe(false)
  })

  it('stays whole for another answer after a page was built, and the page gets later writes', async () => {
    const record = new ResponseHeaders()
    record.set('X-Frame-Options', 'DENY')
    record.append('Set-Cookie', 'a=1')
    const page = record.respond('<p>page</p>', 200, 'text/html; charset=UTF-8')
    record.set('X-Later', 'yes')
    expect(page.headers.get('X-Later')).toBe('yes')
    expect(page.headers.getSetCookie()).toEqual(['a=1'])
    // An error page after it, say: everything written so far, once, with its own type.
    const error = record.respond('<p>error</p>', 500, 'text/plain')
    expect(Object.fromEntries(error.headers)).toEqual({ 'x-frame-options': 'DENY', 'x-later': 'yes', 'content-type': 'text/plain', 'set-cookie': 'a=1' })
    const redirect = new Response(null, { status: 303, headers: { Location: '/' } })
    record.applyTo(redirect)
    expect(redirect.headers.has('Content-Type')).toBe(false)
    expect(redirect.headers.getSetCookie()).toEqual(['a=1'])
    expect(redirect.headers.get('X-Frame-Options')).toBe('DENY')
  })

  it('writes a district page to the socket without undici’s Headers, with the district’s headers', async () => {
    t = await createTestDistrict({ plugins: [notesPlugin()], seed: true })
    server = serve({ fetch: t.district.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((ready) => server!.once('listening', ready))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    await (await fetch(url, { headers: { Accept: 'text/html' } })).text()
    // The client's own fetch builds Headers from an object, which writes through neither method.
    const set = vi.spyOn(Headers.prototype, 'set')
    const append = vi.spyOn(Headers.prototype, 'append')
    let res: Response
    let writes: number
    try {
      res = await fetch(url)
      writes = set.mock.calls.length + append.mock.calls.length
    } finally {
      set.mockRestore()
      append.mockRestore()
    }
    expect(writes).toBe(0)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('Content-Language')).toBe('es-CO')
    expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(await res.text()).toContain('<html lang="es-CO">')
  })
})
