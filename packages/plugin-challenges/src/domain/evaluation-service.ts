import { randomUUID } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { CoreServices, Transaction } from '@distrito/core'
import { assignments, type Challenge, challenges, criteria, judges, type Round, rounds, scores, submissions, teamMembers } from '../schema.js'
import { CHALLENGE_SUBJECT } from '../workflow.js'
import { conflictsOf, planAssignments, type RoundWithCriteria, weightedTotal } from './evaluation.js'
import { SUBMISSION_SUBJECT } from './submission-service.js'

const audit = (services: CoreServices, tx: Transaction, challenge: Challenge, actorId: string, verb: string, note: string | null = null) =>
  services.audit.record(tx, { actorId, action: `challenges.evaluation.${verb}`, subject: { type: CHALLENGE_SUBJECT, id: challenge.id }, organizationId: challenge.sponsorId, note })

/** Replaces a round's rubric; refused (false) once a judge has scored in that round. */
export async function saveRubric(tx: Transaction, services: CoreServices, challenge: Challenge, round: Round, input: { scaleMax: number; judgesPerSubmission: number; criteria: { name: string; description: string; weight: number }[] }, actorId: string): Promise<boolean> {
  const [scored] = await tx.select({ r: scores.roundId }).from(scores).where(eq(scores.roundId, round.id)).limit(1)
  if (scored) return false
  await tx.update(rounds).set({ scaleMax: input.scaleMax, judgesPerSubmission: input.judgesPerSubmission }).where(eq(rounds.id, round.id))
  await tx.delete(criteria).where(eq(criteria.roundId, round.id))
  await tx.insert(criteria).values(input.criteria.map((c, i) => ({ id: randomUUID(), roundId: round.id, position: i + 1, ...c })))
  await audit(services, tx, challenge, actorId, 'rubric', `${round.name}: ${input.criteria.map((c) => `${c.name} ${c.weight}%`).join(', ')}`)
  return true
}

/** Adds a round after the last one; returns its position. */
export async function addRound(tx: Transaction, challengeId: string, name: string): Promise<number> {
  const [row] = await tx.all<{ last: number | null }>(sql`SELECT max(${rounds.position}) AS last FROM ${rounds} WHERE ${rounds.challengeId} = ${challengeId}`)
  const position = (row?.last ?? 0) + 1
  await tx.insert(rounds).values({ id: randomUUID(), challengeId, position, name })
  return position
}

/**
 * Assigns judges to every entry of the round that still needs them, balancing the load and never
 * pairing a judge with a team they belong to. Judges are told what is waiting for them.
 */
export async function assignRound(tx: Transaction, services: CoreServices, challenge: Challenge, round: Round, actorId: string) {
  const [entries, panel, existing, conflicts] = await Promise.all([
    tx.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.challengeId, challenge.id), eq(submissions.status, 'submitted'), sql`${submissions.round} >= ${round.position}`)).orderBy(submissions.submittedAt),
    tx.select({ id: judges.userId }).from(judges).where(eq(judges.challengeId, challenge.id)),
    tx.select({ submissionId: assignments.submissionId, judgeId: assignments.judgeId, status: assignments.status }).from(assignments).where(eq(assignments.roundId, round.id)),
    conflictsOf(tx, challenge.id),
  ])
  const plan = planAssignments({ submissionIds: entries.map((e) => e.id), judgeIds: panel.map((j) => j.id), existing, conflicts, perSubmission: round.judgesPerSubmission })
  if (plan.pairs.length) {
    await tx.insert(assignments).values(plan.pairs.map((p) => ({ roundId: round.id, ...p })))
    const judgesTold = [...new Set(plan.pairs.map((p) => p.judgeId))]
    await services.notify(tx, { kind: 'challenges.judging', to: { users: judgesTold }, message: 'challenges.notice.assigned', params: { item: challenge.title, round: round.name }, href: '/challenges/judging', actorId })
  }
  await audit(services, tx, challenge, actorId, 'assign', `${round.name}: ${plan.pairs.length}`)
  return plan
}

/** A judge's evaluation, scored criterion by criterion; saving again revises it while the round lasts. */
export async function saveEvaluation(tx: Transaction, round: RoundWithCriteria, submissionId: string, judgeId: string, input: { comment: string; scores: Map<string, { score: number; comment: string }> }) {
  const total = weightedTotal(new Map([...input.scores].map(([k, v]) => [k, v.score])), round.criteria, round.scaleMax)
  for (const [criterionId, s] of input.scores) {
    await tx.insert(scores).values({ roundId: round.id, submissionId, judgeId, criterionId, score: s.score, comment: s.comment })
      .onConflictDoUpdate({ target: [scores.roundId, scores.submissionId, scores.judgeId, scores.criterionId], set: { score: s.score, comment: s.comment } })
  }
  await tx.update(assignments).set({ status: 'done', total, comment: input.comment, doneAt: new Date() })
    .where(and(eq(assignments.roundId, round.id), eq(assignments.submissionId, submissionId), eq(assignments.judgeId, judgeId)))
  return total
}

/** A judge steps aside from one entry, saying why; the sponsor can assign someone else. */
export async function recuse(tx: Transaction, services: CoreServices, challenge: Challenge, round: Round, submissionId: string, judgeId: string, reason: string) {
  await tx.delete(scores).where(and(eq(scores.roundId, round.id), eq(scores.submissionId, submissionId), eq(scores.judgeId, judgeId)))
  await tx.update(assignments).set({ status: 'recused', recusalReason: reason, total: null, doneAt: null })
    .where(and(eq(assignments.roundId, round.id), eq(assignments.submissionId, submissionId), eq(assignments.judgeId, judgeId)))
  await services.audit.record(tx, { actorId: judgeId, action: 'challenges.evaluation.recuse', subject: { type: SUBMISSION_SUBJECT, id: submissionId }, organizationId: challenge.sponsorId, note: reason })
  await services.notify(tx, { kind: 'challenges.judging', to: { organization: { id: challenge.sponsorId, minRole: 'admin' } }, message: 'challenges.notice.recused', params: { item: challenge.title }, href: `/challenges/${challenge.slug}/evaluation`, actorId: judgeId })
}

/** Moves the chosen entries to the next round; the others stay where they were. Teams are told. */
export async function shortlist(tx: Transaction, services: CoreServices, challenge: Challenge, next: Round, submissionIds: readonly string[], actorId: string) {
  const moved = await tx.update(submissions).set({ round: next.position })
    .where(and(eq(submissions.challengeId, challenge.id), eq(submissions.status, 'submitted'), inArray(submissions.id, [...submissionIds]), eq(submissions.round, challenge.currentRound)))
    .returning({ id: submissions.id })
  await tx.update(challenges).set({ currentRound: next.position }).where(eq(challenges.id, challenge.id))
  const team = moved.length ? await tx.select({ userId: teamMembers.userId, submissionId: teamMembers.submissionId }).from(teamMembers).where(inArray(teamMembers.submissionId, moved.map((m) => m.id))) : []
  for (const m of moved) {
    await services.notify(tx, { kind: 'challenges.results', to: { users: team.filter((x) => x.submissionId === m.id).map((x) => x.userId) }, message: 'challenges.notice.shortlisted', params: { item: challenge.title, round: next.name }, href: `/challenges/${challenge.slug}/submissions/${m.id}`, actorId })
  }
  await audit(services, tx, challenge, actorId, 'shortlist', `${next.name}: ${moved.length}`)
  return moved.length
}
