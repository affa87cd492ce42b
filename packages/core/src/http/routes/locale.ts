import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { LOCALE_COOKIE } from '../../i18n/negotiate.js'
import { isLocale } from '../../i18n/locales.js'
import type { DistritoEnv } from '../env.js'
import { renderError } from '../errors.js'
import { safeNext } from '../../auth/guards.js'

/** The language switch: a plain link that remembers the choice for a year and returns to the page. */
export function localeRoutes() {
  const app = new Hono<DistritoEnv>()
  app.get('/locale/:lang', (c) => {
    const lang = c.req.param('lang')
    if (!isLocale(lang)) return renderError(c, 404)
    setCookie(c, LOCALE_COOKIE, lang, {
      path: '/', sameSite: 'Lax', httpOnly: true, secure: c.get('district').https, maxAge: 60 * 60 * 24 * 365,
    })
    return c.redirect(safeNext(c.req.query('next')) ?? '/', 303)
  })
  return app
}
