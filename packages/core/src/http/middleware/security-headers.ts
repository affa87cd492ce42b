import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * Everything comes from our own origin: no inline scripts, no third-party hosts. Pages cannot be
 * framed, and the browser is told not to sniff types or leak full referrers.
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const defaults = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
    strictTransportSecurity: options.https ? 'max-age=63072000; includeSubDomains' : false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: 'DENY',
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  })
  // A page whose address holds a secret (a reset or invitation link) sends no referrer at all, and
  // an uploaded file is served under a sandboxing policy; the defaults would overwrite either.
  return async (c, next) => {
    let referrer: string | null = null
    let policy: string | null = null
    await defaults(c, async () => {
      await next()
      referrer = c.res.headers.get('Referrer-Policy')
      policy = c.res.headers.get('Content-Security-Policy')
    })
    if (referrer) c.res.headers.set('Referrer-Policy', referrer)
    if (policy) c.res.headers.set('Content-Security-Policy', policy)
  }
}
