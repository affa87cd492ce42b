import { z } from 'zod'
import type { Locale } from './locales.js'
import { en } from './messages/en.js'
import { esCO } from './messages/es-CO.js'
import { createTranslator, type Translate } from './translator.js'

const fallbacks = {
  'es-CO': z.locales.es().localeError,
  en: z.locales.en().localeError,
} satisfies Record<Locale, z.core.$ZodErrorMap>

type Issue = Parameters<z.core.$ZodErrorMap>[0] & Record<string, unknown>

function isBlank(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '')
}

/**
 * Plain-language messages for the issues people meet most in forms (required, length, email,
 * web address, number bounds, choices); anything else gets zod's own message in the language.
 */
function messageFor(issue: Issue, t: Translate): string | undefined {
  const min = Number(issue.minimum)
  const max = Number(issue.maximum)
  switch (issue.code) {
    case 'invalid_type':
      if (isBlank(issue.input)) return t('core.form.required')
      if (issue.expected === 'number' || issue.expected === 'int') return t('core.form.number')
      return undefined
    case 'too_small':
      if (issue.origin === 'string') return min <= 1 ? t('core.form.required') : t('core.form.tooShort', { min })
      if (issue.origin === 'number') return t('core.form.numberMin', { min })
      if (issue.origin === 'array' || issue.origin === 'set') return t('core.form.tooFewChoices', { min })
      return undefined
    case 'too_big':
      if (issue.origin === 'string') return t('core.form.tooLong', { max })
      if (issue.origin === 'number') return t('core.form.numberMax', { max })
      if (issue.origin === 'array' || issue.origin === 'set') return t('core.form.tooManyChoices', { max })
      return undefined
    case 'invalid_format':
      if (isBlank(issue.input)) return t('core.form.required')
      if (issue.format === 'email') return t('core.form.email')
      if (issue.format === 'url') return t('core.form.url')
      return undefined
    case 'invalid_value':
      return isBlank(issue.input) ? t('core.form.required') : t('core.form.choice')
    case 'not_multiple_of':
      return issue.divisor === 1 ? t('core.form.integer') : undefined
    default:
      return undefined
  }
}

const maps = new Map<Locale, z.core.$ZodErrorMap>()

/** zod messages in the request's language, for issues a schema gives no message of its own. */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  let map = maps.get(locale)
  if (!map) {
    const t = createTranslator(locale, locale === 'en' ? en : esCO)
    map = (issue) => messageFor(issue as Issue, t) ?? fallbacks[locale](issue)
    maps.set(locale, map)
  }
  return map
}
