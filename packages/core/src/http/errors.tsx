/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { errorFields } from '../log/logger.js'
import type { DistritoEnv } from './env.js'
import { isRedirectToLogin } from '../auth/guards.js'
import { vars } from './vars.js'

export type ErrorKind = '403' | '404' | '413' | '500' | 'csrf' | 'generic'

function kindFor(status: number): ErrorKind {
  if (status === 403 || status === 404 || status === 413) return String(status) as ErrorKind
  return status >= 500 ? '500' : 'generic'
}

function ErrorPage(props: { kind: ErrorKind; requestId: string; t: DistritoEnv['Variables']['t'] }) {
  const { t, kind } = props
  return (
    <div class="error-page">
      <h1>{t(`core.error.title.${kind}`)}</h1>
      <p>{t(`core.error.body.${kind}`)}</p>
      <p class="request-id">{t('core.error.requestId', { id: props.requestId })}</p>
      <p>
        <a href="/">{t('core.error.backHome')}</a>
      </p>
    </div>
  )
}

/** Renders the shell's error page; if rendering itself fails, a bare page still answers. */
export async function renderError(c: Context<DistritoEnv>, status: ContentfulStatusCode, kind: ErrorKind = kindFor(status)): Promise<Response> {
  const { t, requestId } = vars(c)
  c.status(status)
  c.header('Cache-Control', 'no-store')
  try {
    return await c.render(<ErrorPage kind={kind} requestId={requestId} t={t} />, { title: t(`core.error.title.${kind}`), noindex: true })
  } catch (error) {
    c.get('logger')?.error('error page failed to render', errorFields(error))
    return c.html(`<!doctype html><title>${status}</title><h1>${status}</h1><p>Request ${requestId}</p>`, status)
  }
}

/** Stops a request with an HTTP error; the core renders the matching page in the request's language. */
export function httpError(status: ContentfulStatusCode, message?: string): never {
  throw new HTTPException(status, { message })
}

export const onError: ErrorHandler<DistritoEnv> = async (error, c) => {
  if (isRedirectToLogin(error)) return c.redirect(error.location, 303)
  if (error instanceof HTTPException) {
    if (error.res) return error.getResponse()
    if (error.status >= 500) c.get('logger').error('request failed', errorFields(error))
    return renderError(c, error.status as ContentfulStatusCode)
  }
  c.get('logger').error('unhandled error', errorFields(error))
  return renderError(c, 500)
}

export const onNotFound: NotFoundHandler<DistritoEnv> = (c) => renderError(c, 404)
