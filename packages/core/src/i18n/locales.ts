import { z } from 'zod'

/** The languages every string ships in. Spanish (Colombia) is the default. */
export const LOCALES = ['es-CO', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'es-CO'

export const localeSchema = z.enum(LOCALES)

/** A text given in every supported language, e.g. a district's name or a sector's label. */
export const localizedSchema = z.object({
  'es-CO': z.string().trim().min(1),
  en: z.string().trim().min(1),
})
export type Localized = z.infer<typeof localizedSchema>

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
