import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm'
import { memberships, prepared, workflowItems } from '@distrito/core/db'
import { assignments, challengeOrganizations, challenges, judges, rounds, submissions, teamMembers } from '../schema.js'
import { UNLISTED_RANK } from './phases.js'
import { challengeState, challengeStateJoin, inState } from '../workflow.js'

/** The person's own lists: a judge's queue and "my challenges", each query built once. */

export const QUEUE_PAGE_SIZE = 50

const value = (name: string) => sql.placeholder(name)

/** A judge's queue, a page at a time (`userId`, `limit`, `offset`): built once, run on each view. */
export const judgeQueue = prepared((db) => {
  // The current rounds of the calls this person judges that are being judged, with what the queue
  // sorts by: a call's row (its long texts) is read once, not once per entry.
  const judged = db.$with('judged').as(
    db
      .select({
        roundId: sql<string>`${rounds.id}`.as('judged_round_id'),
        endsAt: sql<number | null>`${challenges.evaluationEndsAt}`.as('judged_ends_at'),
        challengeTitle: sql<string>`${challenges.title}`.as('judged_challenge_title'),
      })
      .from(judges)
      .innerJoin(challenges, eq(challenges.id, judges.challengeId))
      .innerJoin(rounds, and(eq(rounds.challengeId, challenges.id), eq(rounds.position, challenges.currentRound)))
      .where(and(eq(judges.userId, value('userId')), inState('evaluation')))
      // A LIMIT (one no one reaches) keeps SQLite from flattening this into the queue's join, which
      // would walk every entry the person ever judged instead of starting from these few rounds.
      .limit(1_000_000),
  )
  // The page is chosen on narrow rows (the entries' status and date from an index); only its
  // rows are then read whole. A judge with hundreds of entries no longer sorts their texts.
  const queue = db.$with('queue').as(
    db
      .select({
        roundId: assignments.roundId, submissionId: assignments.submissionId,
        status: sql<'pending' | 'done'>`${assignments.status}`.as('queue_status'),
        done: sql<number>`${assignments.status} = 'done'`.as('queue_done'),
        endsAt: sql<number | null>`${judged.endsAt}`.as('queue_ends_at'),
        challengeTitle: sql<string>`${judged.challengeTitle}`.as('queue_challenge_title'),
        submittedAt: sql<number | null>`${submissions.submittedAt}`.as('queue_submitted_at'),
      })
      .from(judged)
      .innerJoin(assignments, and(eq(assignments.judgeId, value('userId')), eq(assignments.roundId, judged.roundId)))
      .innerJoin(submissions, eq(submissions.id, assignments.submissionId))
      .where(and(inArray(assignments.status, ['pending', 'done']), eq(submissions.status, 'submitted')))
      .orderBy(sql`${assignments.status} = 'done'`, sql`${judged.endsAt}`, sql`${judged.challengeTitle}`, asc(submissions.submittedAt))
      .limit(value('limit'))
      .offset(value('offset')),
  )
  // Left joins keep the page's few rows as the outer loop.
  return db
    .with(judged, queue)
    .select({ slug: challenges.slug, challenge: challenges.title, blind: challenges.blindReview, evaluationEndsAt: challenges.evaluationEndsAt, round: rounds.name, submissionId: queue.submissionId, title: submissions.title, status: queue.status })
    .from(queue)
    .leftJoin(rounds, eq(rounds.id, queue.roundId))
    .leftJoin(challenges, eq(challenges.id, rounds.challengeId))
    .leftJoin(submissions, eq(submissions.id, queue.submissionId))
    .orderBy(sql`${queue.done}`, sql`${queue.endsAt}`, sql`${queue.challengeTitle}`, sql`${queue.submittedAt}`)
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
