import type { Context } from 'hono'
import type { DistritoEnv } from '../http/env.js'
import { type Locale, isLocale } from '../i18n/locales.js'
import { createTranslator, type MessageParams } from '../i18n/translator.js'
import type { MailMessage } from './mailer.js'

/** An absolute address for links in mail: the district's public URL, or the one the request came to. */
export function absoluteUrl(c: Context<DistritoEnv>, path: string): string {
  const base = c.get('district').config.publicUrl ?? new URL(c.req.url).origin
  return new URL(path, base).href
}

/**
 * A message from the catalog keys `core.mail.<kind>.subject` and `.body`, in the recipient's
 * language when known, else the page's, signed with the district's name. A `link` parameter is
 * by convention a single-use link that grants access, and is marked as a secret.
 */
export function composeMail(c: Context<DistritoEnv>, to: string, kind: string, params: MessageParams, locale?: string | null): MailMessage {
  const lang: Locale = isLocale(locale) ? locale : c.get('locale')
  const t = createTranslator(lang, c.get('district').catalogs[lang])
  const district = c.get('district').config.name[lang]
  const all = { ...params, district }
  return {
    to,
    subject: t(`${kind}.subject`, all),
    text: `${t(`${kind}.body`, all)}\n\n— ${district}\n`,
    secrets: typeof params.link === 'string' ? [params.link] : [],
  }
}
