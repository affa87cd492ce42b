/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { DistritoEnv } from '../../http/env.js'
import { vars } from '../../http/vars.js'

/**
 * The answer to an action that was refused for a reason the person can act on ("attach the
 * certificate first"): the reason, in their language, with the status code, and a way back.
 */
export function renderRefusal(c: Context<DistritoEnv>, status: ContentfulStatusCode, input: { title: string; reason: string; back: string }): Promise<Response> | Response {
  const { t } = vars(c)
  c.status(status)
  c.header('Cache-Control', 'no-store')
  return c.render(
    <div class="refusal">
      <h1>{input.title}</h1>
      <div class="notice notice--error" role="alert"><p>{input.reason}</p></div>
      <p><a class="button button--secondary" href={input.back}>{t('core.action.back')}</a></p>
    </div>,
    { title: input.title, noindex: true },
  )
}
