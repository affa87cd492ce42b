import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { entryCounts, submissions } from '../src/schema.js'
import { challengeWorld, type ChallengeWorld } from './world.js'

/**
 * A call's entry counts are kept by triggers on the entries; whatever happens to its entries, the
 * sponsor's funnel must say what counting them says.
 */
describe('a call’s entry counts kept with its entries', () => {
  let w: ChallengeWorld
  let call: { slug: string; id: string }
  beforeAll(async () => {
    w = await challengeWorld()
    call = await w.createChallenge({ title: 'Reto de conteos' })
    await w.publish(call.slug)
  })
  afterAll(() => w.t.close())

  async function counted() {
    const [row] = await w.t.district.db.all<{ drafts: number; submitted: number; shortlisted: number }>(sql`
      SELECT count(*) FILTER (WHERE status = 'draft') AS drafts, count(*) FILTER (WHERE status = 'submitted') AS submitted,
        count(*) FILTER (WHERE status = 'submitted' AND round > 1) AS shortlisted
      FROM ${submissions} WHERE challenge_id = ${call.id}`)
    return row!
  }
  async function kept() {
    const [row] = await w.t.district.db.select({ drafts: entryCounts.drafts, submitted: entryCounts.submitted, shortlisted: entryCounts.shortlisted }).from(entryCounts).where(eq(entryCounts.challengeId, call.id))
    return row ?? { drafts: 0, submitted: 0, shortlisted: 0 }
  }
  /** The funnel's numbers as the sponsor's dashboard says them. */
  async function funnel(): Promise<string> {
    const res = await (await w.as(w.sponsorAdmin)).get(`/challenges/${call.slug}/manage`)
    expect(res.status).toBe(200)
    const html = await res.text()
    return `${/<desc id="funnel-desc">([^<]*)<\/desc>/.exec(html)?.[1]} | ${/<p>(Borradores[^<]*)<\/p>/.exec(html)?.[1]}`
  }

  it('follows entries started, handed in, shortlisted, withdrawn and deleted', async () => {
    const db = w.t.district.db
    expect(await kept()).toEqual({ drafts: 0, submitted: 0, shortlisted: 0 })
    const a = await w.submitEntry(call.slug, w.leadA, w.startupA.id, 'Propuesta A')
    const b = await w.submitEntry(call.slug, w.leadB, w.startupB.id, 'Propuesta B')
    const draft = await (await w.as(w.outsider)).post(`/challenges/${call.slug}/submit`, { title: 'Borrador de Olga', organization: 'individual' })
    expect(draft.status).toBe(303)
    expect(await kept()).toEqual({ drafts: 1, submitted: 2, shortlisted: 0 })
    expect(await kept()).toEqual(await counted())
    expect(await funnel()).toMatch(/Propuestas: 2; Preseleccionadas: 0;.*\| Borradores en preparación: 1$/)

    await db.update(submissions).set({ round: 2 }).where(eq(submissions.id, a))
    expect(await kept()).toEqual({ drafts: 1, submitted: 2, shortlisted: 1 })
    const withdrawn = await (await w.as(w.leadB)).post(`/challenges/${call.slug}/submissions/${b}/withdraw`, { reason: '' })
    expect(withdrawn.status).toBe(303)
    expect(await kept()).toEqual({ drafts: 1, submitted: 1, shortlisted: 1 })
    expect(await funnel()).toMatch(/Propuestas: 1; Preseleccionadas: 1;.*\| Borradores en preparación: 1$/)

    await db.delete(submissions).where(eq(submissions.id, a))
    expect(await kept()).toEqual({ drafts: 1, submitted: 0, shortlisted: 0 })
    expect(await kept()).toEqual(await counted())
  })

  it('names the lead of an entry handed in without an organization, and the organization otherwise', async () => {
    await w.submitEntry(call.slug, w.memberA, 'individual', 'Propuesta individual')
    await w.submitEntry(call.slug, w.leadA, w.startupA.id, 'Propuesta de equipo')
    const html = await (await (await w.as(w.sponsorAdmin)).get(`/challenges/${call.slug}/entries`)).text()
    expect(html).toMatch(/Propuesta individual<\/a><\/td><td>Alba Integrante<\/td>/)
    expect(html).toMatch(/Propuesta de equipo<\/a><\/td><td>Agrosens<\/td>/)
  })
})
