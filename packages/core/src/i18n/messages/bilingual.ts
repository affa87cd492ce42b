import type { Locale } from '../locales.js'

/**
 * Catalog entries written as [Spanish, English] pairs, so a string and its translation sit side
 * by side and neither language can miss a key.
 */
export function bilingual<K extends string>(pairs: Record<K, readonly [es: string, en: string]>): Record<Locale, Record<K, string>> {
  const es = {} as Record<K, string>
  const en = {} as Record<K, string>
  for (const key of Object.keys(pairs) as K[]) {
    es[key] = pairs[key][0]
    en[key] = pairs[key][1]
  }
  return { 'es-CO': es, en }
}
