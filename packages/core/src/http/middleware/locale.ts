import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { LOCALE_COOKIE, negotiateLocale } from '../../i18n/negotiate.js'
import { createTranslator } from '../../i18n/translator.js'
import type { DistritoEnv } from '../env.js'

/** Sets the request's language and translator; responses vary with the choice. */
export function localeMiddleware(): MiddlewareHandler<DistritoEnv> {
  return async (c, next) => {
    const { config, catalogs } = c.var.district
    const locale = negotiateLocale({
      cookie: getCookie(c, LOCALE_COOKIE),
      acceptLanguage: c.req.header('Accept-Language'),
      fallback: config.defaultLocale,
    })
    c.set('locale', locale)
    c.set('t', createTranslator(locale, catalogs[locale]))
    c.header('Content-Language', locale)
    c.header('Vary', 'Accept-Language, Cookie', { append: true })
    await next()
  }
}
