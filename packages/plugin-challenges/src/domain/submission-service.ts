import { randomBytes, randomUUID } from 'node:crypto'
import { and, eq, ne } from 'drizzle-orm'
import type { CoreServices, Transaction } from '@distrito/core'
import { submitted } from '../events.js'
import { type Challenge, type Submission, submissions, teamMembers, teamOrganizations } from '../schema.js'

export const SUBMISSION_SUBJECT = 'challenges.submission'

/** How many characters a receipt has after its `RT-`. */
export const RECEIPT_CODE_LENGTH = 8

/** A short code people can quote on the phone: no 0/O or 1/I to confuse. */
function receiptCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(RECEIPT_CODE_LENGTH)
  return `RT-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`
}

export async function createDraft(tx: Transaction, challenge: Challenge, input: { title: string; organizationId: string | null; ndaAccepted: boolean }, userId: string): Promise<string> {
  const id = randomUUID()
  await tx.insert(submissions).values({ id, challengeId: challenge.id, leadId: userId, organizationId: input.organizationId, title: input.title, ndaAcceptedAt: input.ndaAccepted ? new Date() : null })
  await tx.insert(teamMembers).values({ submissionId: id, userId, role: 'lead' })
  if (input.organizationId) await tx.insert(teamOrganizations).values({ submissionId: id, organizationId: input.organizationId })
  return id
}

/**
 * Hands the entry in: a receipt, the team told (in the app and by email), an audit entry and the
 * `challenges.submitted` event. The status moves only from draft, so a double click submits once.
 */
export async function submitEntry(tx: Transaction, services: CoreServices, challenge: Challenge, submission: Submission, userId: string): Promise<string | null> {
  const receipt = submission.receipt ?? receiptCode()
  const moved = await tx.update(submissions).set({ status: 'submitted', submittedAt: new Date(), receipt, updatedAt: new Date() })
    .where(and(eq(submissions.id, submission.id), eq(submissions.status, 'draft'))).returning({ id: submissions.id })
  if (!moved.length) return null
  const team = await tx.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.submissionId, submission.id))
  const href = `/challenges/${challenge.slug}/submissions/${submission.id}`
  // The person who pressed the button is told too: the notice carries their receipt.
  await services.notify(tx, { kind: 'challenges.receipt', to: { users: team.map((m) => m.userId) }, message: 'challenges.notice.receipt', params: { item: challenge.title, receipt, title: submission.title }, href, actorId: null })
  await services.audit.record(tx, { actorId: userId, action: 'challenges.submission.handedIn', subject: { type: SUBMISSION_SUBJECT, id: submission.id }, organizationId: submission.organizationId, note: receipt })
  await services.events.publish(tx, submitted, { challengeId: challenge.id, submissionId: submission.id, receipt })
  return receipt
}

export async function withdrawEntry(tx: Transaction, services: CoreServices, challenge: Challenge, submission: Submission, userId: string, reason: string | null): Promise<boolean> {
  const moved = await tx.update(submissions).set({ status: 'withdrawn', updatedAt: new Date() })
    .where(and(eq(submissions.id, submission.id), ne(submissions.status, 'withdrawn'))).returning({ id: submissions.id })
  if (!moved.length) return false
  const team = await tx.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.submissionId, submission.id))
  await services.notify(tx, { kind: 'challenges.receipt', to: { users: team.map((m) => m.userId) }, message: 'challenges.notice.withdrawn', params: { item: challenge.title, title: submission.title }, href: `/challenges/${challenge.slug}/submissions/${submission.id}`, actorId: userId })
  await services.audit.record(tx, { actorId: userId, action: 'challenges.submission.withdrawal', subject: { type: SUBMISSION_SUBJECT, id: submission.id }, organizationId: submission.organizationId, note: reason })
  return true
}
