import type { Locale } from './locales.js'

export type MessageParams = Record<string, string | number>
/** Translates a namespaced key (`core.…`, `<plugin>.…`) into the request's language. */
export type Translate = (key: string, params?: MessageParams) => string
export type Catalog = Readonly<Record<string, string>>
export type Catalogs = Readonly<Record<Locale, Catalog>>

const pluralRules = new Map<Locale, Intl.PluralRules>()

function pluralCategory(locale: Locale, count: number): string {
  let rules = pluralRules.get(locale)
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)))
  return rules.select(count)
}

function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  )
}

/**
 * A numeric `count` parameter picks `<key>.<plural category>` when the catalog has it (e.g.
 * `items.one` / `items.other`). An unknown key comes back as itself, so a gap is visible on the
 * page instead of an empty string; the catalog tests keep the shipped catalogs complete.
 */
export function createTranslator(locale: Locale, catalog: Catalog): Translate {
  return (key, params) => {
    const count = params?.count
    const plural = typeof count === 'number' ? catalog[`${key}.${pluralCategory(locale, count)}`] : undefined
    const template = plural ?? catalog[key] ?? (typeof count === 'number' ? catalog[`${key}.other`] : undefined)
    return interpolate(template ?? key, params)
  }
}
