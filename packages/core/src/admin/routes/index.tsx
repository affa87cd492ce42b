/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import { httpError } from '../../http/errors.js'
import { currentUser } from '../../auth/guards.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { adminUserRoutes } from './users.js'
import { adminOrganizationRoutes } from './organizations.js'
import { adminOutboxRoutes } from './outbox.js'
import { adminRoleRoutes } from './roles.js'
import { adminAuditRoutes } from './audit.js'
import { adminEventRoutes } from './events.js'
import { adminReportRoutes } from './reports.js'
import { vars } from '../../http/vars.js'

/** The administration area's sections, each behind its own permission. */
export const ADMIN_SECTIONS = [
  { path: '/admin/users', permission: 'core:users.manage', label: 'core.admin.users', lead: 'core.admin.usersLead' },
  { path: '/admin/organizations', permission: 'core:organizations.verify', label: 'core.admin.organizations', lead: 'core.admin.organizationsLead' },
  { path: '/admin/roles', permission: 'core:users.manage', label: 'core.admin.roles', lead: 'core.admin.rolesLead' },
  { path: '/admin/outbox', permission: 'core:outbox.read', label: 'core.admin.outbox', lead: 'core.admin.outboxLead' },
  { path: '/admin/audit', permission: 'core:audit.read', label: 'core.audit.title', lead: 'core.audit.lead' },
  { path: '/admin/events', permission: 'core:events.manage', label: 'core.events.title', lead: 'core.events.lead' },
  { path: '/admin/reports', permission: 'core:comments.moderate', label: 'core.reports.title', lead: 'core.reports.lead' },
] as const

export function adminRoutes() {
  const app = new Hono<DistritoEnv>()
  app.get('/admin', (c) => {
    currentUser(c)
    const { t, can } = vars(c)
    // Program managers moderate the comments on their program's items.
    const sections = ADMIN_SECTIONS.filter((s) => can(s.permission) || (s.path === '/admin/reports' && c.get('auth').managerOf.length > 0))
    if (sections.length === 0) httpError(403)
    return c.render(
      <>
        <PageHeader title={t('core.admin.title')} lead={t('core.admin.lead')} />
        <ul class="card-list">
          {sections.map((s) => (
            <li class="card">
              <h2 class="card-title"><a href={s.path}>{t(s.label)}</a></h2>
              <p>{t(s.lead)}</p>
            </li>
          ))}
        </ul>
      </>,
      { title: t('core.admin.title'), noindex: true },
    )
  })
  app.route('/', adminUserRoutes())
  app.route('/', adminOrganizationRoutes())
  app.route('/', adminRoleRoutes())
  app.route('/', adminOutboxRoutes())
  app.route('/', adminAuditRoutes())
  app.route('/', adminEventRoutes())
  app.route('/', adminReportRoutes())
  return app
}
