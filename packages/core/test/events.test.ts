import { afterEach, describe, expect, it } from 'vitest'
import { AssemblyError, coreEvents, definePlugin, subscribe } from '@distrito/core'
import { createTestDistrict } from '@distrito/core/testing'
import { closures } from './fixtures/pilots/schema.js'
import { pilotWorld, type PilotWorld } from './pilots-setup.js'

let w: PilotWorld | undefined
afterEach(() => {
  w?.t.close()
  w = undefined
})

async function closePilot(world: PilotWorld): Promise<void> {
  const client = world.t.client()
  await client.login(world.manager.email)
  await client.post(`/workflows/pilots.pilot/${world.pilotId}/open`, {})
  expect((await client.post(`/workflows/pilots.pilot/${world.pilotId}/close`, { note: 'Fin del piloto.' })).status).toBe(303)
}

const deliveries = (world: PilotWorld) =>
  world.t.district.db.all<{ handler: string; status: string; attempts: number; last_error: string | null }>(`SELECT d.handler, d.status, d.attempts, d.last_error FROM core_event_deliveries d JOIN core_events e ON e.id = d.event_id
     WHERE d.handler = 'pilots:record-closure' AND json_extract(e.payload, '$.to') = 'closed'` as never)

describe('events', () => {
  it('delivers an event after the transition commits', async () => {
    w = await pilotWorld()
    await closePilot(w)
    expect(await w.t.district.db.select().from(closures)).toHaveLength(1)
    expect((await deliveries(w))[0]).toMatchObject({ status: 'delivered', attempts: 1, last_error: null })
  })

  it('retries a handler that throws, from the job loop, until it succeeds', async () => {
    w = await pilotWorld({ failures: { remaining: 1 } })
    await closePilot(w)
    // The transition stands although the handler failed; the delivery waits for its retry.
    expect(await w.t.district.services.workflow('pilots.pilot').state(w.t.district.db, w.pilotId)).toBe('closed')
    expect(await w.t.district.db.select().from(closures)).toHaveLength(0)
    expect((await deliveries(w))[0]).toMatchObject({ status: 'pending', attempts: 1 })
    expect((await deliveries(w))[0]!.last_error).toContain('the archive is unreachable')
    // Not due yet: the first retry waits 30 seconds.
    expect((await w.t.district.jobs.runOnce()).events).toBe(0)
    expect((await w.t.district.jobs.runOnce(new Date(Date.now() + 31_000))).events).toBe(1)
    expect(await w.t.district.db.select().from(closures)).toHaveLength(1)
    expect((await deliveries(w))[0]).toMatchObject({ status: 'delivered', attempts: 2, last_error: null })
  })

  it('marks a delivery failed after its last try, shows it to administrators, and sends it again on request', async () => {
    const failures = { remaining: 5 }
    w = await pilotWorld({ failures })
    await closePilot(w)
    let now = Date.now()
    for (let i = 0; i < 5; i++) {
      now += 10 * 60_000
      await w.t.district.jobs.runOnce(new Date(now))
    }
    expect((await deliveries(w))[0]).toMatchObject({ status: 'failed', attempts: 5 })
    const admin = w.t.client()
    await admin.login(w.admin.email)
    const page = await (await admin.get('/admin/events')).text()
    expect(page).toContain('pilots:record-closure')
    expect(page).toContain('core.workflow.transitioned')
    expect(page).toContain('the archive is unreachable')
    // Not for program managers or members.
    const manager = w.t.client()
    await manager.login(w.manager.email)
    expect((await manager.get('/admin/events')).status).toBe(403)
    const [row] = await w.t.district.db.all<{ event_id: string }>(`SELECT event_id FROM core_event_deliveries WHERE handler = 'pilots:record-closure' AND status = 'failed'` as never)
    expect((await manager.post('/admin/events/retry', { eventId: row!.event_id, handler: 'pilots:record-closure' })).status).toBe(403)
    const retried = await admin.post('/admin/events/retry', { eventId: row!.event_id, handler: 'pilots:record-closure' })
    expect(retried.status).toBe(303)
    expect(await (await admin.get('/admin/events?status=delivered')).text()).toContain('La entrega se reintentó con éxito.')
    expect(await w.t.district.db.select().from(closures)).toHaveLength(1)
    // A delivery that is not failed cannot be retried.
    expect((await admin.post('/admin/events/retry', { eventId: row!.event_id, handler: 'pilots:record-closure' })).status).toBe(404)
    expect((await admin.post('/admin/events/retry', { eventId: '', handler: '' })).status).toBe(422)
  })

  it('calls several handlers of one event in dependency order', async () => {
    const calls: string[] = []
    const first = definePlugin({
      id: 'first', version: '1.0.0', requires: { core: '^0.1.0' },
      on: [subscribe(coreEvents.organizationDeleted, async () => void calls.push('first'))],
    })
    const second = definePlugin({
      id: 'second', version: '1.0.0', requires: { core: '^0.1.0' }, dependsOn: { first: '^1.0.0' },
      on: [subscribe(coreEvents.organizationDeleted, async (p) => void calls.push(`second:${p.name}`))],
    })
    const t = await createTestDistrict({ plugins: [second(), first()] })
    try {
      const owner = await t.createUser()
      const org = await t.createOrganization({ name: 'Efímera', members: [{ user: owner, role: 'owner' }] })
      await t.login(owner.email)
      expect((await t.post(`/orgs/${org.slug}/delete`, { confirm: 'Efímera' })).status).toBe(303)
      expect(calls).toEqual(['first', 'second:Efímera'])
    } finally {
      t.close()
    }
  })

  it('refuses two handlers of one plugin under the same name at boot', async () => {
    const twice = definePlugin({
      id: 'twice', version: '1.0.0', requires: { core: '^0.1.0' },
      on: [subscribe(coreEvents.organizationCreated, async () => {}), subscribe(coreEvents.organizationCreated, async () => {})],
    })
    const error = await createTestDistrict({ plugins: [twice()] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AssemblyError)
    expect((error as AssemblyError).code).toBe('DUPLICATE_HANDLER')
  })

  it('refuses a payload that does not match the event', async () => {
    w = await pilotWorld()
    await expect(w.t.district.services.events.publish(w.t.district.db, coreEvents.organizationDeleted, { organizationId: 1 } as never)).rejects.toThrow()
    const [row] = await w.t.district.db.all<{ n: number }>(`SELECT count(*) AS n FROM core_events` as never)
    expect(row!.n).toBe(0)
  })
})

describe('vetoes', () => {
  it('lets a plugin refuse to delete an organization with open cases, with its reason', async () => {
    w = await pilotWorld()
    const { t } = w
    const manager = t.client()
    await manager.login(w.manager.email)
    await manager.post(`/workflows/pilots.pilot/${w.pilotId}/open`, {})
    await t.login(w.owner.email)
    // A member who is not the owner may not delete it at all.
    const member = t.client()
    await member.login(w.member.email)
    expect((await member.post(`/orgs/${w.org.slug}/delete`, { confirm: 'Agrosens' })).status).toBe(403)
    const wrongName = await t.post(`/orgs/${w.org.slug}/delete`, { confirm: 'agrosens' })
    expect(wrongName.status).toBe(422)
    expect(await wrongName.text()).toContain('El nombre no coincide.')
    const refused = await t.post(`/orgs/${w.org.slug}/delete`, { confirm: 'Agrosens' })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('Tiene 1 piloto(s) en curso en Pilotos.')
    expect((await t.get(`/orgs/${w.org.slug}`)).status).toBe(200)
    await manager.post(`/workflows/pilots.pilot/${w.pilotId}/close`, { note: 'Cierre anticipado.' })
    const deleted = await t.post(`/orgs/${w.org.slug}/delete`, { confirm: 'Agrosens' })
    expect(deleted.status).toBe(303)
    expect((await t.get(`/orgs/${w.org.slug}`)).status).toBe(404)
    const [entry] = await t.district.db.all<{ actor_id: string }>(`SELECT actor_id FROM core_audit_log WHERE action = 'core.organization.deleted'` as never)
    expect(entry!.actor_id).toBe(w.owner.id)
  })
})
