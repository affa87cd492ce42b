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
  // A page whose address holds a secret (a reset or invitation link) sends no referrer at all;
  // the defaults would overwrite the stricter policy it set.
  return async (c, next) => {
    let own: string | null = null
    await defaults(c, async () => {
      await next()
      own = c.res.headers.get('Referrer-Policy')
    })
    if (own) c.res.headers.set('Referrer-Policy', own)
  }
}
