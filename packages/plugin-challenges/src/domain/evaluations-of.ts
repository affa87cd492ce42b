import { asc, eq } from 'drizzle-orm'
import type { Executor } from '@distrito/core'
import { users } from '@distrito/core/db'
import { assignments, criteria, rounds, scores } from '../schema.js'

export interface JudgeEvaluation {
  round: string
  judge: string
  status: string
  total: number | null
  comment: string
  recusalReason: string | null
  scores: { criterion: string; weight: number; score: number; scaleMax: number; comment: string }[]
}

/** Every judge's evaluation of one entry, round by round, with their scores per criterion: two queries. */
export async function evaluationsOf(db: Executor, submissionId: string): Promise<JudgeEvaluation[]> {
  const [given, scored] = await Promise.all([
    db.select({ roundId: assignments.roundId, round: rounds.name, position: rounds.position, judgeId: assignments.judgeId, judge: users.name, status: assignments.status, total: assignments.total, comment: assignments.comment, recusalReason: assignments.recusalReason })
      .from(assignments).innerJoin(rounds, eq(rounds.id, assignments.roundId)).innerJoin(users, eq(users.id, assignments.judgeId))
      .where(eq(assignments.submissionId, submissionId)).orderBy(asc(rounds.position), asc(users.name)),
    db.select({ roundId: scores.roundId, judgeId: scores.judgeId, criterion: criteria.name, weight: criteria.weight, position: criteria.position, score: scores.score, scaleMax: rounds.scaleMax, comment: scores.comment })
      .from(scores).innerJoin(criteria, eq(criteria.id, scores.criterionId)).innerJoin(rounds, eq(rounds.id, scores.roundId))
      .where(eq(scores.submissionId, submissionId)).orderBy(asc(criteria.position)),
  ])
  return given.map((a) => ({
    round: a.round,
    judge: a.judge,
    status: a.status,
    total: a.total,
    comment: a.comment,
    recusalReason: a.recusalReason,
    scores: scored.filter((s) => s.roundId === a.roundId && s.judgeId === a.judgeId),
  }))
}
