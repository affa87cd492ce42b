import type { Context, MiddlewareHandler } from 'hono'
import type { DistritoEnv } from '../http/env.js'
import { httpError } from '../http/errors.js'
import type { CurrentUser } from './auth-state.js'

/**
 * A path on this site to return to (after signing in, after switching language); never `//host`
 * or a full URL, so no link can send people elsewhere.
 */
export function safeNext(next: string | undefined | null): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined
  return next
}

function loginUrl(c: Context<DistritoEnv>): string {
  const here = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : (c.req.header('Referer') ? new URL(c.req.header('Referer')!).pathname : '/')
  return `/login?next=${encodeURIComponent(here)}`
}

/** The signed-in person, or a redirect to the sign-in page that comes back here. */
export function currentUser(c: Context<DistritoEnv>): CurrentUser {
  const user = c.get('auth').user
  if (!user) throw redirectToLogin(c)
  return user
}

class RedirectToLogin extends Error {
  constructor(readonly location: string) {
    super('sign-in required')
  }
}

function redirectToLogin(c: Context<DistritoEnv>): RedirectToLogin {
  return new RedirectToLogin(loginUrl(c))
}

export function isRedirectToLogin(error: unknown): error is RedirectToLogin {
  return error instanceof RedirectToLogin
}

/** Route guard: only signed-in people; others go to the sign-in page and come back. */
export function requireUser(): MiddlewareHandler<DistritoEnv> {
  return async (c, next) => {
    if (!c.get('auth').user) return c.redirect(loginUrl(c), 303)
    await next()
  }
}

/**
 * Route guard for a permission, in the organization the person acts for. Visitors go to sign
 * in; signed-in people without it get 403.
 */
export function requirePermission(permission: string): MiddlewareHandler<DistritoEnv> {
  return async (c, next) => {
    if (!c.get('auth').user) return c.redirect(loginUrl(c), 303)
    if (!c.get('can')(permission)) httpError(403)
    await next()
  }
}
