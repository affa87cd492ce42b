import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { TEST_PASSWORD } from '@distrito/core/testing'
import { organizations } from '@distrito/core/db'
import { challenges, submissions } from '../src/schema.js'
import { challengeWorld, dayFromNow, type ChallengeWorld } from './world.js'

describe('challenges and the rest of the district', () => {
  let w: ChallengeWorld
  beforeAll(async () => {
    w = await challengeWorld()
  })
  afterAll(() => w.t.close())

  it('tells followers when a challenge opens and when the sponsor posts an update', async () => {
    const { slug, id } = await w.createChallenge({ title: 'Reto que seguimos de cerca', opensOn: dayFromNow(3) })
    const follower = await w.as(w.judge2)
    const follow = { subjectType: 'challenges.challenge', subjectId: id, back: `/challenges/${slug}` }
    expect((await follower.post('/follows', follow)).status).toBe(404) // a draft cannot be followed by outsiders
    await w.publish(slug)
    expect(await w.stateOf(id)).toBe('upcoming')
    expect((await follower.post('/follows', follow)).status).toBe(303)
    // The opening day comes.
    await w.t.district.db.run(sql`UPDATE core_workflow_timers SET due_at = ${Date.now() - 1000} WHERE item_id = ${id} AND transition = 'open'`)
    await w.t.district.db.update(challenges).set({ opensAt: new Date(Date.now() - 1000) }).where(eq(challenges.id, id))
    await w.t.district.jobs.runOnce()
    expect(await (await follower.get('/notifications')).text()).toContain('«Reto que seguimos de cerca» pasó a «Abierto»')
    expect((await (await w.as(w.sponsorAdmin)).post(`/challenges/${slug}/updates`, { title: 'Nueva fecha de la sesión', body: 'La sesión informativa se mueve al viernes a las 10 a. m.' })).status).toBe(303)
    expect(await (await follower.get('/notifications')).text()).toContain('Novedad en «Reto que seguimos de cerca»: Nueva fecha de la sesión')
    expect((await (await w.as(w.leadA)).post(`/challenges/${slug}/updates`, { title: 'Intruso', body: 'No debería poder publicar esto aquí.' })).status).toBe(403)
    // Past what the challenge's page shows, every update is a page away.
    for (let i = 1; i <= 5; i++) await (await w.as(w.sponsorAdmin)).post(`/challenges/${slug}/updates`, { title: `Novedad número ${i}`, body: 'Otra novedad del reto para quienes lo siguen.' })
    const page = await (await w.t.get(`/challenges/${slug}`)).text()
    expect(page).toContain('Ver todas las novedades')
    expect(page).not.toContain('Nueva fecha de la sesión')
    const all = await (await w.t.get(`/challenges/${slug}/updates`)).text()
    expect(all).toContain('Nueva fecha de la sesión')
    expect(all).toContain('Novedad número 5')
  })

  it('refuses to delete an organization that sponsors a challenge under way', async () => {
    const { slug } = await w.createChallenge({ title: 'Reto que impide borrar al patrocinador' })
    await w.publish(slug)
    const owner = await w.t.createUser({ name: 'Dueña del Ingenio' })
    const { memberships } = await import('@distrito/core/db')
    await w.t.district.db.insert(memberships).values({ organizationId: w.sponsor.id, userId: owner.id, role: 'owner' })
    const client = w.t.client()
    await client.login(owner.email)
    const res = await client.post(`/orgs/${w.sponsor.slug}/delete`, { confirm: w.sponsor.name })
    expect(res.status).toBe(409)
    expect(await res.text()).toMatch(/Patrocina \d+ reto\(s\) en curso/)
    expect(await w.t.district.db.select().from(organizations).where(eq(organizations.id, w.sponsor.id))).toHaveLength(1)
  })

  it('includes a person’s entries, questions and votes in their data, and erases only their lone drafts', async () => {
    const person = await w.t.createUser({ name: 'Persona Independiente' })
    const { slug } = await w.createChallenge({ title: 'Reto abierto a personas' })
    await w.publish(slug)
    const client = w.t.client()
    await client.login(person.email)
    await client.post(`/challenges/${slug}/questions`, { body: '¿Puedo participar sin una organización?' })
    const started = await client.post(`/challenges/${slug}/submit`, { title: 'Mi idea individual', organization: 'individual' })
    expect(started.status).toBe(303)
    const data = await (await client.get('/account/data')).json() as { plugins?: Record<string, unknown> } & Record<string, unknown>
    const text = JSON.stringify(data)
    expect(text).toContain('Mi idea individual')
    expect(text).toContain('¿Puedo participar sin una organización?')
    const deleted = await client.post('/account/delete', { password: TEST_PASSWORD, confirm: 'on' })
    expect(deleted.status).toBe(303)
    expect(await w.t.district.db.select().from(submissions).where(eq(submissions.title, 'Mi idea individual'))).toHaveLength(0)
  })
})

describe('the plugin’s options', () => {
  it('are checked when the district is assembled, naming the bad demo field', async () => {
    const { createTestDistrict } = await import('@distrito/core/testing')
    const { challenges } = await import('../src/index.js')
    await expect(createTestDistrict({ plugins: [challenges({ demo: [{ sponsor: 'X', manager: 'x@x.co', title: 'T', summary: 's', problem: 'p', rewardKinds: [], rewardSummary: 'r', phase: 'open' }] })] })).rejects.toThrow(/rewardKinds/)
    await expect(createTestDistrict({ plugins: [challenges({ homeItems: 50 })] })).rejects.toThrow(/homeItems/)
  })
})
