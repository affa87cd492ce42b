/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Database } from '../db/client.js'
import type { MountedPlugin } from '../district/mounted-plugin.js'
import type { Logger } from '../log/logger.js'
import { AssemblyError } from '../plugin/errors.js'
import { type AssetBundle, assetRoutes } from './assets.js'
import type { DistrictRuntime, DistritoEnv } from './env.js'
import { onError, onNotFound, renderError } from './errors.js'
import { takeFlash } from './flash.js'
import { requestIdFrom } from './request-id.js'
import { csrfProtection } from './middleware/csrf.js'
import { localeMiddleware } from './middleware/locale.js'
import { pageRenderer } from './middleware/page-renderer.js'
import { requestContext } from './middleware/request-context.js'
import { responseHeaders } from './middleware/response-headers.js'
import { securityHeaders } from './middleware/security-headers.js'
import { healthRoutes } from './routes/health.js'
import { homeRoutes } from './routes/home.js'
import { localeRoutes } from './routes/locale.js'
import { authMiddleware } from '../auth/middleware.js'
import { accountRoutes } from '../accounts/routes/account.js'
import { changeEmailRoutes } from '../accounts/routes/change-email.js'
import { loginRoutes } from '../accounts/routes/login.js'
import { passwordResetRoutes } from '../accounts/routes/password-reset.js'
import { privacyRoutes } from '../accounts/routes/privacy.js'
import { registerRoutes } from '../accounts/routes/register.js'
import { verifyEmailRoutes } from '../accounts/routes/verify-email.js'
import { adminRoutes } from '../admin/routes/index.js'
import { legalRoutes } from '../legal/routes.js'
import { directoryRoutes } from '../organizations/routes/directory.js'
import { invitationRoutes } from '../organizations/routes/invitations.js'
import { memberRoutes } from '../organizations/routes/members.js'
import { organizationProfileRoutes } from '../organizations/routes/profile.js'
import type { CoreServices } from '../services/types.js'
import { workflowRoutes } from '../workflow/routes.js'
import { notificationRoutes } from '../notifications/routes.js'
import { fileRoutes } from '../files/routes.js'
import { commentRoutes } from '../comments/routes.js'
import { verificationRoutes } from '../organizations/routes/verification.js'
import { organizationDeleteRoutes } from '../organizations/routes/delete.js'

/** Form posts larger than this are refused with 413; file uploads get their own limits. */
export const MAX_FORM_BYTES = 1024 * 1024

export interface AppParts {
  runtime: DistrictRuntime
  db: Database
  logger: Logger
  assets: AssetBundle
  plugins: readonly MountedPlugin[]
  services: CoreServices
}

function wantsPage(accept: string | undefined, htmx: string | undefined): boolean {
  return !htmx && (accept ?? '').includes('text/html')
}

/** The district's web app: core middleware and pages, then every plugin's routes at `/<id>`. */
export function buildApp(parts: AppParts): Hono<DistritoEnv> {
  const { runtime, db, logger, plugins } = parts
  const app = new Hono<DistritoEnv>()
  const publicOrigin = runtime.config.publicUrl ? new URL(runtime.config.publicUrl).origin : undefined

  app.use(responseHeaders())
  // Not async, as the middleware below that have nothing to do after the route: each hands on
  // the route's promise instead of wrapping it in one more.
  app.use((c, next) => {
    const id = requestIdFrom(c.req.header('X-Request-Id'))
    c.set('requestId', id)
    c.header('X-Request-Id', id)
    c.set('district', runtime)
    c.set('db', db)
    c.set('services', parts.services)
    c.set('flash', null)
    return next()
  })
  app.use(requestContext(logger, { serverTiming: runtime.serverTiming }))
  app.use(securityHeaders({ https: runtime.https }))
  // Static files and the health check answer before language and cookies are read, so their
  // responses do not vary with them and stay in caches across a flash notice or a language switch.
  app.route('/', assetRoutes(parts.assets))
  app.route('/', healthRoutes())
  app.use(authMiddleware())
  app.use(localeMiddleware())
  app.use(pageRenderer())
  // Forms are small; only multipart requests carry files, up to the district's upload ceiling (each
  // form then checks its own, smaller limit per file).
  const formLimit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => renderError(c, 413) })
  const uploadLimit = bodyLimit({ maxSize: runtime.config.files.maxUploadBytes, onError: (c) => renderError(c, 413) })
  // A GET or HEAD carries no body: asking for one would make the node adapter build a full Request.
  app.use((c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    return (c.req.header('Content-Type') ?? '').startsWith('multipart/form-data') ? uploadLimit(c, next) : formLimit(c, next)
  })
  app.use(csrfProtection(publicOrigin ? [publicOrigin] : undefined))
  app.use((c, next) => {
    // Only a full page shows the one-time notice, so a background request cannot swallow it.
    if (c.req.method === 'GET' && wantsPage(c.req.header('Accept'), c.req.header('HX-Request'))) c.set('flash', takeFlash(c))
    return next()
  })

  app.route('/', localeRoutes())
  app.route('/', homeRoutes(plugins))
  for (const routes of [
    registerRoutes(), loginRoutes(), verifyEmailRoutes(), passwordResetRoutes(), accountRoutes(), changeEmailRoutes(), privacyRoutes(plugins),
    directoryRoutes(), organizationProfileRoutes(), memberRoutes(), invitationRoutes(), verificationRoutes(), organizationDeleteRoutes(),
    adminRoutes(), legalRoutes(), workflowRoutes(), notificationRoutes(), fileRoutes(), commentRoutes(),
  ]) app.route('/', routes)
  for (const plugin of plugins) {
    if (!plugin.definition.routes) continue
    const sub = new Hono<DistritoEnv>()
    try {
      plugin.definition.routes(sub, plugin.context)
    } catch (error) {
      throw new AssemblyError('PLUGIN_SETUP_FAILED', `Plugin "${plugin.id}" failed to set up its routes: ${(error as Error).message}`, { cause: error })
    }
    app.route(plugin.context.basePath, sub)
  }

  app.onError(onError)
  app.notFound(onNotFound)
  return app
}
