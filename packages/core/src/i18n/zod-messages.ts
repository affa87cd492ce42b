import { z } from 'zod'
import type { Locale } from './locales.js'

const maps = {
  'es-CO': z.locales.es().localeError,
  en: z.locales.en().localeError,
} satisfies Record<Locale, z.core.$ZodErrorMap>

/** zod's own messages in the request's language, for issues a schema gives no message of its own. */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  return maps[locale]
}
