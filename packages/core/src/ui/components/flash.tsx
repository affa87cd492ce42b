/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { FlashMessage } from '../../http/flash.js'
import { useT } from '../context.js'
import { translateParams } from '../../i18n/deferred-params.js'

/** A one-time notice after a redirect ("Challenge published"). Announced politely to screen readers. */
export function Flash(props: { flash: FlashMessage | null }) {
  const t = useT()
  if (!props.flash) return null
  const { kind, key, params } = props.flash
  return (
    <div class={`flash flash--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <p>{t(key, translateParams(t, params))}</p>
    </div>
  )
}
