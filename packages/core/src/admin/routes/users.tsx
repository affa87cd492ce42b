/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { auditStatement, changedFields } from '../../audit/record.js'
import { managedProgramsColumn, parseManagedPrograms } from '../../auth/managed-programs.js'
import { and, desc, eq, like, or, sql, type SQL } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import type { DistritoEnv } from '../../http/env.js'
import { httpError } from '../../http/errors.js'
import { setFlash } from '../../http/flash.js'
import { programManagers } from '../../db/schema/memberships.js'
import { PLATFORM_ROLES, users } from '../../db/schema/users.js'
import { requirePermission } from '../../auth/guards.js'
import { invalidateUserSessions } from '../../auth/sessions.js'
import { CheckboxGroup, Form, RadioGroup, SubmitButton } from '../../ui/components/form.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { DataTable } from '../../ui/components/table.js'
import { EmptyState } from '../../ui/components/empty-state.js'
import { flag, manyOf } from '../../ui/forms/fields.js'
import { pageParam, pageOf, pageWindow } from '../../ui/list-query.js'
import { parseForm } from '../../ui/forms/parse-form.js'
import { organizationsOf } from '../../organizations/membership.js'
import { displayName } from '../../accounts/display-name.js'
import { AdminSearch } from './admin-search.js'
import { vars } from '../../http/vars.js'

const PAGE_SIZE = 25
const listQuery = z.object({
  q: z.string().trim().toLowerCase().max(100).optional().catch(undefined),
  role: z.enum(PLATFORM_ROLES).optional().catch(undefined),
  page: pageParam,
})

export function adminUserRoutes() {
  const app = new Hono<DistritoEnv>()
  app.use('/admin/users', requirePermission('core:users.manage'))
  app.use('/admin/users/*', requirePermission('core:users.manage'))

  app.get('/admin/users', async (c) => {
    const { t, db, format } = vars(c)
    const query = listQuery.parse(c.req.query())
    const conditions: SQL[] = []
    if (query.role) conditions.push(eq(users.platformRole, query.role))
    // Email is searched by prefix on its unique index; names by substring.
    if (query.q) conditions.push(or(and(sql`${users.email} >= ${query.q}`, sql`${users.email} < ${`${query.q}\uffff`}`), like(users.name, `%${query.q}%`))!)
    const { limit, offset } = pageWindow(query.page, PAGE_SIZE)
    const rows = await db.select().from(users).where(and(...conditions)).orderBy(desc(users.createdAt)).limit(limit).offset(offset)
    const page = pageOf(rows, query.page, PAGE_SIZE)
    return c.render(
      <>
        <PageHeader title={t('core.admin.users')} lead={t('core.admin.usersLead')} />
        <AdminSearch action="/admin/users" q={query.q} label={t('core.admin.searchUsers')}
          filter={{ name: 'role', label: t('core.admin.platformRole'), value: query.role, options: PLATFORM_ROLES.map((r) => ({ value: r, label: t(`core.admin.role.${r}`) })) }} />
        {page.rows.length === 0 ? <EmptyState title={t('core.admin.noUsers')} /> : (
          <DataTable caption={t('core.admin.users')} page={page} columns={[
            { key: 'name', label: t('core.account.name'), cell: (u) => <a href={`/admin/users/${u.id}`}>{displayName(u, t)}</a> },
            { key: 'email', label: t('core.account.email'), cell: (u) => (u.deletedAt ? '—' : u.email) },
            { key: 'role', label: t('core.admin.platformRole'), cell: (u) => t(`core.admin.role.${u.platformRole}`) },
            { key: 'verified', label: t('core.admin.emailVerified'), cell: (u) => (u.emailVerifiedAt ? t('core.admin.yes') : t('core.admin.no')) },
            { key: 'status', label: t('core.admin.status'), cell: (u) => t(`core.admin.accountStatus.${u.deletedAt ? 'deleted' : u.suspendedAt ? 'suspended' : 'active'}`) },
            { key: 'created', label: t('core.admin.registered'), cell: (u) => format.date(u.createdAt) },
          ]} />
        )}
      </>,
      { title: t('core.admin.users'), noindex: true },
    )
  })

  const loadUser = async (db: DistritoEnv['Variables']['db'], id: string) => {
    const [row] = await db
      .select({ user: users, managerOf: managedProgramsColumn })
      .from(users)
      .where(eq(users.id, id))
    if (!row) httpError(404)
    return { ...row.user, managerOf: parseManagedPrograms(row.managerOf) }
  }

  app.get('/admin/users/:id', async (c) => {
    const { t, db, format, district } = vars(c)
    const user = await loadUser(db, c.req.param('id'))
    const orgs = await organizationsOf(db, user.id)
    const name = displayName(user, t)
    return c.render(
      <>
        <PageHeader title={name} lead={user.deletedAt ? t('core.admin.deletedAccount') : user.email} />
        <dl class="facts">
          <dt>{t('core.admin.registered')}</dt><dd>{format.dateTime(user.createdAt)}</dd>
          <dt>{t('core.admin.emailVerified')}</dt><dd>{user.emailVerifiedAt ? format.dateTime(user.emailVerifiedAt) : t('core.admin.no')}</dd>
          <dt>{t('core.admin.termsAccepted')}</dt><dd>{user.termsAcceptedAt ? format.dateTime(user.termsAcceptedAt) : '—'}</dd>
        </dl>
        <h2>{t('core.account.organizations')}</h2>
        {orgs.length ? <ul>{orgs.map((o) => <li><a href={`/orgs/${o.slug}`}>{o.name}</a> <span class="meta">{t(`core.org.role.${o.role}`)}</span></li>)}</ul> : <p>{t('core.account.noOrganizations')}</p>}
        {user.deletedAt ? null : (
          <section aria-labelledby="roles-heading" class="section">
            <h2 id="roles-heading">{t('core.admin.rolesOf', { name })}</h2>
            <Form action={`/admin/users/${user.id}`}>
              <RadioGroup name="platformRole" label={t('core.admin.platformRole')} value={user.platformRole} required
                options={PLATFORM_ROLES.map((r) => ({ value: r, label: t(`core.admin.role.${r}`), hint: t(`core.admin.roleHint.${r}`) }))} />
              {district.programs.length ? (
                <CheckboxGroup name="managerOf" label={t('core.admin.programManager')} hint={t('core.admin.programManagerHint')} value={user.managerOf}
                  options={district.programs.map((p) => ({ value: p.id, label: t(p.label) }))} />
              ) : null}
              <SubmitButton>{t('core.admin.saveRoles')}</SubmitButton>
            </Form>
          </section>
        )}
        {user.deletedAt ? null : (
          <section aria-labelledby="suspension-heading" class="section">
            <h2 id="suspension-heading">{t('core.admin.suspension')}</h2>
            <p>{user.suspendedAt ? t('core.admin.suspendedSince', { date: format.date(user.suspendedAt) }) : t('core.admin.suspensionLead')}</p>
            <form method="post" action={`/admin/users/${user.id}/suspension`}>
              <input type="hidden" name="suspended" value={user.suspendedAt ? 'false' : 'true'} />
              <button type="submit" class={user.suspendedAt ? 'button button--secondary' : 'button button--danger'}>
                {user.suspendedAt ? t('core.admin.reactivate') : t('core.admin.suspend')}
              </button>
            </form>
          </section>
        )}
      </>,
      { title: name, noindex: true },
    )
  })

  app.post('/admin/users/:id', async (c) => {
    const { db, auth, district } = vars(c)
    const user = await loadUser(db, c.req.param('id'))
    if (user.deletedAt) httpError(404)
    const programIds = new Set(district.programs.map((p) => p.id))
    const schema = z.object({
      platformRole: z.enum(PLATFORM_ROLES),
      managerOf: manyOf(z.string().refine((id) => programIds.has(id), 'core.form.choice')),
    })
    const form = await parseForm(c, schema)
    if (!form.ok) httpError(422)
    // An administrator cannot remove their own role: the district must never lose its last one by accident.
    if (user.id === auth.user!.id && form.data.platformRole !== 'admin') {
      setFlash(c, 'error', 'core.admin.cannotDemoteSelf')
      return c.redirect(`/admin/users/${user.id}`, 303)
    }
    const changes = changedFields({ platformRole: user.platformRole, managerOf: [...user.managerOf].sort() }, { platformRole: form.data.platformRole, managerOf: [...form.data.managerOf].sort() })
    await db.batch([
      db.update(users).set({ platformRole: form.data.platformRole, updatedAt: new Date() }).where(eq(users.id, user.id)),
      db.delete(programManagers).where(eq(programManagers.userId, user.id)),
      ...(form.data.managerOf.length ? [db.insert(programManagers).values(form.data.managerOf.map((pluginId) => ({ userId: user.id, pluginId })))] : []),
      ...(Object.keys(changes).length ? [auditStatement(db, { actorId: auth.user!.id, action: 'core.user.rolesChanged', subject: { type: 'core.user', id: user.id }, changes })] : []),
    ])
    // Losing a role takes effect everywhere at once, not when old sessions expire.
    if (user.platformRole === 'admin' && form.data.platformRole !== 'admin') await invalidateUserSessions(db, user.id)
    setFlash(c, 'success', 'core.admin.rolesSaved')
    return c.redirect(`/admin/users/${user.id}`, 303)
  })

  app.post('/admin/users/:id/suspension', async (c) => {
    const { db, auth, t } = vars(c)
    const user = await loadUser(db, c.req.param('id'))
    if (user.deletedAt) httpError(404)
    const form = await parseForm(c, z.object({ suspended: flag() }))
    if (!form.ok) httpError(422)
    const suspend = form.data.suspended
    if (suspend && user.id === auth.user!.id) {
      setFlash(c, 'error', 'core.admin.cannotSuspendSelf')
      return c.redirect(`/admin/users/${user.id}`, 303)
    }
    await db.batch([
      db.update(users).set({ suspendedAt: suspend ? new Date() : null, updatedAt: new Date() }).where(eq(users.id, user.id)),
      auditStatement(db, { actorId: auth.user!.id, action: suspend ? 'core.user.suspended' : 'core.user.reactivated', subject: { type: 'core.user', id: user.id }, changes: { suspended: { before: user.suspendedAt !== null, after: suspend } } }),
    ])
    if (suspend) await invalidateUserSessions(db, user.id)
    setFlash(c, 'success', suspend ? 'core.admin.suspendedFlash' : 'core.admin.reactivatedFlash', { name: displayName(user, t) })
    return c.redirect(`/admin/users/${user.id}`, 303)
  })

  return app
}
