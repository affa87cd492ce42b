/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { MiddlewareHandler } from 'hono'
import { html, raw } from '../../ui/html.js'
import { RequestContext } from 'hono/jsx-renderer'
import { Shell } from '../../ui/shell.js'
import type { DistritoEnv } from '../env.js'

/**
 * `c.render(content, { title })` wraps a page in the district's shell, as hono's `jsxRenderer` does,
 * but hands the response a plain string. @hono/node-server writes a plain-string body in one call;
 * hono's rendered String object sends it down the streaming path instead, which under load waits
 * behind every other request between its chunks (p99 in seconds at 50 connections). The headers
 * come from the request's record in one plain object (`http/response-headers.ts`).
 */
export function pageRenderer(): MiddlewareHandler<DistritoEnv> {
  return (c, next) => {
    c.setRenderer(async (content, props) => {
      const page = html`${raw('<!DOCTYPE html>')}${(
        <RequestContext.Provider value={c}>
          <Shell c={c} title={props.title} noindex={props.noindex}>{content}</Shell>
        </RequestContext.Provider>
      )}`
      const body = String(await page)
      const headers = c.get('responseHeaders')
      const timing = c.get('serverTiming')
      if (timing) headers.set('Server-Timing', timing())
      // Hono keeps what c.status() set to itself; an empty response built by the context carries it.
      return headers.respond(body, c.body(null).status, 'text/html; charset=UTF-8')
    })
    return next()
  }
}
