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
    const { stats, result } = withQueryStats(() => next())
    await result
    const ms = Math.round((performance.now() - started) * 10) / 10
    // Off by default: a query count that differs by outcome (an account that exists or not)
    // would tell strangers what they should not know. Tests and local development turn it on.
    // In place: c.header() after the response exists would rebuild it around a stream.
    if (options.serverTiming) c.res.headers.set('Server-Timing', `app;dur=${ms}, db;desc="${stats.count} queries"`)
    log.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms, queries: stats.count })
  }
}
