import { randomUUID } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import type { CoreServices, Transaction } from '@distrito/core'
import { awarded } from '../events.js'
import { RESULTS_STATES, inStates } from './phases.js'
import { type Challenge, type RewardKind, awards, submissions, teamMembers, teamOrganizations } from '../schema.js'
import { SUBMISSION_SUBJECT } from './submission-service.js'

type Award = typeof awards.$inferSelect

/** Tells the team and the district: the `challenges.awarded` event, for other programs to act on. */
async function announce(tx: Transaction, services: CoreServices, challenge: Challenge, list: readonly Award[]) {
  if (!list.length) return
  const ids = [...new Set(list.map((a) => a.submissionId))]
  const [entries, team, orgs] = await Promise.all([
    tx.select({ id: submissions.id, title: submissions.title, leadId: submissions.leadId, organizationId: submissions.organizationId }).from(submissions).where(inArray(submissions.id, ids)),
    tx.select({ submissionId: teamMembers.submissionId, userId: teamMembers.userId }).from(teamMembers).where(inArray(teamMembers.submissionId, ids)),
    tx.select({ submissionId: teamOrganizations.submissionId, organizationId: teamOrganizations.organizationId }).from(teamOrganizations).where(inArray(teamOrganizations.submissionId, ids)),
  ])
  for (const award of list) {
    const entry = entries.find((e) => e.id === award.submissionId)!
    const organizationIds = [...new Set([entry.organizationId, ...orgs.filter((o) => o.submissionId === entry.id).map((o) => o.organizationId)].filter((x): x is string => Boolean(x)))]
    await services.events.publish(tx, awarded, {
      awardId: award.id, challengeId: challenge.id, challengeTitle: challenge.title, sponsorId: challenge.sponsorId, submissionId: entry.id, submissionTitle: entry.title,
      leadId: entry.leadId, organizationIds, rewardKind: award.rewardKind, amount: award.amount, currency: challenge.currency,
    })
    await services.notify(tx, { kind: 'challenges.results', to: { users: team.filter((m) => m.submissionId === entry.id).map((m) => m.userId) }, message: 'challenges.notice.awarded', params: { item: challenge.title, award: award.description }, href: `/challenges/${challenge.slug}/results`, actorId: award.createdBy })
  }
}

/**
 * Gives an award. While the evaluation runs it stays private to the people running the challenge;
 * once results are out it is announced at once.
 */
export async function giveAward(tx: Transaction, services: CoreServices, challenge: Challenge, state: string, input: { submissionId: string; rewardKind: RewardKind; description: string; amount: number | null }, actorId: string): Promise<boolean> {
  const [entry] = await tx.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.id, input.submissionId), eq(submissions.challengeId, challenge.id), eq(submissions.status, 'submitted')))
  if (!entry) return false
  const [award] = await tx.insert(awards).values({ id: randomUUID(), challengeId: challenge.id, createdBy: actorId, ...input }).returning()
  await services.audit.record(tx, { actorId, action: 'challenges.award.create', subject: { type: SUBMISSION_SUBJECT, id: input.submissionId }, organizationId: challenge.sponsorId, note: input.description })
  if (inStates(RESULTS_STATES, state)) await announce(tx, services, challenge, [award!])
  return true
}

/** Publishing results: every award is announced and every team hears that its feedback is ready. */
export async function publishResults(tx: Transaction, services: CoreServices, challenge: Challenge) {
  const list = await tx.select().from(awards).where(eq(awards.challengeId, challenge.id))
  await announce(tx, services, challenge, list)
  const team = await tx.select({ userId: teamMembers.userId }).from(teamMembers).innerJoin(submissions, eq(submissions.id, teamMembers.submissionId))
    .where(and(eq(submissions.challengeId, challenge.id), eq(submissions.status, 'submitted')))
  await services.notify(tx, { kind: 'challenges.results', to: { users: [...new Set(team.map((m) => m.userId))] }, message: 'challenges.notice.feedback', params: { item: challenge.title }, href: `/challenges/${challenge.slug}/results`, actorId: null })
}
