/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { eq, isNull, and } from 'drizzle-orm'
import { Hono } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import { setFlash } from '../../http/flash.js'
import { users } from '../../db/schema/users.js'
import { consumeUserToken, peekUserToken } from '../../auth/user-tokens.js'
import { requireUser } from '../../auth/guards.js'
import { hitMailForAccount } from '../../auth/throttle.js'
import { sendVerificationMail, signIn } from '../service.js'
import { renderInvalidLink } from './invalid-link.js'
import { renderConfirmLink } from './confirm-link.js'
import { vars } from '../../http/vars.js'

export function verifyEmailRoutes() {
  const app = new Hono<DistritoEnv>()

  app.get('/verify-email/:token', async (c) => {
    const { t } = vars(c)
    const token = c.req.param('token')
    if (!(await peekUserToken(c.get('db'), token, 'verify_email'))) {
      return renderInvalidLink(c, 'verify')
    }
    return renderConfirmLink(c, { title: t('core.account.verifyTitle'), lead: t('core.account.verifyLead'), action: `/verify-email/${token}`, submit: t('core.account.verifySubmit') })
  })

  app.post('/verify-email/:token', async (c) => {
    const { db, auth } = vars(c)
    const userId = (await consumeUserToken(db, c.req.param('token'), 'verify_email'))?.userId
    if (!userId) {
      return renderInvalidLink(c, 'verify')
    }
    await db.update(users).set({ emailVerifiedAt: new Date(), updatedAt: new Date() }).where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
    // The link proves the mailbox is theirs; it signs them in unless someone else is signed in here.
    if (!auth.user) await signIn(c, userId)
    setFlash(c, 'success', 'core.account.verified')
    return c.redirect(auth.user && auth.user.id !== userId ? '/' : '/account', 303)
  })

  app.post('/verify-email', requireUser(), async (c) => {
    const user = c.get('auth').user!
    if (user.emailVerified) return c.redirect('/account', 303)
    if (await hitMailForAccount(c.get('db'), user.id)) {
      await sendVerificationMail(c, user)
      setFlash(c, 'success', 'core.account.verificationSent', { email: user.email })
    } else {
      setFlash(c, 'warning', 'core.account.tooManyMails')
    }
    return c.redirect('/account', 303)
  })

  return app
}
