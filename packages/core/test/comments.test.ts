import { afterEach, describe, expect, it } from 'vitest'
import { pilotWorld, type PilotWorld } from './pilots-setup.js'

let w: PilotWorld | undefined
afterEach(() => {
  w?.t.close()
  w = undefined
})

async function openPilot(world: PilotWorld) {
  const owner = world.t.client()
  await owner.login(world.owner.email)
  await owner.post(`/workflows/pilots.pilot/${world.pilotId}/open`, {})
  return owner
}

describe('comments', () => {
  it('threads replies, tells the person answered, and follows the item for its author', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    const owner = await openPilot(w)
    await t.login(w.outsider.email)
    const posted = await t.post('/comments', { subjectType: 'pilots.pilot', subjectId: pilotId, body: '¿Qué sensores usan?', back: `/pilots/${pilotId}` })
    expect(posted.status).toBe(303)
    expect(posted.headers.get('Location')).toMatch(new RegExp(`^/pilots/${pilotId}#comment-`))
    const commentId = posted.headers.get('Location')!.split('#comment-')[1]!
    expect((await owner.post('/comments', { subjectType: 'pilots.pilot', subjectId: pilotId, parentId: commentId, body: 'Capacitivos, de bajo costo.', back: `/pilots/${pilotId}` })).status).toBe(303)
    const page = await (await t.client().get(`/pilots/${pilotId}`)).text()
    expect(page).toContain('Comentarios (1)')
    expect(page).toMatch(/¿Qué sensores usan\?[\s\S]*<ol class="comment-replies">[\s\S]*Capacitivos, de bajo costo\./)
    // The outsider follows the pilot by commenting, and hears of the answer once (as a reply).
    const notices = await (await t.get('/notifications')).text()
    expect(notices).toContain('Óscar Dueño respondió a su comentario en «Sensores de humedad en caña»')
    expect(notices).not.toContain('Óscar Dueño comentó')
    // Visitors are invited to sign in instead of a form.
    expect(await (await t.client().get(`/pilots/${pilotId}`)).text()).toContain('Inicie sesión para comentar')
  })

  it('loads an item’s page in the same number of queries however long its thread and timeline', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    const owner = await openPilot(w)
    await owner.post('/comments', { subjectType: 'pilots.pilot', subjectId: pilotId, body: 'Primero' })
    const before = (await owner.get(`/pilots/${pilotId}`)).queries
    for (let i = 0; i < 12; i++) {
      const res = await owner.post('/comments', { subjectType: 'pilots.pilot', subjectId: pilotId, body: `Comentario ${i}` })
      const id = res.headers.get('Location')!.split('#comment-')[1]!
      await owner.post('/comments', { subjectType: 'pilots.pilot', subjectId: pilotId, parentId: id, body: `Respuesta ${i}` })
    }
    await t.login(w.manager.email)
    await t.post(`/workflows/pilots.pilot/${pilotId}/close`, { note: 'Fin' })
    const after = await owner.get(`/pilots/${pilotId}`)
    expect(await after.text()).toContain('Comentarios (13)')
    expect(after.queries).toBe(before)
    expect(after.queries).toBeLessThanOrEqual(13)
  })

  it('shows an empty comment again with the message next to the field, and refuses what the person cannot see', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    await t.login(w.member.email)
    const empty = await t.post('/comments', { subjectType: 'pilots.pilot', subjectId: pilotId, body: '   ', back: `/pilots/${pilotId}` })
    expect(empty.status).toBe(422)
    const html = await empty.text()
    expect(html).toContain('Escriba el comentario.')
    expect(html).toContain('aria-invalid="true"')
    // The draft pilot is private: an outsider cannot comment on it.
    const outsider = t.client()
    await outsider.login(w.outsider.email)
    expect((await outsider.post('/comments', { subjectType: 'pilots.pilot', subjectId: pilotId, body: 'Hola' })).status).toBe(404)
    // Organizations are public, but their profiles take no comments.
    expect((await t.post('/comments', { subjectType: 'core.organization', subjectId: w.org.id, body: 'Hola' })).status).toBe(404)
    // Unverified accounts may not comment.
    const unverified = await t.createUser({ verified: false })
    const u = t.client()
    await u.login(unverified.email)
    await openPilot(w)
    expect((await u.post('/comments', { subjectType: 'pilots.pilot', subjectId: pilotId, body: 'Hola' })).status).toBe(403)
    const [row] = await t.district.db.all<{ n: number }>(`SELECT count(*) AS n FROM core_comments` as never)
    expect(row!.n).toBe(0)
  })

  it('lets people report a comment and the program’s manager hide it, with a reason others do not see', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    await openPilot(w)
    await t.login(w.outsider.email)
    const posted = await t.post('/comments', { subjectType: 'pilots.pilot', subjectId: pilotId, body: 'Compre seguidores en example.com', back: `/pilots/${pilotId}` })
    const commentId = posted.headers.get('Location')!.split('#comment-')[1]!
    const member = t.client()
    await member.login(w.member.email)
    expect((await member.post(`/comments/${commentId}/report`, { reason: 'spam', back: `/pilots/${pilotId}` })).status).toBe(303)
    expect((await member.post(`/comments/${commentId}/report`, { reason: 'nonsense' })).status).toBe(422)
    // Members cannot hide; the manager is told and can.
    expect((await member.post(`/comments/${commentId}/hide`, { reason: 'spam' })).status).toBe(403)
    const manager = t.client()
    await manager.login(w.manager.email)
    expect(await (await manager.get('/notifications')).text()).toContain('Reportaron un comentario: Publicidad o spam')
    const queue = await (await manager.get('/admin/reports')).text()
    expect(queue).toContain('Compre seguidores en example.com')
    expect(queue).toContain('1 reporte(s): Publicidad o spam')
    const noReason = await manager.post(`/comments/${commentId}/hide`, { reason: '', back: '/admin/reports' })
    expect(noReason.status).toBe(422)
    expect(await noReason.text()).toContain('Escriba el motivo')
    expect((await manager.post(`/comments/${commentId}/hide`, { reason: 'Publicidad', back: '/admin/reports' })).status).toBe(303)
    expect(await (await manager.get('/admin/reports')).text()).toContain('No hay reportes pendientes.')
    const publicView = await (await member.get(`/pilots/${pilotId}`)).text()
    expect(publicView).toContain('Comentario oculto por moderación.')
    expect(publicView).not.toContain('Compre seguidores')
    expect(publicView).not.toContain('Publicidad')
    const authorView = await (await t.get(`/pilots/${pilotId}`)).text()
    expect(authorView).toContain('Compre seguidores')
    expect(authorView).toContain('Motivo: Publicidad')
    const [entry] = await t.district.db.all<{ actor_id: string; note: string }>(`SELECT actor_id, note FROM core_audit_log WHERE action = 'core.comment.hidden'` as never)
    expect(entry).toEqual({ actor_id: w.manager.id, note: 'Publicidad' })
    // A member of another program's staff has no report queue.
    expect((await member.get('/admin/reports')).status).toBe(403)
  })
})

describe('a person’s comments, follows and notifications and their privacy', () => {
  it('are in their data download; deleting the account keeps the comments as a former member’s and erases the rest', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    const owner = await openPilot(w)
    await t.login(w.outsider.email)
    await t.post('/comments', { subjectType: 'pilots.pilot', subjectId: pilotId, body: '¿Cuántas hectáreas?' })
    await owner.post('/comments', { subjectType: 'pilots.pilot', subjectId: pilotId, body: 'Veinte.' })
    const data = (await (await t.get('/account/data')).json()) as { comments: { body: string }[]; following: { subject: string }[]; notifications: { message: string }[] }
    expect(data.comments.map((c) => c.body)).toEqual(['¿Cuántas hectáreas?'])
    expect(data.following).toEqual([{ subject: `pilots.pilot:${pilotId}`, since: expect.any(String) }])
    expect(data.notifications.map((n) => n.message)).toEqual(['core.comments.notice.comment'])
    expect((await t.post('/account/delete', { password: w.outsider.password, confirm: 'on' })).status).toBe(303)
    const page = await (await owner.get(`/pilots/${pilotId}`)).text()
    expect(page).toContain('¿Cuántas hectáreas?')
    expect(page).toContain('Antiguo miembro')
    const left = await t.district.db.all<{ n: number }>(`SELECT (SELECT count(*) FROM core_notifications WHERE user_id = '${w.outsider.id}') + (SELECT count(*) FROM core_follows WHERE user_id = '${w.outsider.id}') AS n` as never)
    expect(left[0]!.n).toBe(0)
  })
})
