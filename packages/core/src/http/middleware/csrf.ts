import type { MiddlewareHandler } from 'hono'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import type { DistritoEnv } from '../env.js'
import { renderError } from '../errors.js'

/**
 * Refuses state-changing form posts that do not come from the district's own pages (Origin and
 * Sec-Fetch-Site checks, as Lucia recommends), with a page that says what happened.
 */
export function csrfProtection(allowedOrigins: string[] | undefined): MiddlewareHandler<DistritoEnv> {
  const check = csrf(allowedOrigins?.length ? { origin: allowedOrigins } : {})
  return async (c, next) => {
    // The check lets these through anyway; skipping it spares every page its three closures.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    let passed = false
    try {
      return await check(c, async () => {
        passed = true
        await next()
      })
    } catch (error) {
      if (!passed && error instanceof HTTPException && error.status === 403) {
        c.get('logger').warn('csrf rejected', { origin: c.req.header('Origin') ?? null, secFetchSite: c.req.header('Sec-Fetch-Site') ?? null })
        return renderError(c, 403, 'csrf')
      }
      throw error
    }
  }
}
