/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { and, desc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import { setFlash } from '../../http/flash.js'
import { httpError } from '../../http/errors.js'
import { sessions } from '../../db/schema/sessions.js'
import { users } from '../../db/schema/users.js'
import { LOCALES } from '../../i18n/locales.js'
import { Form, SelectField, SubmitButton, TextField } from '../../ui/components/form.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { useDistrito } from '../../ui/context.js'
import { type FieldErrors, type FormValues, parseForm } from '../../ui/forms/parse-form.js'
import { requireUser } from '../../auth/guards.js'
import { hashPassword, verifyPassword } from '../../auth/password.js'
import { PASSWORD_MIN } from '../../auth/password-policy.js'
import { invalidateSession, invalidateUserSessions } from '../../auth/sessions.js'
import { organizationsOf, setActiveOrganization } from '../../organizations/membership.js'
import { composeMail, absoluteUrl } from '../../mail/compose.js'
import { changePasswordSchema, profileSchema } from '../schemas.js'
import { z } from 'zod'
import { optionalText } from '../../ui/forms/fields.js'
import { describeDevice } from '../device.js'
import { vars } from '../../http/vars.js'

export type AccountData = Awaited<ReturnType<typeof loadAccount>>

export async function loadAccount(c: Context<DistritoEnv>) {
  const userId = c.get('auth').user!.id
  const [[user], orgs, activeSessions] = await Promise.all([
    c.get('db').select().from(users).where(eq(users.id, userId)),
    organizationsOf(c.get('db'), userId),
    c.get('db').select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastVerifiedAt)).limit(50),
  ])
  return { user: user!, orgs, sessions: activeSessions }
}

export function AccountPage(props: { data: AccountData; profile?: { values: FormValues; errors?: FieldErrors }; password?: { errors: FieldErrors }; email?: { values: FormValues; errors: FieldErrors } }) {
  const c = useDistrito()
  const { t, format, auth } = vars(c)
  const { user, orgs } = props.data
  const profileValues = props.profile?.values ?? { name: user.name, locale: user.locale ?? '' }
  return (
    <>
      <PageHeader title={t('core.account.title')} lead={user.email} />
      {user.emailVerifiedAt ? null : (
        <section class="notice notice--warning" aria-labelledby="verify-heading">
          <h2 id="verify-heading">{t('core.account.unverifiedTitle')}</h2>
          <p>{t('core.account.unverifiedBody', { email: user.email })}</p>
          <form method="post" action="/verify-email"><SubmitButton variant="secondary">{t('core.account.resendVerification')}</SubmitButton></form>
        </section>
      )}

      <section aria-labelledby="profile-heading" class="section">
        <h2 id="profile-heading">{t('core.account.profile')}</h2>
        <Form action="/account" errors={props.profile?.errors}>
          <TextField name="name" label={t('core.account.name')} value={profileValues.name} error={props.profile?.errors?.name} required autocomplete="name" maxLength={120} />
          <SelectField name="locale" label={t('core.account.language')} hint={t('core.account.languageHint')} value={profileValues.locale} error={props.profile?.errors?.locale}
            placeholder={t('core.account.languageAuto')} options={LOCALES.map((l) => ({ value: l, label: t(`core.shell.languageName.${l}`) }))} />
          <SubmitButton>{t('core.account.saveProfile')}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="email-heading" class="section">
        <h2 id="email-heading">{t('core.account.changeEmail')}</h2>
        <p>{t('core.account.changeEmailLead', { email: user.email })}</p>
        <Form action="/account/email" errors={props.email?.errors}>
          <TextField name="email" type="email" label={t('core.account.newEmail')} value={props.email?.values.email} error={props.email?.errors.email} required autocomplete="email" maxLength={254} />
          <TextField name="password" type="password" label={t('core.account.currentPassword')} error={props.email?.errors.password} required autocomplete="current-password" />
          <SubmitButton>{t('core.account.changeEmailSubmit')}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="orgs-heading" class="section">
        <h2 id="orgs-heading">{t('core.account.organizations')}</h2>
        {orgs.length === 0 ? <p>{t('core.account.noOrganizations')}</p> : (
          <ul class="list">
            {orgs.map((org) => (
              <li class="list-item">
                <a href={`/orgs/${org.slug}`}>{org.name}</a> <span class="meta">{t(`core.org.role.${org.role}`)}</span>
                {auth.organization?.id === org.id ? <strong class="badge">{t('core.account.actingFor')}</strong> : (
                  <form method="post" action="/account/organization" class="inline-form">
                    <input type="hidden" name="organization" value={org.id} />
                    <button type="submit" class="button button--secondary button--small">{t('core.account.actFor', { organization: org.name })}</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        <p><a href="/orgs/new">{t('core.org.createLink')}</a></p>
      </section>

      <section aria-labelledby="password-heading" class="section">
        <h2 id="password-heading">{t('core.account.changePassword')}</h2>
        <Form action="/account/password" errors={props.password?.errors}>
          <TextField name="current" type="password" label={t('core.account.currentPassword')} error={props.password?.errors.current} required autocomplete="current-password" />
          <TextField name="password" type="password" label={t('core.account.newPassword')} hint={t('core.account.passwordHint', { min: PASSWORD_MIN })} error={props.password?.errors.password} required autocomplete="new-password" />
          <TextField name="confirm" type="password" label={t('core.account.confirmPassword')} error={props.password?.errors.confirm} required autocomplete="new-password" />
          <SubmitButton>{t('core.account.changePasswordSubmit')}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="sessions-heading" class="section">
        <h2 id="sessions-heading">{t('core.account.sessions')}</h2>
        <p>{t('core.account.sessionsLead')}</p>
        <ul class="list">
          {props.data.sessions.map((s) => (
            <li class="list-item">
              <span>
                <strong>{describeDevice(s.userAgent) ?? t('core.account.unknownDevice')}</strong>
                {s.id === auth.session?.id ? <span class="badge">{t('core.account.thisDevice')}</span> : null}
                <span class="meta">{t('core.account.sessionMeta', { started: format.dateTime(s.createdAt), active: format.relative(s.lastVerifiedAt), address: s.ipAddress ?? '—' })}</span>
              </span>
              {s.id === auth.session?.id ? null : (
                <form method="post" action={`/account/sessions/${s.id}/end`} class="inline-form">
                  <button type="submit" class="button button--secondary button--small">{t('core.account.endSession')}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form method="post" action="/account/sessions/end-others">
          <SubmitButton variant="secondary">{t('core.account.endOtherSessions')}</SubmitButton>
        </form>
      </section>

      <section aria-labelledby="privacy-heading" class="section">
        <h2 id="privacy-heading">{t('core.account.privacy')}</h2>
        <p>{user.termsAcceptedAt ? t('core.account.termsAcceptedOn', { date: format.date(user.termsAcceptedAt) }) : t('core.account.termsNotRecorded')}</p>
        <ul class="list">
          <li><a href="/account/data" download>{t('core.account.downloadData')}</a></li>
          <li><a href="/account/delete">{t('core.account.deleteLink')}</a></li>
        </ul>
      </section>
    </>
  )
}

export function accountRoutes() {
  const app = new Hono<DistritoEnv>()
  app.use('/account', requireUser())
  app.use('/account/*', requireUser())
  const title = (c: Context<DistritoEnv>) => c.get('t')('core.account.title')

  app.get('/account', async (c) => c.render(<AccountPage data={await loadAccount(c)} />, { title: title(c), noindex: true }))

  app.post('/account', async (c) => {
    const form = await parseForm(c, profileSchema)
    if (!form.ok) {
      c.status(422)
      return c.render(<AccountPage data={await loadAccount(c)} profile={{ values: form.values, errors: form.errors }} />, { title: title(c), noindex: true })
    }
    await c.get('db').update(users).set({ name: form.data.name, locale: form.data.locale ?? null, updatedAt: new Date() }).where(eq(users.id, c.get('auth').user!.id))
    setFlash(c, 'success', 'core.account.profileSaved')
    return c.redirect('/account', 303)
  })

  app.post('/account/password', async (c) => {
    const { db, auth } = vars(c)
    const form = await parseForm(c, changePasswordSchema)
    const renderErrors = async (errors: FieldErrors, status: 401 | 422) => {
      c.status(status)
      return c.render(<AccountPage data={await loadAccount(c)} password={{ errors }} />, { title: title(c), noindex: true })
    }
    if (!form.ok) return renderErrors(form.errors, 422)
    const [user] = await db.select({ hash: users.passwordHash, email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, auth.user!.id))
    if (!user || !(await verifyPassword(user.hash, form.data.current))) return renderErrors({ current: c.get('t')('core.account.currentPasswordWrong') }, 401)
    await db.update(users).set({ passwordHash: await hashPassword(form.data.password), updatedAt: new Date() }).where(eq(users.id, auth.user!.id))
    // Whoever knew the old password is signed out everywhere else.
    await invalidateUserSessions(db, auth.user!.id, auth.session!.id)
    await c.get('district').mail.send(composeMail(c, user.email, 'core.mail.passwordChanged', { name: user.name, reset: absoluteUrl(c, '/password/forgot') }, user.locale))
    setFlash(c, 'success', 'core.account.passwordChanged')
    return c.redirect('/account', 303)
  })

  app.post('/account/sessions/end-others', async (c) => {
    await invalidateUserSessions(c.get('db'), c.get('auth').user!.id, c.get('auth').session!.id)
    setFlash(c, 'success', 'core.account.otherSessionsEnded')
    return c.redirect('/account', 303)
  })

  app.post('/account/sessions/:id/end', async (c) => {
    const { db, auth } = vars(c)
    const [own] = await db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.id, c.req.param('id')), eq(sessions.userId, auth.user!.id)))
    if (!own) httpError(404)
    await invalidateSession(db, own.id)
    setFlash(c, 'success', 'core.account.sessionEnded')
    return c.redirect('/account', 303)
  })

  app.post('/account/organization', async (c) => {
    const { db, auth } = vars(c)
    const form = await parseForm(c, z.object({ organization: optionalText(z.string().max(64)) }))
    if (!form.ok) httpError(422)
    const organizationId = form.data.organization ?? null
    if (!(await setActiveOrganization(db, auth.session!.id, auth.user!.id, organizationId))) httpError(404)
    setFlash(c, 'success', organizationId ? 'core.account.contextSwitched' : 'core.account.contextCleared')
    const back = c.req.header('Referer')
    return c.redirect(back && new URL(back).host === new URL(c.req.url).host ? new URL(back).pathname : '/account', 303)
  })

  return app
}
