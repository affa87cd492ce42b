/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import { setFlash } from '../../http/flash.js'
import { CheckboxField, Form, SubmitButton, TextField } from '../../ui/components/form.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { type FieldErrors, type FormValues, parseForm } from '../../ui/forms/parse-form.js'
import { hitFromAddress, MAIL_PER_ADDRESS } from '../../auth/throttle.js'
import { hashPassword } from '../../auth/password.js'
import { PASSWORD_MIN } from '../../auth/password-policy.js'
import { acceptInvitation, invitationByToken, notifyInviter, type PendingInvitation } from '../../organizations/membership.js'
import { composeMail, absoluteUrl } from '../../mail/compose.js'
import { useDistrito } from '../../ui/context.js'
import { registerSchema } from '../schemas.js'
import { checkEmailPage } from './check-email.js'
import { isUniqueViolation } from '../../db/errors.js'
import { richText } from '../../ui/rich-text.js'
import { legalLinks } from '../../legal/routes.js'
import { createAccount, sendVerificationMail, signIn, userByEmail } from '../service.js'
import { vars } from '../../http/vars.js'

function RegisterPage(props: { values: FormValues; errors?: FieldErrors; invitation?: InvitationLink }) {
  const c = useDistrito()
  const { t } = vars(c)
  const { values, errors, invitation } = props
  const legal = legalLinks(c.get('district').config)
  return (
    <div class="narrow">
      <PageHeader title={t('core.account.registerTitle')} lead={invitation ? t('core.account.registerInvited', { organization: invitation.orgName }) : t('core.account.registerLead')} />
      <Form action="/register" errors={errors}>
        {invitation ? <input type="hidden" name="invitation" value={invitation.token} /> : null}
        <TextField name="name" label={t('core.account.name')} value={values.name} error={errors?.name} required autocomplete="name" maxLength={120} />
        <TextField name="email" type="email" label={t('core.account.email')} value={values.email ?? invitation?.email} error={errors?.email} required autocomplete="email" maxLength={254} />
        <TextField name="password" type="password" label={t('core.account.password')} hint={t('core.account.passwordHint', { min: PASSWORD_MIN })} error={errors?.password} required autocomplete="new-password" />
        <p>
          {richText(t('core.account.readLegal'), {
            terms: <a href={legal.terms}>{t('core.account.termsLink')}</a>,
            privacy: <a href={legal.privacy}>{t('core.account.privacyLink')}</a>,
          })}
        </p>
        <CheckboxField name="terms" label={t('core.account.acceptTerms')} hint={t('core.account.acceptTermsHint')} checked={values.terms} error={errors?.terms} required />
        <SubmitButton>{t('core.account.registerSubmit')}</SubmitButton>
      </Form>
      <p>{t('core.account.haveAccount')} <a href="/login">{t('core.account.loginLink')}</a></p>
    </div>
  )
}

/** An invitation reached through its link, and the token the form carries along. */
type InvitationLink = PendingInvitation & { token: string }

async function invitationFor(c: Context<DistritoEnv>, token: unknown): Promise<InvitationLink | undefined> {
  if (typeof token !== 'string' || !token) return undefined
  const found = await invitationByToken(c.get('db'), token)
  return found ? { ...found, token } : undefined
}

export function registerRoutes() {
  const app = new Hono<DistritoEnv>()

  app.get('/register', async (c) => {
    if (c.get('auth').user) return c.redirect('/account', 303)
    const invitation = await invitationFor(c, c.req.query('invitation'))
    return c.render(<RegisterPage values={{}} invitation={invitation} />, { title: c.get('t')('core.account.registerTitle') })
  })

  app.post('/register', async (c) => {
    const { t, db } = vars(c)
    const form = await parseForm(c, registerSchema)
    const invitation = await invitationFor(c, form.values.invitation)
    const title = t('core.account.registerTitle')
    if (!form.ok) {
      c.status(422)
      return c.render(<RegisterPage values={form.values} errors={form.errors} invitation={invitation} />, { title })
    }
    const { name, email, password } = form.data

    // Someone who holds an invitation link for this very address has proven it is theirs.
    if (invitation && invitation.email === email) {
      if (await userByEmail(db, email)) {
        c.status(409)
        return c.render(<RegisterPage values={form.values} errors={{ email: t('core.account.invitedHasAccount') }} invitation={invitation} />, { title })
      }
      const userId = await createAccount(db, { name, email, password, verified: true, locale: c.get('locale') })
      const sessionId = await signIn(c, userId, invitation.organizationId)
      await acceptInvitation(db, invitation, userId, sessionId)
      await notifyInviter(c.get('services'), db, invitation, { id: userId, name })
      setFlash(c, 'success', 'core.org.invitationAccepted', { organization: invitation.orgName })
      return c.redirect(`/orgs/${invitation.orgSlug}`, 303)
    }

    if (!(await hitFromAddress(c, 'mail', MAIL_PER_ADDRESS))) {
      c.status(429)
      return c.render(<RegisterPage values={form.values} errors={{ _form: t('core.account.tooManyMails') }} invitation={invitation} />, { title })
    }
    // The same answer whether or not the address has an account, so the form cannot be used to
    // find out who is registered; the owner of an existing account hears about it by mail.
    const existing = await userByEmail(db, email)
    if (existing) {
      await hashPassword(password)
      await c.get('district').mail.send(composeMail(c, email, 'core.mail.alreadyRegistered', { name: existing.name, login: absoluteUrl(c, '/login'), reset: absoluteUrl(c, '/password/forgot') }, existing.locale))
    } else {
      try {
        const userId = await createAccount(db, { name, email, password, verified: false, locale: c.get('locale') })
        await sendVerificationMail(c, { id: userId, email, name, locale: c.get('locale') })
      } catch (error) {
        // The same address registered twice at once (a double click): the first one won.
        if (!isUniqueViolation(error, 'core_users.email')) throw error
      }
    }
    return c.redirect(`/register/sent?email=${encodeURIComponent(email)}`, 303)
  })

  app.get('/register/sent', checkEmailPage('core.account.checkEmailBody', { loginLink: true }))

  return app
}
