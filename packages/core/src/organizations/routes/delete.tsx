/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import { currentUser } from '../../auth/guards.js'
import type { DistritoEnv } from '../../http/env.js'
import { httpError } from '../../http/errors.js'
import { setFlash } from '../../http/flash.js'
import { Form, SubmitButton, TextField } from '../../ui/components/form.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { useDistrito } from '../../ui/context.js'
import { type FieldErrors, parseForm } from '../../ui/forms/parse-form.js'
import type { Veto } from '../../events/define.js'
import { translateParams } from '../../i18n/deferred-params.js'
import { deleteOrganization } from '../delete.js'
import type { OrganizationWithRole } from '../service.js'
import { loadPrivateOrganization } from './profile.js'
import { vars } from '../../http/vars.js'

function DeletePage(props: { org: OrganizationWithRole; errors?: FieldErrors; vetoes?: (Veto & { plugin: string })[] }) {
  const c = useDistrito()
  const { t } = vars(c)
  const { org } = props
  return (
    <>
      <PageHeader title={t('core.org.deleteTitle', { organization: org.name })} />
      {props.vetoes?.length ? (
        <div class="notice notice--error" role="alert">
          <h2>{t('core.org.deleteRefused')}</h2>
          <ul>{props.vetoes.map((v) => <li>{t(v.message, translateParams(t, v.params))}</li>)}</ul>
        </div>
      ) : null}
      <p>{t('core.org.deleteLead')}</p>
      <Form action={`/orgs/${org.slug}/delete`} errors={props.errors}>
        <TextField name="confirm" label={t('core.org.deleteConfirm', { organization: org.name })} error={props.errors?.confirm} required maxLength={200} autocomplete="off" />
        <SubmitButton>{t('core.org.deleteSubmit')}</SubmitButton>
      </Form>
      <p><a href={`/orgs/${org.slug}`}>{t('core.action.cancel')}</a></p>
    </>
  )
}

/** Deleting an organization: its owners (and administrators) only, after typing its name. */
export function organizationDeleteRoutes() {
  const app = new Hono<DistritoEnv>()
  const guard = async (c: Context<DistritoEnv>) => {
    const org = await loadPrivateOrganization(c)
    if (!c.get('can')('core:organizations.delete', org.viewerRole)) httpError(403)
    return org
  }
  const title = (c: Context<DistritoEnv>, org: OrganizationWithRole) => ({ title: c.get('t')('core.org.deleteTitle', { organization: org.name }), noindex: true })

  app.get('/orgs/:slug/delete', async (c) => {
    const org = await guard(c)
    return c.render(<DeletePage org={org} />, title(c, org))
  })

  app.post('/orgs/:slug/delete', async (c) => {
    const user = currentUser(c)
    const org = await guard(c)
    const { db, services } = vars(c)
    const form = await parseForm(c, z.object({ confirm: z.string().trim().refine((v) => v === org.name, 'core.org.deleteMismatch') }))
    if (!form.ok) {
      c.status(422)
      return c.render(<DeletePage org={org} errors={form.errors} />, title(c, org))
    }
    const result = await deleteOrganization(db, services, { organization: org, actorId: user.id })
    if (!result.ok) {
      c.status(409)
      return c.render(<DeletePage org={org} vetoes={result.vetoes} />, title(c, org))
    }
    setFlash(c, 'success', 'core.org.deleted', { organization: org.name })
    return c.redirect('/orgs', 303)
  })
  return app
}
