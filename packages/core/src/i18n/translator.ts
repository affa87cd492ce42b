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

/** A message split once at its `{name}` placeholders: text, name, text, name, …, text. */
const compiled = new Map<string, string[]>()

function partsOf(template: string): string[] {
  let parts = compiled.get(template)
  if (!parts) {
    // Messages are a catalog's, a bounded set; the bound keeps a caller's odd keys from growing it.
    if (compiled.size >= 10_000) compiled.clear()
    compiled.set(template, (parts = template.split(/\{(\w+)\}/)))
  }
  return parts
}

function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template
  const parts = partsOf(template)
  let out = parts[0]!
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!
    out += (Object.hasOwn(params, name) ? String(params[name]) : `{${name}}`) + parts[i + 1]!
  }
  return out
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
