import { Hono, type Context } from 'hono'
import { currentUser } from '../auth/guards.js'
import type { DistritoEnv } from '../http/env.js'
import { httpError } from '../http/errors.js'
import { vars } from '../http/vars.js'

/** Images are shown in the browser; everything else downloads, so no document runs in the district's origin. */
const INLINE = new Set(['image/png', 'image/jpeg', 'image/webp', 'application/pdf'])

/** Serves an attachment to people who may see the item it belongs to; to anyone else it does not exist. */
export function fileRoutes() {
  const app = new Hono<DistritoEnv>()
  const serve = async (c: Context<DistritoEnv>) => {
    const { db, services, auth, can } = vars(c)
    const file = await services.files.get(db, c.req.param('id') ?? '')
    const allowed = file ? await services.subjects.canView(file.subjectType, file.subjectId, { auth, can }, db) : false
    if (!allowed) {
      // A visitor may be someone who can see it once signed in.
      if (!auth.user) currentUser(c)
      httpError(404)
    }
    const body = await services.files.storage.get(file!.storageKey)
    if (!body) {
      c.get('logger').error('stored file is missing', { fileId: file!.id, storageKey: file!.storageKey })
      httpError(404)
    }
    const disposition = INLINE.has(file!.contentType) ? 'inline' : 'attachment'
    c.header('Content-Type', file!.contentType)
    c.header('Content-Length', String(file!.size))
    c.header('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file!.name)}`)
    c.header('Cache-Control', 'private, no-store')
    c.header('X-Content-Type-Options', 'nosniff')
    // Even a PDF opened in the browser runs sandboxed, with no scripts and no access to the district's cookies.
    c.header('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
    return c.body(body)
  }
  app.get('/files/:id', serve)
  app.get('/files/:id/:name', serve)
  return app
}
