import { afterEach, describe, expect, it } from 'vitest'
import { AssemblyError, defineWorkflow, definePlugin } from '@distrito/core'
import { createTestDistrict } from '@distrito/core/testing'
import { pilotWorld, type PilotWorld } from './pilots-setup.js'

let w: PilotWorld | undefined
afterEach(() => {
  w?.t.close()
  w = undefined
})

describe('notifications', () => {
  it('tells followers and the organization in the app, with an unread count, and by email as each prefers', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    const owner = t.client()
    await owner.login(w.owner.email)
    // The member prefers not to get this kind by email.
    const member = t.client()
    await member.login(w.member.email)
    expect((await member.post('/account/notifications', { email: ['core.verification', 'core.comment', 'core.reply'] })).status).toBe(303)
    expect(await (await member.get('/account/notifications')).text()).toContain('Sus preferencias quedaron guardadas.')
    // The outsider follows the pilot once it is public.
    await owner.post(`/workflows/pilots.pilot/${pilotId}/open`, {})
    const outsider = t.client()
    await outsider.login(w.outsider.email)
    expect((await outsider.post('/follows', { subjectType: 'pilots.pilot', subjectId: pilotId, back: `/pilots/${pilotId}` })).status).toBe(303)
    expect(await (await outsider.get(`/pilots/${pilotId}`)).text()).toContain('aria-pressed="true"')

    await w.t.district.db.run(`UPDATE pilots_pilots SET judges = 1` as never)
    await t.login(w.manager.email)
    expect((await t.post(`/workflows/pilots.pilot/${pilotId}/evaluate`, {})).status).toBe(303)

    for (const [client, who] of [[owner, w.owner], [member, w.member], [outsider, w.outsider]] as const) {
      const home = await (await client.get('/')).text()
      expect(home, who.name).toContain('<span class="visually-hidden">1 sin leer</span>')
      const list = await (await client.get('/notifications')).text()
      expect(list).toContain('«Sensores de humedad en caña» pasó a «En evaluación»')
    }
    // The manager acted, so hears nothing of it.
    expect(await (await t.get('/notifications')).text()).toContain('No tiene notificaciones')
    // Email: the owner and the outsider want it, the member does not.
    expect((await t.mails(w.owner.email))[0]?.subject).toBe('«Sensores de humedad en caña» pasó a «En evaluación»')
    expect((await t.mails(w.outsider.email))[0]?.links).toContain(`/pilots/${pilotId}`)
    expect(await t.mails(w.member.email)).toHaveLength(0)

    // Opening it marks it read and leads to the pilot.
    const id = /href="\/notifications\/([^"]+)"/.exec(await (await owner.get('/notifications')).text())![1]
    const open = await owner.get(`/notifications/${id}`)
    expect(open.headers.get('Location')).toBe(`/pilots/${pilotId}`)
    expect(await (await owner.get('/')).text()).not.toContain('sin leer')
    // Nobody opens someone else's.
    expect((await outsider.get(`/notifications/${id}`)).status).toBe(404)
    await member.post('/notifications/read-all', {})
    expect(await (await member.get('/')).text()).not.toContain('sin leer')
    // A person who stops following hears no more.
    await outsider.post('/follows/remove', { subjectType: 'pilots.pilot', subjectId: pilotId })
    await t.post(`/workflows/pilots.pilot/${pilotId}/close`, { note: 'Fin' })
    expect(await (await outsider.get('/')).text()).toContain('1 sin leer')
  })

  it('refuses to follow what the person cannot see, and unknown preference kinds', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    await t.login(w.outsider.email)
    expect((await t.post('/follows', { subjectType: 'pilots.pilot', subjectId: pilotId })).status).toBe(404)
    expect((await t.post('/follows', { subjectType: 'nothing', subjectId: 'x' })).status).toBe(404)
    expect((await t.post('/follows', {})).status).toBe(422)
    expect((await t.post('/account/notifications', { email: 'core.nothing' })).status).toBe(422)
    expect((await t.client().get('/notifications')).status).toBe(303)
  })

  it('refuses at boot a workflow that notifies without a declared notification kind', async () => {
    const item = definePlugin({
      id: 'items', version: '1.0.0', requires: { core: '^0.1.0' },
      subjects: { item: { canView: async () => true, describe: async () => new Map() } },
      workflows: [defineWorkflow({
        id: 'item', subject: 'item', initial: 'a', states: { a: { label: 'x' }, b: { label: 'y' } },
        transitions: { go: { from: 'a', to: 'b', label: 'z', by: ['items:x'], notify: () => ({ users: [] }) } },
        load: async () => ({}), title: () => '', href: () => '/',
      })],
    })
    const error = await createTestDistrict({ plugins: [item()] }).catch((e: unknown) => e)
    expect((error as AssemblyError).code).toBe('UNKNOWN_NOTIFICATION')
  })
})
