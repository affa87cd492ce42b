import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { DistritoEnv } from '../http/env.js'

export const UNKNOWN_ADDRESS = 'unknown'

let warnedAboutProxy = false

/**
 * The visitor's address, for throttling and the sessions list. Behind a load balancer (set
 * `trustProxy`), the last X-Forwarded-For entry is the one our own proxy added; earlier entries
 * come from the client and can be forged.
 */
export function clientAddress(c: Context<DistritoEnv>, trustProxy: boolean): string {
  if (!trustProxy && !warnedAboutProxy && c.req.header('X-Forwarded-For')) {
    // Behind a proxy every visitor would share the proxy's address, and so its throttles.
    warnedAboutProxy = true
    c.get('logger').warn('requests carry X-Forwarded-For but TRUST_PROXY is off: set TRUST_PROXY=1 behind a load balancer so throttles see visitors, not the balancer')
  }
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').map((s) => s.trim()).filter(Boolean)
    const last = forwarded?.at(-1)
    if (last) return last.slice(0, 64)
  }
  try {
    return getConnInfo(c).remote.address ?? UNKNOWN_ADDRESS
  } catch {
    // app.request() in tests has no socket.
    return UNKNOWN_ADDRESS
  }
}
