import type { Context, MiddlewareHandler } from 'hono'
import { ResponseHeaders } from '../response-headers.js'
import type { DistritoEnv } from '../env.js'

/**
 * `c.header()` of every request: into the request's record until the route has answered; then, on
 * a response built some other way, in place (Hono's own would rebuild a finished response around
 * its body's stream). One function for all requests, called as the context's method.
 */
function header(this: Context<DistritoEnv>, name: string, value?: string, options?: { append?: boolean }): void {
  const record = this.get('responseHeaders')
  const target = this.finalized && !record.built(this.res) ? this.res.headers : record
  if (value === undefined) target.delete(name)
  else if (options?.append) target.append(name, value)
  else target.set(name, value)
}

/**
 * The first middleware: every `c.header()` of the request (a route's, a cookie helper's, Hono's own
 * middleware's) lands in one plain record, which a page in the shell is built from and which is
 * written onto any other response at the end.
 */
export function responseHeaders(): MiddlewareHandler<DistritoEnv> {
  return async (c, next) => {
    const record = new ResponseHeaders()
    c.set('responseHeaders', record)
    c.header = header as typeof c.header
    await next()
    if (!record.built(c.res)) record.applyTo(c.res)
  }
}
