/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { DistritoEnv } from '../../http/env.js'
import { httpError } from '../../http/errors.js'
import { setFlash } from '../../http/flash.js'
import { ORGANIZATION_ROLES, type OrganizationRole } from '../../db/schema/memberships.js'
import { Form, SelectField, SubmitButton, TextField } from '../../ui/components/form.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { useDistrito } from '../../ui/context.js'
import { type FieldErrors, type FormValues, parseForm } from '../../ui/forms/parse-form.js'
import { roleAtLeast } from '../../auth/permissions.js'
import { absoluteUrl, composeMail } from '../../mail/compose.js'
import { email } from '../../accounts/schemas.js'
import { changeRole, createInvitation, isMemberByEmail, memberOf, membersOf, pendingInvitations, removeMember, revokeInvitation } from '../membership.js'
import { Pagination, TableRegion } from '../../ui/components/table.js'
import { pageOf, pageParam, pageWindow, type Page } from '../../ui/list-query.js'
import { hit, INVITATIONS_PER_ACCOUNT } from '../../auth/throttle.js'
import type { OrganizationWithRole } from '../service.js'
import { loadPrivateOrganization } from './profile.js'
import { vars } from '../../http/vars.js'

const inviteSchema = z.object({ email, role: z.enum(ORGANIZATION_ROLES) })
const roleSchema = z.object({ role: z.enum(ORGANIZATION_ROLES) })

/** The roles someone may hand out: never more than their own (an admin cannot make owners). */
function assignableRoles(viewerRole: OrganizationRole | null): OrganizationRole[] {
  if (viewerRole === 'owner') return [...ORGANIZATION_ROLES]
  return viewerRole === 'admin' ? ['admin', 'member'] : []
}

const MEMBERS_PER_PAGE = 50
const pageQuery = z.object({ page: pageParam })

type MemberRow = Awaited<ReturnType<typeof membersOf>>[number]
type MembersData = { org: OrganizationWithRole; members: Page<MemberRow>; invitations: Awaited<ReturnType<typeof pendingInvitations>> }

function MembersPage(props: MembersData & { invite?: { values: FormValues; errors?: FieldErrors } }) {
  const c = useDistrito()
  const { t, format, can, auth } = vars(c)
  const { org } = props
  const canInvite = can('core:organizations.members', org.viewerRole)
  const canManageRoles = can('core:organizations.roles', org.viewerRole)
  const roles = assignableRoles(org.viewerRole)
  const roleOptions = roles.map((value) => ({ value, label: t(`core.org.role.${value}`) }))
  return (
    <>
      <PageHeader title={t('core.org.membersTitle', { organization: org.name })} lead={t('core.org.membersLead')}
        actions={<a class="button button--secondary" href={`/orgs/${org.slug}`}>{t('core.org.backToProfile')}</a>} />
      <TableRegion caption={t('core.org.members')} id="members">
        <thead>
          <tr>
            <th scope="col">{t('core.account.name')}</th>
            <th scope="col">{t('core.account.email')}</th>
            <th scope="col">{t('core.org.role')}</th>
            <th scope="col">{t('core.org.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.members.rows.map((m) => {
            const self = m.userId === auth.user?.id
            // Owners are changed only by owners; admins manage members and admins.
            const manageable = canManageRoles && (roleAtLeast(org.viewerRole, 'owner') || m.role !== 'owner')
            return (
              <tr>
                <td>{m.name}{self ? <span class="badge">{t('core.org.you')}</span> : null}</td>
                <td>{m.email}</td>
                <td>
                  {manageable ? (
                    <form method="post" action={`/orgs/${org.slug}/members/${m.userId}/role`} class="inline-form">
                      <label class="visually-hidden" for={`role-${m.userId}`}>{t('core.org.roleOf', { name: m.name })}</label>
                      <select id={`role-${m.userId}`} name="role">
                        {roleOptions.map((o) => <option value={o.value} selected={o.value === m.role}>{o.label}</option>)}
                      </select>
                      <button type="submit" class="button button--secondary button--small">{t('core.org.changeRole')}</button>
                    </form>
                  ) : t(`core.org.role.${m.role}`)}
                </td>
                <td>
                  {manageable || self ? (
                    <form method="post" action={`/orgs/${org.slug}/members/${m.userId}/remove`} class="inline-form">
                      <button type="submit" class="button button--secondary button--small">{self ? t('core.org.leave') : t('core.org.remove')}<span class="visually-hidden"> {m.name}</span></button>
                    </form>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </TableRegion>
      <Pagination page={props.members} />

      {canInvite ? (
        <section aria-labelledby="invite-heading" class="section">
          <h2 id="invite-heading">{t('core.org.inviteTitle')}</h2>
          <p>{t('core.org.inviteLead')}</p>
          <Form action={`/orgs/${org.slug}/invitations`} errors={props.invite?.errors}>
            <TextField name="email" type="email" label={t('core.account.email')} value={props.invite?.values.email} error={props.invite?.errors?.email} required maxLength={254} />
            <SelectField name="role" label={t('core.org.role')} value={props.invite?.values.role ?? 'member'} error={props.invite?.errors?.role} required options={roleOptions} />
            <SubmitButton>{t('core.org.inviteSubmit')}</SubmitButton>
          </Form>
          {props.invitations.length ? (
            <>
              <h3>{t('core.org.pendingInvitations')}</h3>
              <ul class="list">
                {props.invitations.map((inv) => (
                  <li class="list-item">
                    <span>{inv.email} <span class="meta">{t(`core.org.role.${inv.role}`)} · {t('core.org.invitationExpires', { date: format.date(inv.expiresAt) })}</span></span>
                    <form method="post" action={`/orgs/${org.slug}/invitations/${inv.id}/revoke`} class="inline-form">
                      <button type="submit" class="button button--secondary button--small">{t('core.org.revoke')}<span class="visually-hidden"> {inv.email}</span></button>
                    </form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  )
}

async function loadMembers(c: Context<DistritoEnv>, org?: OrganizationWithRole): Promise<MembersData> {
  const loaded = org ?? (await loadPrivateOrganization(c))
  const { page } = pageQuery.parse(c.req.query())
  const [rows, invitations] = await Promise.all([membersOf(c.get('db'), loaded.id, pageWindow(page, MEMBERS_PER_PAGE)), pendingInvitations(c.get('db'), loaded.id)])
  return { org: loaded, members: pageOf(rows, page, MEMBERS_PER_PAGE), invitations }
}

export function memberRoutes() {
  const app = new Hono<DistritoEnv>()
  const title = (c: Context<DistritoEnv>, org: OrganizationWithRole) => c.get('t')('core.org.membersTitle', { organization: org.name })

  app.get('/orgs/:slug/members', async (c) => {
    const data = await loadMembers(c)
    return c.render(<MembersPage {...data} />, { title: title(c, data.org), noindex: true })
  })

  app.post('/orgs/:slug/invitations', async (c) => {
    const org = await loadPrivateOrganization(c)
    const { t, db, auth } = vars(c)
    if (!c.get('can')('core:organizations.members', org.viewerRole)) httpError(403)
    const form = await parseForm(c, inviteSchema)
    const allowed = assignableRoles(org.viewerRole)
    if (form.ok && !allowed.includes(form.data.role)) httpError(403)
    if (!form.ok) {
      c.status(422)
      return c.render(<MembersPage {...await loadMembers(c, org)} invite={{ values: form.values, errors: form.errors }} />, { title: title(c, org), noindex: true })
    }
    if (await isMemberByEmail(db, org.id, form.data.email)) {
      c.status(409)
      return c.render(<MembersPage {...await loadMembers(c, org)} invite={{ values: form.values, errors: { email: t('core.org.alreadyMember', { email: form.data.email }) } }} />, { title: title(c, org), noindex: true })
    }
    // Invitations are mail the district sends on someone's behalf: they are limited like any other.
    if (!(await hit(db, `invite:account:${auth.user!.id}`, INVITATIONS_PER_ACCOUNT))) {
      c.status(429)
      return c.render(<MembersPage {...await loadMembers(c, org)} invite={{ values: form.values, errors: { _form: t('core.org.tooManyInvitations') } }} />, { title: title(c, org), noindex: true })
    }
    const token = await createInvitation(db, { organizationId: org.id, email: form.data.email, role: form.data.role, invitedBy: auth.user!.id })
    await c.get('district').mail.send(composeMail(c, form.data.email, 'core.mail.invitation', {
      inviter: auth.user!.name, organization: org.name, role: t(`core.org.role.${form.data.role}`), link: absoluteUrl(c, `/invitations/${token}`),
    }))
    setFlash(c, 'success', 'core.org.invitationSent', { email: form.data.email })
    return c.redirect(`/orgs/${org.slug}/members`, 303)
  })

  app.post('/orgs/:slug/invitations/:id/revoke', async (c) => {
    const org = await loadPrivateOrganization(c)
    if (!c.get('can')('core:organizations.members', org.viewerRole)) httpError(403)
    if (!(await revokeInvitation(c.get('db'), org.id, c.req.param('id'), c.get('auth').user!.id))) httpError(404)
    setFlash(c, 'success', 'core.org.invitationRevoked')
    return c.redirect(`/orgs/${org.slug}/members`, 303)
  })

  app.post('/orgs/:slug/members/:userId/role', async (c) => {
    const org = await loadPrivateOrganization(c)
    const { db } = vars(c)
    if (!c.get('can')('core:organizations.roles', org.viewerRole)) httpError(403)
    const form = await parseForm(c, roleSchema)
    if (!form.ok) httpError(422)
    const target = await memberOf(db, org.id, c.req.param('userId'))
    if (!target) httpError(404)
    const ownerInvolved = target.role === 'owner' || form.data.role === 'owner'
    if (ownerInvolved && org.viewerRole !== 'owner') httpError(403)
    const actorId = c.get('auth').user!.id
    // The person whose role changed is told, in the same transaction as the change.
    const result = await changeRole(db, org.id, target, form.data.role, actorId, (tx) =>
      c.get('services').notify(tx, { kind: 'core.membership', to: { users: [target.userId] }, message: 'core.org.notice.roleChanged', params: { organization: org.name, role: `t:core.org.role.${form.data.role}` }, href: `/orgs/${org.slug}`, actorId }).then(() => undefined),
    )
    if (result === 'last-owner') setFlash(c, 'error', 'core.org.lastOwner')
    else setFlash(c, 'success', 'core.org.roleChanged', { name: target.name })
    return c.redirect(`/orgs/${org.slug}/members`, 303)
  })

  app.post('/orgs/:slug/members/:userId/remove', async (c) => {
    const org = await loadPrivateOrganization(c)
    const { db, auth } = vars(c)
    const userId = c.req.param('userId')
    const self = userId === auth.user!.id
    const target = await memberOf(db, org.id, userId)
    if (!target) httpError(404)
    if (!self) {
      if (!c.get('can')('core:organizations.roles', org.viewerRole)) httpError(403)
      if (target.role === 'owner' && org.viewerRole !== 'owner') httpError(403)
    }
    const result = await removeMember(db, org.id, target, auth.user!.id, self ? undefined : (tx) =>
      c.get('services').notify(tx, { kind: 'core.membership', to: { users: [target.userId] }, message: 'core.org.notice.removed', params: { organization: org.name }, href: '/orgs', actorId: auth.user!.id }).then(() => undefined),
    )
    if (result === 'last-owner') {
      setFlash(c, 'error', 'core.org.lastOwner')
      return c.redirect(`/orgs/${org.slug}/members`, 303)
    }
    setFlash(c, 'success', self ? 'core.org.left' : 'core.org.removed', { name: target.name, organization: org.name })
    return c.redirect(self ? `/orgs/${org.slug}` : `/orgs/${org.slug}/members`, 303)
  })

  return app
}
