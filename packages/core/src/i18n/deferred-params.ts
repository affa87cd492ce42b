import type { MessageParams, Translate } from './translator.js'

/**
 * Messages stored for later (notifications, one-time notices, refusals) cannot hold translated
 * words, since the reader's language is known only when shown. A parameter `t:<key>` is an i18n
 * key, translated at that moment.
 */
export function translateParams(t: Translate, params: Record<string, string | number> = {}): MessageParams {
  const out: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(params)) out[name] = typeof value === 'string' && value.startsWith('t:') ? t(value.slice(2)) : value
  return out
}
