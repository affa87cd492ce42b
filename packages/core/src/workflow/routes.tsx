/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'
import { requireUser } from '../auth/guards.js'
import type { DistritoEnv } from '../http/env.js'
import { httpError } from '../http/errors.js'
import { setFlash } from '../http/flash.js'
import { renderRefusal } from '../ui/components/refusal-page.js'
import { backField, backTo } from '../ui/forms/back-field.js'
import { optionalText } from '../ui/forms/fields.js'
import { parseForm } from '../ui/forms/parse-form.js'
import type { Refusal } from './engine.js'
import { translateParams } from '../i18n/deferred-params.js'
import { vars } from '../http/vars.js'

const fireSchema = z.object({ note: optionalText(z.string().max(2000)), back: backField })

const STATUS: Record<Refusal['code'], ContentfulStatusCode> = { forbidden: 403, 'not-found': 404, state: 409, note: 422, guard: 422 }

/** Where the workflow panel's buttons post: any workflow, any item, any transition the person may fire. */
export function workflowRoutes() {
  const app = new Hono<DistritoEnv>()
  app.post('/workflows/:workflow/:itemId/:transition', requireUser(), async (c) => {
    const { services, auth, t } = vars(c)
    const { workflow, itemId, transition } = c.req.param()
    const runner = services.workflows.get(workflow)
    if (!runner) httpError(404)
    const form = await parseForm(c, fireSchema)
    if (!form.ok) httpError(422)
    const back = backTo(form.data.back, '/')
    const result = await runner.fire({ kind: 'person', auth }, itemId, transition, { note: form.data.note })
    const label = runner.definition.transitions[transition]?.label
    if (!result.ok) {
      if (result.refusal.code === 'not-found') httpError(404)
      // Someone who may not even see the item learns nothing about it, not even that it exists.
      if (result.refusal.code === 'forbidden' && !(await services.subjects.canView(runner.subjectType, itemId, { auth, can: c.get('can') }, c.get('db')))) httpError(404)
      return renderRefusal(c, STATUS[result.refusal.code], {
        title: t('core.workflow.refusedTitle', { action: label ? t(label) : transition }),
        reason: t(result.refusal.message, translateParams(t, result.refusal.params)),
        back,
      })
    }
    const states = runner.definition.states as Record<string, { label: string }>
    setFlash(c, 'success', 'core.workflow.fired', { action: `t:${label}`, state: `t:${states[result.to]!.label}` })
    return c.redirect(back, 303)
  })
  return app
}
