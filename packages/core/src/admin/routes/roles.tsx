/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import { requirePermission } from '../../auth/guards.js'
import { GRANTEES } from '../../auth/permissions.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { TableRegion } from '../../ui/components/table.js'
import { vars } from '../../http/vars.js'

/** Who holds each permission of the district: the core's and every plugin's, with the instance's changes. */
export function adminRoleRoutes() {
  const app = new Hono<DistritoEnv>()
  app.get('/admin/roles', requirePermission('core:users.manage'), (c) => {
    const { t, district } = vars(c)
    const rows = [...district.permissions.entries()]
    return c.render(
      <>
        <PageHeader title={t('core.admin.roles')} lead={t('core.admin.rolesLead')} />
        <p>{t('core.admin.rolesAdminNote')}</p>
        <TableRegion caption={t('core.admin.permissionMatrix')} id="roles">
          <thead>
            <tr>
              <th scope="col">{t('core.admin.permission')}</th>
              {GRANTEES.map((g) => <th scope="col">{t(`core.admin.grantee.${g}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, entry]) => (
              <tr>
                <th scope="row">{t(entry.label)}<br /><code class="meta">{id}</code></th>
                {GRANTEES.map((g) => (
                  <td>{entry.grantedTo.includes(g) ? <><span aria-hidden="true">✓</span><span class="visually-hidden">{t('core.admin.yes')}</span></> : <span class="visually-hidden">{t('core.admin.no')}</span>}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </TableRegion>
      </>,
      { title: t('core.admin.roles'), noindex: true },
    )
  })
  return app
}
