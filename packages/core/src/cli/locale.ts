import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.js'

/** The CLI speaks the operator's language: DISTRITO_LOCALE, else LANG, else Spanish. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = (env.DISTRITO_LOCALE ?? env.LC_ALL ?? env.LANG ?? '').toLowerCase()
  if (tag.startsWith('en')) return 'en'
  if (tag.startsWith('es')) return 'es-CO'
  return DEFAULT_LOCALE
}
