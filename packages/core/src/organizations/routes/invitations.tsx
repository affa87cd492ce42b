/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import { setFlash } from '../../http/flash.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { SubmitButton } from '../../ui/components/form.js'
import { acceptInvitation, invitationByToken, notifyInviter, type PendingInvitation } from '../membership.js'
import { vars } from '../../http/vars.js'

function InvitationPage(props: { invitation: PendingInvitation; token: string; t: DistritoEnv['Variables']['t']; user: DistritoEnv['Variables']['auth']['user'] }) {
  const { invitation, token, t, user } = props
  const here = `/invitations/${token}`
  return (
    <div class="narrow">
      <PageHeader
        title={t('core.org.invitationTitle', { organization: invitation.orgName })}
        lead={t('core.org.invitationLead', { inviter: invitation.inviterName || t('core.account.formerMember'), role: t(`core.org.role.${invitation.role}`), email: invitation.email })}
      />
      {!user ? (
        <>
          <p>{t('core.org.invitationSignInOrRegister')}</p>
          <p class="actions">
            <a class="button" href={`/register?invitation=${encodeURIComponent(token)}`}>{t('core.account.registerLink')}</a>
            <a class="button button--secondary" href={`/login?next=${encodeURIComponent(here)}`}>{t('core.account.loginLink')}</a>
          </p>
        </>
      ) : user.email !== invitation.email ? (
        <p class="notice notice--warning">{t('core.org.invitationOtherAccount', { email: invitation.email, current: user.email })}</p>
      ) : (
        <form method="post" action={here} class="form">
          <SubmitButton>{t('core.org.acceptInvitation')}</SubmitButton>
        </form>
      )}
    </div>
  )
}

export function invitationRoutes() {
  const app = new Hono<DistritoEnv>()

  app.get('/invitations/:token', async (c) => {
    const { t, db, auth } = vars(c)
    const token = c.req.param('token')
    const invitation = await invitationByToken(db, token)
    c.header('Referrer-Policy', 'no-referrer')
    if (!invitation) {
      c.status(404)
      return c.render(
        <div class="narrow"><PageHeader title={t('core.org.invitationInvalidTitle')} lead={t('core.org.invitationInvalidBody')} /></div>,
        { title: t('core.org.invitationInvalidTitle'), noindex: true },
      )
    }
    return c.render(<InvitationPage invitation={invitation} token={token} t={t} user={auth.user} />, { title: t('core.org.invitationTitle', { organization: invitation.orgName }), noindex: true })
  })

  app.post('/invitations/:token', async (c) => {
    const { t, db, auth } = vars(c)
    const token = c.req.param('token')
    const invitation = await invitationByToken(db, token)
    if (!auth.user) return c.redirect(`/login?next=${encodeURIComponent(`/invitations/${token}`)}`, 303)
    if (!invitation || invitation.email !== auth.user.email || !(await acceptInvitation(db, invitation, auth.user.id, auth.session!.id))) {
      c.status(404)
      return c.render(
        <div class="narrow"><PageHeader title={t('core.org.invitationInvalidTitle')} lead={t('core.org.invitationInvalidBody')} /></div>,
        { title: t('core.org.invitationInvalidTitle'), noindex: true },
      )
    }
    await notifyInviter(c.get('services'), db, invitation, auth.user)
    setFlash(c, 'success', 'core.org.invitationAccepted', { organization: invitation.orgName })
    return c.redirect(`/orgs/${invitation.orgSlug}`, 303)
  })

  return app
}
