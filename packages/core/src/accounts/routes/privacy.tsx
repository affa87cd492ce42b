/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { coreHooks } from '../../events/core-events.js'
import type { Veto } from '../../events/define.js'
import { translateParams } from '../../i18n/deferred-params.js'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import type { MountedPlugin } from '../../district/mounted-plugin.js'
import { setFlash } from '../../http/flash.js'
import { users } from '../../db/schema/users.js'
import { CheckboxField, Form, TextField } from '../../ui/components/form.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { useDistrito } from '../../ui/context.js'
import { type FieldErrors, parseForm } from '../../ui/forms/parse-form.js'
import { requireUser } from '../../auth/guards.js'
import { verifyPassword } from '../../auth/password.js'
import { deleteSessionCookie } from '../../auth/sessions.js'
import { deleteAccount, exportPersonalData, soleOwnerships } from '../privacy.js'
import { deleteAccountSchema } from '../schemas.js'
import { vars } from '../../http/vars.js'

function DeletePage(props: { blocking: { name: string; slug: string }[]; vetoes?: (Veto & { plugin: string })[]; errors?: FieldErrors }) {
  const t = useDistrito().get('t')
  return (
    <div class="narrow">
      <PageHeader title={t('core.account.deleteTitle')} lead={t('core.account.deleteLead')} />
      <ul>
        <li>{t('core.account.deleteWhatGoes')}</li>
        <li>{t('core.account.deleteWhatStays')}</li>
      </ul>
      {props.vetoes?.length ? (
        <section class="notice notice--warning" aria-labelledby="vetoes-heading">
          <h2 id="vetoes-heading">{t('core.account.deleteVetoedTitle')}</h2>
          <ul>{props.vetoes.map((v) => <li>{t(v.message, translateParams(t, v.params))}</li>)}</ul>
        </section>
      ) : props.blocking.length > 0 ? (
        <section class="notice notice--warning" aria-labelledby="blocking-heading">
          <h2 id="blocking-heading">{t('core.account.deleteBlockedTitle')}</h2>
          <p>{t('core.account.deleteBlockedBody')}</p>
          <ul>{props.blocking.map((org) => <li><a href={`/orgs/${org.slug}/members`}>{org.name}</a></li>)}</ul>
        </section>
      ) : (
        <Form action="/account/delete" errors={props.errors}>
          <TextField name="password" type="password" label={t('core.account.password')} error={props.errors?.password} required autocomplete="current-password" />
          <CheckboxField name="confirm" label={t('core.account.deleteConfirm')} error={props.errors?.confirm} required />
          <button type="submit" class="button button--danger">{t('core.account.deleteSubmit')}</button>
        </Form>
      )}
      <p><a href="/account">{t('core.account.backToAccount')}</a></p>
    </div>
  )
}

export function privacyRoutes(plugins: readonly MountedPlugin[]) {
  const app = new Hono<DistritoEnv>()
  app.use('/account/data', requireUser())
  app.use('/account/delete', requireUser())
  const title = (c: Context<DistritoEnv>) => c.get('t')('core.account.deleteTitle')

  app.get('/account/data', async (c) => {
    const data = await exportPersonalData(c.get('db'), c.get('auth').user!.id, plugins)
    const day = new Date().toISOString().slice(0, 10)
    c.header('Content-Disposition', `attachment; filename="${c.get('district').config.slug}-my-data-${day}.json"`)
    c.header('Cache-Control', 'private, no-store')
    return c.json(data)
  })

  // A plugin may refuse while the person holds a role others rely on (the only judge of an open call).
  const vetoesFor = (c: Context<DistritoEnv>) => c.get('services').hooks.vetoes(coreHooks.accountDelete, { userId: c.get('auth').user!.id })

  app.get('/account/delete', async (c) => {
    const [blocking, vetoes] = await Promise.all([soleOwnerships(c.get('db'), c.get('auth').user!.id), vetoesFor(c)])
    return c.render(<DeletePage blocking={blocking} vetoes={vetoes} />, { title: title(c), noindex: true })
  })

  app.post('/account/delete', async (c) => {
    const { db, auth, t } = vars(c)
    const userId = auth.user!.id
    const [blocking, vetoes] = await Promise.all([soleOwnerships(db, userId), vetoesFor(c)])
    const form = await parseForm(c, deleteAccountSchema)
    if (blocking.length > 0 || vetoes.length > 0) {
      c.status(409)
      return c.render(<DeletePage blocking={blocking} vetoes={vetoes} />, { title: title(c), noindex: true })
    }
    if (!form.ok) {
      c.status(422)
      return c.render(<DeletePage blocking={blocking} errors={form.errors} />, { title: title(c), noindex: true })
    }
    const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId))
    if (!user || !(await verifyPassword(user.hash, form.data.password))) {
      c.status(401)
      return c.render(<DeletePage blocking={blocking} errors={{ password: t('core.account.currentPasswordWrong') }} />, { title: title(c), noindex: true })
    }
    await deleteAccount(db, userId, plugins)
    deleteSessionCookie(c)
    setFlash(c, 'success', 'core.account.deleted')
    return c.redirect('/', 303)
  })

  return app
}
