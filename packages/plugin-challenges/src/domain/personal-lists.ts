import { and, asc, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm'
import { memberships, prepared, workflowItems } from '@distrito/core/db'
import { assignments, challengeOrganizations, challenges, judges, rounds, submissions, teamMembers } from '../schema.js'
import { UNLISTED_RANK } from './phases.js'
import { challengeState, challengeStateJoin, inState } from '../workflow.js'

/** The person's own lists: a judge's queue and "my challenges", each query built once. */

export const QUEUE_PAGE_SIZE = 50

const value = (name: string) => sql.placeholder(name)

/** A judge's queue, a page at a time (`userId`, `limit`, `offset`): built once, run on each view. */
export const judgeQueue = prepared((db) => {
  // The current rounds of the calls this person judges that are being judged, numbered in the
  // order the queue shows them: a call's row (its long texts) is read once, not once per entry.
  const judged = db.$with('judged').as(
    db
      .select({
        position: sql<number>`row_number() OVER (ORDER BY ${challenges.evaluationEndsAt}, ${challenges.title}, ${rounds.id})`.as('judged_position'),
        roundId: rounds.id, round: rounds.name,
        slug: challenges.slug, challenge: challenges.title, blind: challenges.blindReview, evaluationEndsAt: challenges.evaluationEndsAt,
      })
      .from(judges)
      .innerJoin(challenges, eq(challenges.id, judges.challengeId))
      .innerJoin(rounds, and(eq(rounds.challengeId, challenges.id), eq(rounds.position, challenges.currentRound)))
      .where(and(eq(judges.userId, value('userId')), inState('evaluation'))),
  )
  // The page is chosen from the assignments' queue index alone (status and the entry's submission
  // time, kept on each assignment): no entry is looked up until its row is on the page. The cross
  // join keeps the few rounds as the outer loop.
  const queue = db.$with('queue').as(
    db
      .select({
        done: sql<number>`${assignments.status} = 'done'`.as('queue_done'),
        position: sql<number>`${judged.position}`.as('queue_position'),
        roundId: assignments.roundId, submissionId: assignments.submissionId, status: assignments.status, queuedAt: assignments.queuedAt,
      })
      .from(judged)
      .crossJoin(assignments)
      .where(and(eq(assignments.judgeId, value('userId')), eq(assignments.roundId, judged.roundId), inArray(assignments.status, ['pending', 'done']), isNotNull(assignments.queuedAt)))
      .orderBy(sql`${assignments.status} = 'done'`, sql`${judged.position}`, asc(assignments.queuedAt), asc(assignments.submissionId))
      .limit(value('limit'))
      .offset(value('offset')),
  )
  return db
    .with(judged, queue)
    .select({ slug: judged.slug, challenge: judged.challenge, blind: judged.blind, evaluationEndsAt: judged.evaluationEndsAt, round: judged.round, submissionId: queue.submissionId, title: submissions.title, status: sql<'pending' | 'done'>`${queue.status}` })
    .from(queue)
    .innerJoin(judged, eq(judged.roundId, queue.roundId))
    .leftJoin(submissions, eq(submissions.id, queue.submissionId))
    .orderBy(sql`${queue.done}`, sql`${queue.position}`, queue.queuedAt, queue.submissionId)
    .prepare()
})

// "My challenges": the person's entries, the challenges of their organizations, their invitations.
export const myEntries = prepared((db) =>
  db.select({ id: submissions.id, title: submissions.title, status: submissions.status, slug: challenges.slug, challenge: challenges.title })
    .from(teamMembers).innerJoin(submissions, eq(submissions.id, teamMembers.submissionId)).innerJoin(challenges, eq(challenges.id, submissions.challengeId))
    .where(eq(teamMembers.userId, value('userId'))).orderBy(desc(submissions.updatedAt)).limit(100)
    .prepare(),
)
export const mySponsored = prepared((db) =>
  db.select({ slug: challenges.slug, title: challenges.title, state: challengeState })
    .from(challenges).innerJoin(memberships, and(eq(memberships.organizationId, challenges.sponsorId), eq(memberships.userId, value('userId'))))
    .leftJoin(workflowItems, challengeStateJoin).orderBy(desc(challenges.createdAt)).limit(100)
    .prepare(),
)
// From the person's organizations to their invitations: published is read from the challenge's
// catalogue rank, so the query never walks every published challenge.
export const myInvitations = prepared((db) =>
  db.selectDistinct({ slug: challenges.slug, title: challenges.title, state: challengeState, closesAt: challenges.closesAt })
    .from(memberships)
    .innerJoin(challengeOrganizations, and(eq(challengeOrganizations.organizationId, memberships.organizationId), eq(challengeOrganizations.relation, 'invited')))
    .innerJoin(challenges, eq(challenges.id, challengeOrganizations.challengeId))
    .leftJoin(workflowItems, challengeStateJoin)
    .where(and(eq(memberships.userId, value('userId')), lt(challenges.catalogueRank, UNLISTED_RANK)))
    .orderBy(desc(challenges.closesAt)).limit(100)
    .prepare(),
)
