import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq, sql } from 'drizzle-orm'
import { assignments, challenges, rounds, submissions } from '../src/schema.js'
import { DAY, challengeWorld, type ChallengeWorld } from './world.js'

/**
 * A judge's queue is read from the assignments' queue index: each assignment carries its entry's
 * submission time while the entry stands submitted, kept by triggers. The page must show what the
 * entries say, in the queue's order, whatever happens to them.
 */
describe('a judge’s queue across calls', () => {
  let w: ChallengeWorld
  const calls: { slug: string; id: string }[] = []
  const entries = new Map<string, string>()

  beforeAll(async () => {
    w = await challengeWorld()
    // Two calls judged by the same person; the one whose evaluation ends first comes first.
    for (const [title, endsInDays] of [['Agua: reto de cierre tardío', 48], ['Zafra: reto de cierre pronto', 42]] as const) {
      const call = await w.createChallenge({ title, evaluationEndsOn: new Date(Date.now() + endsInDays * DAY).toISOString().slice(0, 10) })
      await w.publish(call.slug)
      calls.push(call)
    }
    const [late, soon] = calls as [{ slug: string; id: string }, { slug: string; id: string }]
    entries.set('late-a', await w.submitEntry(late.slug, w.leadA, w.startupA.id, 'Propuesta tardía A'))
    entries.set('soon-a', await w.submitEntry(soon.slug, w.leadA, w.startupA.id, 'Propuesta pronta A'))
    entries.set('soon-b', await w.submitEntry(soon.slug, w.leadB, w.startupB.id, 'Propuesta pronta B'))
    for (const call of calls) await w.startEvaluation(call, [w.judge1])
  })
  afterAll(() => w.t.close())

  /** The entries on the judge's queue page, in the order shown, with their status badge. */
  async function queuePage(page = 1): Promise<string[]> {
    const res = await (await w.as(w.judge1)).get(`/challenges/judging${page > 1 ? `?page=${page}` : ''}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    const ids = [...html.matchAll(/href="\/challenges\/[\w-]+\/evaluate\/([\w-]+)"/g)].map((m) => m[1]!)
    return ids.map((id) => [...entries].find(([, value]) => value === id)![0])
  }

  /** What every assignment's `queued_at` must be, from its entry. */
  async function queuedAtMismatches(): Promise<number> {
    const [row] = await w.t.district.db.all<{ n: number }>(sql`
      SELECT count(*) AS n FROM ${assignments} a JOIN ${submissions} s ON s.id = a.submission_id
      WHERE a.queued_at IS NOT (CASE WHEN s.status = 'submitted' THEN coalesce(s.submitted_at, 0) END)`)
    return row!.n
  }

  it('lists pending entries first, by the call whose evaluation ends first, then by when each was handed in', async () => {
    expect(await queuePage()).toEqual(['soon-a', 'soon-b', 'late-a'])
    expect(await queuedAtMismatches()).toBe(0)
  })

  it('moves a finished evaluation after the pending ones', async () => {
    await w.t.district.db.update(assignments).set({ status: 'done', total: 70 })
      .where(and(eq(assignments.submissionId, entries.get('soon-a')!), eq(assignments.judgeId, w.judge1.id)))
    expect(await queuePage()).toEqual(['soon-b', 'late-a', 'soon-a'])
  })

  it('drops an entry its team withdraws, and takes it back when it is handed in again', async () => {
    const soon = calls[1]!
    const withdrawn = await (await w.as(w.leadB)).post(`/challenges/${soon.slug}/submissions/${entries.get('soon-b')}/withdraw`, { reason: 'Nos retiramos.' })
    expect(withdrawn.status).toBe(303)
    expect(await queuePage()).toEqual(['late-a', 'soon-a'])
    expect(await queuedAtMismatches()).toBe(0)

    // Back to submitted, handed in later than the others: still the sooner call's, so still first.
    await w.t.district.db.update(submissions).set({ status: 'submitted', submittedAt: new Date(Date.now() + 1000) }).where(eq(submissions.id, entries.get('soon-b')!))
    expect(await queuePage()).toEqual(['soon-b', 'late-a', 'soon-a'])
    expect(await queuedAtMismatches()).toBe(0)
  })

  it('follows a call whose evaluation end moves, and keeps every assignment’s copy of it', async () => {
    const [late] = calls as [{ slug: string; id: string }]
    // The later call now ends first: its entry leads the pending ones.
    await w.t.district.db.update(challenges).set({ evaluationEndsAt: new Date(Date.now() + 30 * DAY) }).where(eq(challenges.id, late.id))
    expect(await queuePage()).toEqual(['late-a', 'soon-b', 'soon-a'])
    const [row] = await w.t.district.db.all<{ n: number }>(sql`
      SELECT count(*) AS n FROM ${assignments} a JOIN ${rounds} r ON r.id = a.round_id JOIN ${challenges} c ON c.id = r.challenge_id
      WHERE a.call_ends_at IS NOT c.evaluation_ends_at`)
    expect(row!.n).toBe(0)
  })
})
