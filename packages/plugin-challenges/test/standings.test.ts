import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq, sql } from 'drizzle-orm'
import { judgeProgress, standings } from '../src/domain/evaluation.js'
import { assignments, rounds, submissions } from '../src/schema.js'
import { challengeWorld, type ChallengeWorld } from './world.js'

/**
 * The standings are kept by triggers on the assignments; whatever changes them, they must say what
 * grouping the assignments says.
 */
describe('standings and judges’ loads kept with the assignments', () => {
  let w: ChallengeWorld
  let challengeId: string
  let round: typeof rounds.$inferSelect
  beforeAll(async () => {
    w = await challengeWorld()
    const challenge = await w.createChallenge({ title: 'Reto de posiciones' })
    challengeId = challenge.id
    await w.publish(challenge.slug)
    await w.t.district.db.insert(submissions).values(['a', 'b', 'c'].map((k) => ({
      id: `entry-${k}`, challengeId, leadId: w.outsider.id, title: `Propuesta ${k}`, status: 'submitted' as const, submittedAt: new Date(), receipt: `RT-POS-${k}`,
    })))
    await w.startEvaluation(challenge, [w.judge1, w.judge2], { assign: false })
    round = (await w.t.district.db.select().from(rounds).where(eq(rounds.challengeId, challengeId)))[0]!
  })
  afterAll(() => w.t.close())

  /** What the standings must be: the assignments grouped, as the page computed them before. */
  async function grouped(of = round) {
    const rows = await w.t.district.db.all<{ id: string; assigned: number; done: number; mean: number | null; spread: number | null }>(sql`
      SELECT s.id,
        count(a.judge_id) FILTER (WHERE a.status != 'recused') AS assigned,
        count(a.judge_id) FILTER (WHERE a.status = 'done') AS done,
        round(avg(a.total) FILTER (WHERE a.status = 'done'), 1) AS mean,
        round(max(a.total) FILTER (WHERE a.status = 'done') - min(a.total) FILTER (WHERE a.status = 'done'), 1) AS spread
      FROM ${submissions} s LEFT JOIN ${assignments} a ON a.submission_id = s.id AND a.round_id = ${of.id}
      WHERE s.challenge_id = ${challengeId} AND s.status = 'submitted' AND s.round >= ${of.position}
      GROUP BY s.id ORDER BY mean IS NULL, mean DESC, s.id`)
    return rows.map((r) => ({ id: r.id, assigned: r.assigned, done: r.done, mean: r.mean }))
  }
  async function shown(of = round) {
    return (await standings(w.t.district.db, of)).map((s) => ({ id: s.submissionId, assigned: s.assigned, done: s.done, mean: s.mean }))
  }
  /** What the judges' loads must be: their assignments of the round counted, as the page did before. */
  async function countedLoads() {
    return w.t.district.db.all<{ user_id: string; assigned: number; done: number; recused: number }>(sql`
      SELECT j.user_id,
        count(a.judge_id) FILTER (WHERE a.status != 'recused') AS assigned,
        count(a.judge_id) FILTER (WHERE a.status = 'done') AS done,
        count(a.judge_id) FILTER (WHERE a.status = 'recused') AS recused
      FROM challenges_judges j JOIN core_users u ON u.id = j.user_id
      LEFT JOIN ${assignments} a ON a.judge_id = j.user_id AND a.round_id = ${round.id}
      WHERE j.challenge_id = ${challengeId} GROUP BY j.user_id ORDER BY u.name`)
  }
  async function keptLoads() {
    return (await judgeProgress(w.t.district.db, challengeId, round.id)).map(({ user_id, assigned, done, recused }) => ({ user_id, assigned, done, recused }))
  }
  const assignment = (submissionId: string, judgeId: string) => and(eq(assignments.roundId, round.id), eq(assignments.submissionId, submissionId), eq(assignments.judgeId, judgeId))

  it('follows assignments, finished evaluations, recusals and removals', async () => {
    const db = w.t.district.db
    await db.insert(assignments).values([
      { roundId: round.id, submissionId: 'entry-a', judgeId: w.judge1.id },
      { roundId: round.id, submissionId: 'entry-a', judgeId: w.judge2.id },
      { roundId: round.id, submissionId: 'entry-b', judgeId: w.judge1.id },
      { roundId: round.id, submissionId: 'entry-c', judgeId: w.judge2.id },
    ])
    expect(await shown()).toEqual(await grouped())
    expect((await shown()).map((s) => s.assigned)).toEqual([2, 1, 1])
    expect(await keptLoads()).toEqual(await countedLoads())
    expect((await keptLoads()).map((l) => l.assigned)).toEqual([2, 2])

    await db.update(assignments).set({ status: 'done', total: 80 }).where(assignment('entry-a', w.judge1.id))
    await db.update(assignments).set({ status: 'done', total: 50 }).where(assignment('entry-a', w.judge2.id))
    await db.update(assignments).set({ status: 'done', total: 90 }).where(assignment('entry-c', w.judge2.id))
    expect(await shown()).toEqual(await grouped())
    expect(await keptLoads()).toEqual(await countedLoads())
    const [first, second] = await standings(db, round)
    expect([first!.submissionId, first!.mean, second!.submissionId, second!.mean, second!.spread, second!.disagreement]).toEqual(['entry-c', 90, 'entry-a', 65, 30, true])

    await db.update(assignments).set({ status: 'recused', total: null }).where(assignment('entry-c', w.judge2.id))
    await db.delete(assignments).where(assignment('entry-a', w.judge2.id))
    expect(await shown()).toEqual(await grouped())
    expect((await shown())[0]).toEqual({ id: 'entry-a', assigned: 1, done: 1, mean: 80 })
    expect(await keptLoads()).toEqual(await countedLoads())
    expect((await keptLoads()).find((l) => l.user_id === w.judge2.id)).toEqual({ user_id: w.judge2.id, assigned: 0, done: 0, recused: 1 })
  })

  it('ranks every entry that reached the round, judged or not, as entries come, go and move on', async () => {
    const db = w.t.district.db
    // A new entry, not yet judged: ranked last. Its team withdraws it, then hands it in again.
    await db.insert(submissions).values({ id: 'entry-d', challengeId, leadId: w.outsider.id, title: 'Propuesta d', status: 'draft', receipt: 'RT-POS-d' })
    expect((await shown()).map((s) => s.id)).not.toContain('entry-d')
    await db.update(submissions).set({ status: 'submitted', submittedAt: new Date() }).where(eq(submissions.id, 'entry-d'))
    expect(await shown()).toEqual(await grouped())
    expect((await shown()).at(-1)).toEqual({ id: 'entry-d', assigned: 0, done: 0, mean: null })
    await db.update(submissions).set({ status: 'withdrawn' }).where(eq(submissions.id, 'entry-d'))
    expect((await shown()).map((s) => s.id)).not.toContain('entry-d')
    expect(await shown()).toEqual(await grouped())

    // A judge assigned and then taken away: the entry stays ranked, unjudged.
    await db.update(submissions).set({ status: 'submitted' }).where(eq(submissions.id, 'entry-d'))
    await db.insert(assignments).values({ roundId: round.id, submissionId: 'entry-d', judgeId: w.judge1.id })
    expect(await shown()).toEqual(await grouped())
    await db.delete(assignments).where(assignment('entry-d', w.judge1.id))
    expect((await shown()).find((s) => s.id === 'entry-d')).toEqual({ id: 'entry-d', assigned: 0, done: 0, mean: null })
    expect(await shown()).toEqual(await grouped())

    // A second round: the shortlisted entry reaches it and is still ranked in the first.
    const [second] = await db.insert(rounds).values({ id: 'round-pos-2', challengeId, position: 2, name: 'Pitch' }).returning()
    expect(await shown(second)).toEqual([])
    await db.update(submissions).set({ round: 2 }).where(eq(submissions.id, 'entry-c'))
    expect(await shown(second)).toEqual([{ id: 'entry-c', assigned: 0, done: 0, mean: null }])
    expect(await shown(second)).toEqual(await grouped(second))
    expect(await shown()).toEqual(await grouped())
    // The rounds swapped: only what reaches a round is ranked in it.
    await db.update(rounds).set({ position: 3 }).where(eq(rounds.id, second!.id))
    expect(await shown({ ...second!, position: 3 })).toEqual([])
    expect(await shown({ ...second!, position: 3 })).toEqual(await grouped({ ...second!, position: 3 }))
    await db.update(rounds).set({ position: 2 }).where(eq(rounds.id, second!.id))
    expect(await shown(second)).toEqual(await grouped(second))
    // A round made again after entries reached it ranks them at once.
    await db.delete(rounds).where(eq(rounds.id, second!.id))
    const [again] = await db.insert(rounds).values({ id: 'round-pos-2b', challengeId, position: 2, name: 'Pitch' }).returning()
    expect(await shown(again)).toEqual([{ id: 'entry-c', assigned: 0, done: 0, mean: null }])
  })

  it('lets an entry with standings be deleted', async () => {
    await w.t.district.db.delete(submissions).where(eq(submissions.id, 'entry-b'))
    expect((await shown()).map((s) => s.id)).toEqual(['entry-a', 'entry-c', 'entry-d'])
    expect(await shown()).toEqual(await grouped())
    expect(await keptLoads()).toEqual(await countedLoads())
  })
})
