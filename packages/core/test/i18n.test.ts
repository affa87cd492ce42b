import { describe, expect, it } from 'vitest'
import { esCO } from '../src/i18n/messages/es-CO.js'
import { en } from '../src/i18n/messages/en.js'
import { createTranslator } from '../src/i18n/translator.js'
import { negotiateLocale } from '../src/i18n/negotiate.js'

describe('core catalogs', () => {
  it('have the same keys in Spanish and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(esCO).sort())
    for (const catalog of [esCO, en]) for (const value of Object.values(catalog)) expect(value.trim()).not.toBe('')
  })

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
    for (const key of Object.keys(esCO)) expect([key, placeholders(en[key] ?? '')]).toEqual([key, placeholders(esCO[key] ?? '')])
  })
})

describe('translator', () => {
  const t = createTranslator('es-CO', { 'x.hello': 'Hola, {name}', 'x.items.one': '{count} reto', 'x.items.other': '{count} retos', 'x.only': 'Solo {count}' })
  it('interpolates and leaves unknown placeholders visible', () => {
    expect(t('x.hello', { name: 'Cali' })).toBe('Hola, Cali')
    expect(t('x.hello')).toBe('Hola, {name}')
  })
  it('picks the plural form from the count', () => {
    expect(t('x.items', { count: 1 })).toBe('1 reto')
    expect(t('x.items', { count: 4 })).toBe('4 retos')
    expect(t('x.only', { count: 2 })).toBe('Solo 2')
  })
  it('shows an unknown key as itself', () => {
    expect(t('x.missing')).toBe('x.missing')
  })
})

describe('locale negotiation', () => {
  it('prefers the explicit choice, then Accept-Language by weight, then the default', () => {
    expect(negotiateLocale({ cookie: 'en', acceptLanguage: 'es', fallback: 'es-CO' })).toBe('en')
    expect(negotiateLocale({ acceptLanguage: 'fr;q=1, en;q=0.8, es;q=0.9', fallback: 'en' })).toBe('es-CO')
    expect(negotiateLocale({ acceptLanguage: 'en-GB', fallback: 'es-CO' })).toBe('en')
    expect(negotiateLocale({ cookie: 'de', acceptLanguage: 'de-DE', fallback: 'es-CO' })).toBe('es-CO')
    expect(negotiateLocale({ acceptLanguage: 'en;q=0', fallback: 'es-CO' })).toBe('es-CO')
  })
})
