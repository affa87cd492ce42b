/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { eq, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import { setFlash } from '../../http/flash.js'
import { users } from '../../db/schema/users.js'
import { Form, SubmitButton, TextField } from '../../ui/components/form.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { useDistrito } from '../../ui/context.js'
import { type FieldErrors, type FormValues, parseForm } from '../../ui/forms/parse-form.js'
import { hashPassword } from '../../auth/password.js'
import { PASSWORD_MIN } from '../../auth/password-policy.js'
import { invalidateUserSessions } from '../../auth/sessions.js'
import { clear, hitFromAddress, hitMailForAccount, loginAccountKey, MAIL_PER_ADDRESS } from '../../auth/throttle.js'
import { consumeUserToken, peekUserToken } from '../../auth/user-tokens.js'
import { forgotSchema, resetSchema } from '../schemas.js'
import { sendResetMail, userByEmail } from '../service.js'
import { renderInvalidLink } from './invalid-link.js'
import { checkEmailPage } from './check-email.js'
import { vars } from '../../http/vars.js'

function ForgotPage(props: { values: FormValues; errors?: FieldErrors }) {
  const t = useDistrito().get('t')
  return (
    <div class="narrow">
      <PageHeader title={t('core.account.forgotTitle')} lead={t('core.account.forgotLead')} />
      <Form action="/password/forgot" errors={props.errors}>
        <TextField name="email" type="email" label={t('core.account.email')} value={props.values.email} error={props.errors?.email} required autocomplete="email" maxLength={254} />
        <SubmitButton>{t('core.account.forgotSubmit')}</SubmitButton>
      </Form>
    </div>
  )
}

function ResetPage(props: { token: string; errors?: FieldErrors }) {
  const t = useDistrito().get('t')
  return (
    <div class="narrow">
      <PageHeader title={t('core.account.resetTitle')} />
      <Form action={`/password/reset/${props.token}`} errors={props.errors}>
        <TextField name="password" type="password" label={t('core.account.newPassword')} hint={t('core.account.passwordHint', { min: PASSWORD_MIN })} error={props.errors?.password} required autocomplete="new-password" />
        <TextField name="confirm" type="password" label={t('core.account.confirmPassword')} error={props.errors?.confirm} required autocomplete="new-password" />
        <SubmitButton>{t('core.account.resetSubmit')}</SubmitButton>
      </Form>
    </div>
  )
}

export function passwordResetRoutes() {
  const app = new Hono<DistritoEnv>()

  app.get('/password/forgot', (c) => c.render(<ForgotPage values={{}} />, { title: c.get('t')('core.account.forgotTitle') }))

  app.post('/password/forgot', async (c) => {
    const { t, db } = vars(c)
    const form = await parseForm(c, forgotSchema)
    if (!form.ok) {
      c.status(422)
      return c.render(<ForgotPage values={form.values} errors={form.errors} />, { title: t('core.account.forgotTitle') })
    }
    const { email } = form.data
    if (!(await hitFromAddress(c, 'mail', MAIL_PER_ADDRESS))) {
      c.status(429)
      return c.render(<ForgotPage values={form.values} errors={{ _form: t('core.account.tooManyMails') }} />, { title: t('core.account.forgotTitle') })
    }
    // Same answer for every address; a mail goes out only for an account, and not too often.
    const user = await userByEmail(db, email)
    if (user && (await hitMailForAccount(db, user.id))) await sendResetMail(c, user)
    return c.redirect(`/password/forgot/sent?email=${encodeURIComponent(email)}`, 303)
  })

  app.get('/password/forgot/sent', checkEmailPage('core.account.resetSentBody'))

  app.get('/password/reset/:token', async (c) => {
    const { t } = vars(c)
    const token = c.req.param('token')
    if (!(await peekUserToken(c.get('db'), token, 'reset_password'))) {
      return renderInvalidLink(c, 'reset')
    }
    // The token is in the address: keep it out of Referer headers sent to other sites.
    c.header('Referrer-Policy', 'no-referrer')
    return c.render(<ResetPage token={token} />, { title: t('core.account.resetTitle'), noindex: true })
  })

  app.post('/password/reset/:token', async (c) => {
    const { t, db } = vars(c)
    const token = c.req.param('token')
    const form = await parseForm(c, resetSchema)
    if (!form.ok) {
      if (!(await peekUserToken(db, token, 'reset_password'))) {
        return renderInvalidLink(c, 'reset')
      }
      c.status(422)
      return c.render(<ResetPage token={token} errors={form.errors} />, { title: t('core.account.resetTitle'), noindex: true })
    }
    const userId = (await consumeUserToken(db, token, 'reset_password'))?.userId
    if (!userId) {
      return renderInvalidLink(c, 'reset')
    }
    const [user] = await db
      .update(users)
      .set({ passwordHash: await hashPassword(form.data.password), emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${Date.now()})`, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ email: users.email })
    // A reset means the old password may be known to someone else: every session ends.
    await invalidateUserSessions(db, userId)
    if (user) await clear(db, loginAccountKey(user.email))
    setFlash(c, 'success', 'core.account.passwordReset')
    return c.redirect('/login', 303)
  })

  return app
}
