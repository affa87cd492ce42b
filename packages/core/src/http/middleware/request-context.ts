import type { MiddlewareHandler } from 'hono'
import { withQueryStats } from '../../db/query-stats.js'
import type { Logger } from '../../log/logger.js'
import type { DistritoEnv } from '../env.js'

/**
 * Per request: a child logger carrying the request id, a counter of SQL statements, and one
 * structured access-log line when the response is ready.
 */
export function requestContext(logger: Logger, options: { serverTiming: boolean }): MiddlewareHandler<DistritoEnv> {
  return async (c, next) => {
    const started = performance.now()
    const log = logger.child({ requestId: c.get('requestId') })
    c.set('logger', log)
    const elapsed = () => Math.round((performance.now() - started) * 10) / 10
    // Off by default: a query count that differs by outcome (an account that exists or not)
    // would tell strangers what they should not know. Tests and local development turn it on. A
    // page takes it as it is rendered (its statements have all run by then), other answers below.
    const { stats, result } = withQueryStats(() => {
      if (options.serverTiming) c.set('serverTiming', () => `app;dur=${elapsed()}, db;desc="${stats.count} queries"`)
      return next()
    })
    await result
    const ms = elapsed()
    const timing = c.get('serverTiming')
    if (timing && !c.get('responseHeaders').built(c.res)) c.header('Server-Timing', timing())
    log.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms, queries: stats.count })
  }
}
