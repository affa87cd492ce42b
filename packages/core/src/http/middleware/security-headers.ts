import type { MiddlewareHandler } from 'hono'
import type { DistritoEnv } from '../env.js'

/**
 * Everything comes from our own origin: no inline scripts, no third-party hosts. Pages cannot be
 * framed, and the browser is told not to sniff types or leak full referrers. These are the headers
 * of hono's `secureHeaders` with the district's choices, written once into the response's record
 * before the route runs, so that a route's own `c.header()` replaces one (a page whose address
 * holds a secret sends no referrer at all; an uploaded file is served under a sandboxing policy).
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler<DistritoEnv> {
  const contentSecurityPolicy = [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
    "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'",
  ].join('; ')
  const transportSecurity: [string, string][] = options.https ? [['Strict-Transport-Security', 'max-age=63072000; includeSubDomains']] : []
  const headers: [string, string][] = [
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Origin-Agent-Cluster', '?1'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ...transportSecurity,
    ['X-Content-Type-Options', 'nosniff'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Download-Options', 'noopen'],
    ['X-Frame-Options', 'DENY'],
    ['X-Permitted-Cross-Domain-Policies', 'none'],
    ['X-XSS-Protection', '0'],
    ['Content-Security-Policy', contentSecurityPolicy],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ]
  return (c, next) => {
    const record = c.get('responseHeaders')
    for (const [name, value] of headers) record.set(name, value)
    return next()
  }
}
