import { html } from '../html.js'
import type { FlashMessage } from '../../http/flash.js'
import type { Translate } from '../../i18n/translator.js'
import { translateParams } from '../../i18n/deferred-params.js'
import { useT } from '../context.js'

/** A one-time notice after a redirect ("Challenge published"). Announced politely to screen readers. */
export function flashNotice(t: Translate, flash: FlashMessage | null) {
  if (!flash) return ''
  const { kind, key, params } = flash
  return html`<div class="flash flash--${kind}" role="${kind === 'error' ? 'alert' : 'status'}"><p>${t(key, translateParams(t, params))}</p></div>`
}

/** The same notice as a component, for a page that shows one outside the shell's place for it. */
export function Flash(props: { flash: FlashMessage | null }) {
  return flashNotice(useT(), props.flash)
}
