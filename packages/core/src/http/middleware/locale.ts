import type { MiddlewareHandler } from 'hono'
import { LOCALE_COOKIE, negotiateLocale } from '../../i18n/negotiate.js'
import { createTranslator } from '../../i18n/translator.js'
import { createFormatters } from '../../i18n/format.js'
import type { DistritoEnv } from '../env.js'
import { readCookie } from '../cookies.js'

/** Sets the request's language, translator and formatters; responses vary with the choice. */
export function localeMiddleware(): MiddlewareHandler<DistritoEnv> {
  return (c, next) => {
    const { config, catalogs } = c.get('district')
    const locale = negotiateLocale({
      cookie: readCookie(c, LOCALE_COOKIE),
      preference: c.get('auth')?.user?.locale,
      acceptLanguage: c.req.header('Accept-Language'),
      fallback: config.defaultLocale,
    })
    c.set('locale', locale)
    c.set('t', createTranslator(locale, catalogs[locale]))
    c.set('format', createFormatters(locale, config.timeZone))
    c.header('Content-Language', locale)
    c.header('Vary', 'Accept-Language, Cookie', { append: true })
    return next()
  }
}
