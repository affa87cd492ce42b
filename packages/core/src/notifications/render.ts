import { translateParams } from '../i18n/deferred-params.js'
import type { Translate } from '../i18n/translator.js'
import type { NotificationParams } from './types.js'

/** The notification's sentence in the reader's language; `t:` parameters are translated too. */
export function renderNotification(t: Translate, message: string, params: NotificationParams): string {
  return t(message, translateParams(t, params))
}
