import type { MiddlewareHandler } from 'hono'
import type { DistritoEnv } from '../http/env.js'
import { ANONYMOUS } from './auth-state.js'
import { isGranted } from './permissions.js'
import { deleteSessionCookie, readSessionCookie, setSessionCookie, validateSessionToken } from './sessions.js'

/** Reads the session cookie into `c.get('auth')` (one query) and provides `c.get('can')`. */
export function authMiddleware(): MiddlewareHandler<DistritoEnv> {
  return async (c, next) => {
    let auth = ANONYMOUS
    const token = readSessionCookie(c)
    if (token) {
      const result = await validateSessionToken(c.get('db'), token)
      if (result) {
        auth = result.auth
        // The cookie lives as long as the inactivity window, so it is renewed with the session.
        if (result.refreshed) setSessionCookie(c, token)
      } else {
        deleteSessionCookie(c)
      }
    }
    c.set('auth', auth)
    c.set('can', (permission, role) => isGranted(c.get('district').permissions, auth, permission, role))
    // A page rendered for a signed-in person is theirs alone: no shared cache may keep it. Set
    // before the route, so that a route's own Cache-Control replaces it.
    if (auth.user) c.header('Cache-Control', 'private, no-store')
    await next()
  }
}
