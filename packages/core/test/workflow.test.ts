import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { createDistrict, silentLogger, type AuthState, type District } from '@distrito/core'
import { testDistrictConfig } from '@distrito/core/testing'
import { pilots } from './fixtures/pilots/schema.js'
import { pilotsPlugin } from './fixtures/pilots/plugin.js'
import { pilotWorld, type PilotWorld } from './pilots-setup.js'

let w: PilotWorld | undefined
const extra: District[] = []
afterEach(() => {
  for (const d of extra.splice(0)) d.close()
  w?.t.close()
  w = undefined
})

describe('workflows', () => {
  it('lets the organization’s admin open its pilot, and refuses a member, an outsider and a visitor', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    const member = t.client()
    await member.login(w.member.email)
    const refused = await member.post(`/workflows/pilots.pilot/${pilotId}/open`, { back: `/pilots/${pilotId}` })
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('Usted no puede hacer esta acción en este elemento.')
    const outsider = t.client()
    await outsider.login(w.outsider.email)
    // An outsider may not even see the draft: the refusal does not reveal that it exists.
    expect((await outsider.post(`/workflows/pilots.pilot/${pilotId}/open`, {})).status).toBe(404)
    const visitor = await t.client().post(`/workflows/pilots.pilot/${pilotId}/open`, {})
    expect(visitor.status).toBe(303)
    expect(visitor.headers.get('Location')).toMatch(/^\/login/)
    expect(await t.district.services.workflow('pilots.pilot').state(t.district.db, pilotId)).toBe('draft')

    await t.login(w.owner.email)
    const page = await (await t.get(`/pilots/${pilotId}`)).text()
    expect(page).toContain('Borrador')
    expect(page).toContain(`action="/workflows/pilots.pilot/${pilotId}/open"`)
    const res = await t.post(`/workflows/pilots.pilot/${pilotId}/open`, { back: `/pilots/${pilotId}` })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/pilots/${pilotId}`)
    const after = await (await t.get(`/pilots/${pilotId}`)).text()
    expect(after).toContain('Hecho: «Abrir». El estado ahora es «Abierto».')
    expect(after).toContain('pasó a «Abierto» por Óscar Dueño')
    // Only the program's managers move it on; the owner sees no button for it.
    expect(after).not.toContain('/evaluate"')
    // Firing it again finds it already open.
    const again = await t.post(`/workflows/pilots.pilot/${pilotId}/open`, {})
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('No es posible mientras el estado sea «Abierto».')
  })

  it('refuses a transition whose guard fails, with its reason, and shows the button disabled with it', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    await t.login(w.manager.email)
    expect((await t.post(`/workflows/pilots.pilot/${pilotId}/open`, {})).status).toBe(303)
    const page = await (await t.get(`/pilots/${pilotId}`)).text()
    expect(page).toMatch(/<button type="submit" class="button" disabled="" aria-describedby="[^"]+-evaluate-reason">Pasar a evaluación<\/button>/)
    const res = await t.post(`/workflows/pilots.pilot/${pilotId}/evaluate`, { back: `/pilots/${pilotId}` })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('La evaluación necesita al menos un jurado.')
    expect(await t.district.services.workflow('pilots.pilot').state(t.district.db, pilotId)).toBe('open')
    // With a judge, it passes.
    await t.district.db.update(pilots).set({ judges: 1 })
    expect((await t.post(`/workflows/pilots.pilot/${pilotId}/evaluate`, {})).status).toBe(303)
    expect(await t.district.services.workflow('pilots.pilot').state(t.district.db, pilotId)).toBe('evaluation')
  })

  it('hands guards the item a page already read, instead of reading it again', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    const runner = t.district.services.workflow('pilots.pilot')
    const manager: AuthState = { session: { id: 's' }, organization: null, unreadNotifications: 0, user: { id: w.manager.id, email: w.manager.email, name: w.manager.name, platformRole: 'member', locale: null, emailVerified: true }, managerOf: ['pilots'] }
    const evaluate = async (item?: unknown) => (await runner.available(manager, pilotId, 'open', item)).find((a) => a.name === 'evaluate')
    // The stored pilot has no judge: read from the database, the guard refuses.
    expect((await evaluate())?.blocked).toEqual({ message: 'pilots.needsJudge' })
    // Handed a pilot with a judge, the guard judges that one.
    const [stored] = await t.district.db.select().from(pilots)
    expect((await evaluate({ ...stored, judges: 1 }))?.blocked).toBeNull()
    // Firing still reads the item inside its transaction.
    expect((await runner.fire({ kind: 'person', auth: manager }, pilotId, 'evaluate')).ok).toBe(false)
  })

  it('requires the note a transition asks for, and keeps it in the timeline and the audit log', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    await t.login(w.manager.email)
    await t.post(`/workflows/pilots.pilot/${pilotId}/open`, {})
    const missing = await t.post(`/workflows/pilots.pilot/${pilotId}/close`, { note: '   ' })
    expect(missing.status).toBe(422)
    expect(await missing.text()).toContain('Escriba el motivo')
    expect((await t.post(`/workflows/pilots.pilot/${pilotId}/close`, { note: 'Terminó la temporada de lluvias.' })).status).toBe(303)
    const page = await (await t.get(`/pilots/${pilotId}`)).text()
    expect(page).toContain('<blockquote class="note">Terminó la temporada de lluvias.</blockquote>')
    const [entry] = await t.district.db.all<{ action: string; changes: string; note: string; actor_id: string }>(
      `SELECT action, changes, note, actor_id FROM core_audit_log WHERE action = 'pilots.pilot.close'` as never,
    )
    expect(entry).toMatchObject({ action: 'pilots.pilot.close', note: 'Terminó la temporada de lluvias.', actor_id: w.manager.id })
    expect(JSON.parse(entry!.changes)).toEqual({ state: { before: 'open', after: 'closed' } })
  })

  it('reads an item’s timeline and timers along with the item, as it reads them by itself', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    const db = t.district.db
    const runner = t.district.services.workflow('pilots.pilot')
    await t.login(w.manager.email)
    await db.update(pilots).set({ judges: 1 })
    for (const transition of ['open', 'evaluate']) expect((await t.post(`/workflows/pilots.pilot/${pilotId}/${transition}`, {})).status).toBe(303)
    expect((await t.post(`/workflows/pilots.pilot/${pilotId}/close`, { note: 'Cierre "anticipado" <por lluvias>' })).status).toBe(303)
    await runner.schedule(db, pilotId, 'evaluate', new Date(Date.now() + 86_400_000))
    await runner.schedule(db, pilotId, 'close', new Date(Date.now() + 3_600_000))
    const empty = await w.addPilot({ organizationId: w.org.id, title: 'Sin historia' })
    const read = async (id: string) => {
      const [row] = await db.select({ id: pilots.id, ...runner.historyColumns(db, pilots.id) }).from(pilots).where(eq(pilots.id, id))
      return row!
    }
    const along = await read(pilotId)
    expect(along.timeline.map((e) => [e.transition, e.to, e.note, e.actor?.name])).toEqual([
      ['open', 'open', null, w.manager.name],
      ['evaluate', 'evaluation', null, w.manager.name],
      ['close', 'closed', 'Cierre "anticipado" <por lluvias>', w.manager.name],
    ])
    expect(along.timeline[0]!.at).toBeInstanceOf(Date)
    // Soonest first, each named by its transition's label.
    expect(along.scheduled.map((s) => s.transition)).toEqual(['close', 'evaluate'])
    expect(along).toEqual({ id: pilotId, timeline: await runner.timeline(db, pilotId), scheduled: await runner.scheduled(db, pilotId) })
    expect(await read(empty)).toEqual({ id: empty, timeline: [], scheduled: [] })
  })

  it('fires a scheduled transition once when two instances share the database', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    const runner = t.district.services.workflow('pilots.pilot')
    await t.login(w.owner.email)
    await t.post(`/workflows/pilots.pilot/${pilotId}/open`, {})
    await t.district.db.update(pilots).set({ judges: 2 })
    await runner.schedule(t.district.db, pilotId, 'evaluate', new Date(Date.now() - 1000))
    expect(await (await t.get(`/pilots/${pilotId}`)).text()).toContain('Programado: «Pasar a evaluación» el')
    // A second instance of the same district: same database file, its own process memory.
    const second = await createDistrict({ ...testDistrictConfig, logger: silentLogger, database: t.district.config.database, plugins: [pilotsPlugin()] })
    extra.push(second)
    const [a, b] = await Promise.all([t.district.jobs.runOnce(), second.jobs.runOnce()])
    expect(a.timers! + b.timers!).toBe(1)
    expect(await runner.state(t.district.db, pilotId)).toBe('evaluation')
    const moves = await t.district.db.all<{ n: number }>(`SELECT count(*) AS n FROM core_workflow_transitions WHERE transition = 'evaluate'` as never)
    expect(moves[0]!.n).toBe(1)
    const audit = await t.district.db.all<{ n: number; actor: string | null }>(`SELECT count(*) AS n, max(actor_id) AS actor FROM core_audit_log WHERE action = 'pilots.pilot.evaluate'` as never)
    expect(audit[0]).toEqual({ n: 1, actor: null })
    const [timer] = await t.district.db.all<{ status: string }>(`SELECT status FROM core_workflow_timers` as never)
    expect(timer!.status).toBe('fired')
    // The page credits the schedule, not a person.
    await t.login(w.manager.email)
    expect(await (await t.get(`/pilots/${pilotId}`)).text()).toContain('pasó a «En evaluación» por el calendario del programa')
    // Nothing left to fire.
    expect((await t.district.jobs.runOnce()).timers).toBe(0)
  })

  it('fires a timer already due as soon as its transaction commits, when asked to', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    const runner = t.district.services.workflow('pilots.pilot')
    await t.login(w.owner.email)
    await t.post(`/workflows/pilots.pilot/${pilotId}/open`, {})
    await t.district.db.update(pilots).set({ judges: 2 })
    await t.district.services.transaction(async (tx) => {
      await runner.schedule(tx, pilotId, 'evaluate', new Date(Date.now() - 1000), { fireIfDue: true })
      // Not inside the transaction: only once it has committed.
      expect(await runner.state(tx, pilotId)).toBe('open')
    })
    expect(await runner.state(t.district.db, pilotId)).toBe('evaluation')
    const [timer] = await t.district.db.all<{ status: string }>(`SELECT status FROM core_workflow_timers` as never)
    expect(timer!.status).toBe('fired')
    expect((await t.district.jobs.runOnce()).timers).toBe(0)
  })

  it('records why a scheduled transition could not fire', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    const runner = t.district.services.workflow('pilots.pilot')
    await runner.schedule(t.district.db, pilotId, 'evaluate', new Date(Date.now() - 1000))
    expect((await t.district.jobs.runOnce()).timers).toBe(0)
    const [timer] = await t.district.db.all<{ status: string; outcome: string }>(`SELECT status, outcome FROM core_workflow_timers` as never)
    expect(timer).toEqual({ status: 'skipped', outcome: 'state: core.workflow.refused.state' })
    expect(await runner.state(t.district.db, pilotId)).toBe('draft')
  })

  it('refuses unknown workflows, transitions and items', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    await t.login(w.admin.email)
    expect((await t.post(`/workflows/nope.nope/${pilotId}/open`, {})).status).toBe(404)
    expect((await t.post(`/workflows/pilots.pilot/${pilotId}/fly`, {})).status).toBe(404)
    expect((await t.post('/workflows/pilots.pilot/nothing/open', {})).status).toBe(404)
  })
})
