/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { and, eq, isNull, ne } from 'drizzle-orm'
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import { setFlash } from '../../http/flash.js'
import { users } from '../../db/schema/users.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { type FieldErrors, type FormValues, parseForm } from '../../ui/forms/parse-form.js'
import { requireUser } from '../../auth/guards.js'
import { verifyPassword } from '../../auth/password.js'
import { hitMailForAccount } from '../../auth/throttle.js'
import { consumeUserToken, issueUserToken, peekUserToken } from '../../auth/user-tokens.js'
import { absoluteUrl, composeMail } from '../../mail/compose.js'
import { changeEmailSchema } from '../schemas.js'
import { AccountPage, loadAccount } from './account.js'
import { renderInvalidLink } from './invalid-link.js'
import { renderConfirmLink } from './confirm-link.js'
import { vars } from '../../http/vars.js'

/**
 * A new address counts only once its owner opens the link sent to it; the old address is told
 * when the change happens, so a stolen session cannot quietly take the account over.
 */
export function changeEmailRoutes() {
  const app = new Hono<DistritoEnv>()

  const renderForm = async (c: Context<DistritoEnv>, status: 401 | 409 | 422 | 429, values: FormValues, errors: FieldErrors) => {
    c.status(status)
    return c.render(<AccountPage data={await loadAccount(c)} email={{ values, errors }} />, { title: c.get('t')('core.account.title'), noindex: true })
  }

  app.post('/account/email', requireUser(), async (c) => {
    const { t, db, auth } = vars(c)
    const form = await parseForm(c, changeEmailSchema)
    if (!form.ok) return renderForm(c, 422, form.values, form.errors)
    const values = { email: form.data.email }
    const [user] = await db.select().from(users).where(eq(users.id, auth.user!.id))
    if (!user || !(await verifyPassword(user.passwordHash, form.data.password))) return renderForm(c, 401, values, { password: t('core.account.currentPasswordWrong') })
    if (form.data.email === user.email) return renderForm(c, 422, values, { email: t('core.account.sameEmail') })
    if (!(await hitMailForAccount(db, user.id))) return renderForm(c, 429, values, { _form: t('core.account.tooManyMails') })
    const token = await issueUserToken(db, user.id, 'change_email', form.data.email)
    await c.get('district').mail.send(composeMail(c, form.data.email, 'core.mail.changeEmail', { name: user.name, link: absoluteUrl(c, `/account/email/${token}`) }, user.locale))
    setFlash(c, 'success', 'core.account.changeEmailSent', { email: form.data.email })
    return c.redirect('/account', 303)
  })

  app.get('/account/email/:token', async (c) => {
    const { t } = vars(c)
    const token = c.req.param('token')
    const found = await peekUserToken(c.get('db'), token, 'change_email')
    c.header('Referrer-Policy', 'no-referrer')
    if (!found?.newEmail) {
      return renderInvalidLink(c, 'verify')
    }
    return renderConfirmLink(c, {
      title: t('core.account.confirmEmailChangeTitle'),
      lead: t('core.account.confirmEmailChangeLead', { email: found.newEmail }),
      action: `/account/email/${token}`,
      submit: t('core.account.confirmEmailChangeSubmit'),
    })
  })

  app.post('/account/email/:token', async (c) => {
    const { t, db, auth } = vars(c)
    const used = await consumeUserToken(db, c.req.param('token'), 'change_email')
    if (!used?.newEmail) {
      return renderInvalidLink(c, 'verify')
    }
    const taken = await db.select({ id: users.id }).from(users).where(and(eq(users.email, used.newEmail), ne(users.id, used.userId), isNull(users.deletedAt)))
    if (taken.length > 0) {
      c.status(409)
      return c.render(
        <div class="narrow"><PageHeader title={t('core.account.emailTakenTitle')} lead={t('core.account.emailTakenBody', { email: used.newEmail })} /></div>,
        { title: t('core.account.emailTakenTitle'), noindex: true },
      )
    }
    const [before] = await db.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, used.userId))
    await db.update(users).set({ email: used.newEmail, emailVerifiedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, used.userId))
    if (before) {
      await c.get('district').mail.send(composeMail(c, before.email, 'core.mail.emailChanged', { name: before.name, email: used.newEmail }, before.locale))
    }
    setFlash(c, 'success', 'core.account.emailChanged', { email: used.newEmail })
    return c.redirect(auth.user?.id === used.userId ? '/account' : '/login', 303)
  })

  return app
}
