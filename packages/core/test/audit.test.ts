import { afterEach, describe, expect, it } from 'vitest'
import { pilotWorld, type PilotWorld } from './pilots-setup.js'

let w: PilotWorld | undefined
afterEach(() => {
  w?.t.close()
  w = undefined
})

describe('audit log', () => {
  it('records identity and program actions with before and after, searchable by administrators only', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    await t.login(w.owner.email)
    await t.post(`/orgs/${w.org.slug}/members/${w.member.id}/role`, { role: 'admin' })
    await t.post(`/orgs/${w.org.slug}/invitations`, { email: 'nueva@example.co', role: 'member' })
    await t.post(`/workflows/pilots.pilot/${pilotId}/open`, {})
    const admin = t.client()
    await admin.login(w.admin.email)
    await admin.post(`/admin/users/${w.outsider.id}/suspension`, { suspended: 'true' })

    const all = await (await admin.get('/admin/audit')).text()
    expect(all).toContain('<span title="core.membership.roleChanged">Rol cambiado</span>')
    expect(all).toContain(`<a href="/admin/users/${w.member.id}">Mía Miembro</a>`)
    expect(all).toContain('role: &quot;member&quot; → &quot;admin&quot;')
    expect(all).toContain('<span title="pilots.pilot.open">Abrir</span>')
    expect(all).toContain('state: &quot;draft&quot; → &quot;open&quot;')
    expect(all).toContain('core.user.suspended')
    expect(all).toContain('invitation: null → &quot;nueva@example.co (member)&quot;')
    // The member whose role changed was told.
    const member = t.client()
    await member.login(w.member.email)
    expect(await (await member.get('/notifications')).text()).toContain('Su rol en Agrosens ahora es «Administrador»')
    // The pilot's entry links to the pilot, described by its plugin.
    expect(all).toContain(`<a href="/pilots/${pilotId}">Sensores de humedad en caña</a>`)

    const byActor = await (await admin.get(`/admin/audit?actor=${encodeURIComponent(w.admin.email)}`)).text()
    expect(byActor).toContain('core.user.suspended')
    expect(byActor).not.toContain('pilots.pilot.open')
    const byAction = await (await admin.get('/admin/audit?action=pilots')).text()
    expect(byAction).toContain('pilots.pilot.open')
    expect(byAction).not.toContain('core.membership.roleChanged')
    const bySubject = await (await admin.get(`/admin/audit?subject=pilots.pilot:${pilotId}`)).text()
    expect(bySubject).toContain('pilots.pilot.open')
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    expect(await (await admin.get(`/admin/audit?from=${tomorrow}`)).text()).toContain('No hay entradas con esos filtros.')

    expect((await t.get('/admin/audit')).status).toBe(403)
    expect((await t.client().get('/admin/audit')).status).toBe(303)
  })

  it('cannot be changed, not even by a query that goes around the app', async () => {
    w = await pilotWorld()
    const { t } = w
    await t.login(w.owner.email)
    await t.post(`/workflows/pilots.pilot/${w.pilotId}/open`, {})
    // drizzle wraps the database's error; the cause is the trigger's refusal.
    const refusal = (query: string) => t.district.db.run(query as never).then(() => 'changed', (error: Error) => String((error.cause as Error)?.message ?? error.message))
    expect(await refusal(`UPDATE core_audit_log SET action = 'x'`)).toMatch(/append-only/)
    expect(await refusal(`DELETE FROM core_audit_log`)).toMatch(/append-only/)
    const [row] = await t.district.db.all<{ n: number }>(`SELECT count(*) AS n FROM core_audit_log WHERE action = 'pilots.pilot.open'` as never)
    expect(row!.n).toBe(1)
    // There is no route that edits or deletes entries.
    const admin = t.client()
    await admin.login(w.admin.email)
    expect((await admin.post('/admin/audit', {})).status).toBe(404)
  })
})
