import { type Locale, isLocale } from './locales.js'

export const LOCALE_COOKIE = 'distrito_lang'

/**
 * The language of a request: an explicit choice (cookie set by the language switch) wins, then
 * the signed-in person's saved preference, then the browser's Accept-Language, then the default.
 */
export function negotiateLocale(input: { cookie?: string; preference?: Locale | null; acceptLanguage?: string; fallback: Locale }): Locale {
  if (isLocale(input.cookie)) return input.cookie
  if (isLocale(input.preference)) return input.preference
  const ranges = (input.acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';')
      const q = rest.find((p) => p.trim().startsWith('q='))
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 }
    })
    .filter((r) => r.tag && !Number.isNaN(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranges) {
    if (tag.startsWith('es')) return 'es-CO'
    if (tag.startsWith('en')) return 'en'
  }
  return input.fallback
}
