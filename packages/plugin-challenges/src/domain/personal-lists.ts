import { and, asc, desc, eq, isNotNull, lt, ne, sql } from 'drizzle-orm'
import { listColumn, memberships, prepared, workflowItems } from '@distrito/core/db'
import { pageSizeParam } from '@distrito/core/ui'
import { assignments, challengeOrganizations, challenges, judges, rounds, submissions, teamMembers } from '../schema.js'
import { UNLISTED_RANK } from './phases.js'
import { challengeState, challengeStateJoin, inState } from '../workflow.js'

/** The person's own lists: a judge's queue and "my challenges", each query built once. */

/** Entries per page of a judge's queue (`per`); the first is the default. */
export const QUEUE_PAGE_SIZES = pageSizeParam([25, 50, 100])

const value = (name: string) => sql.placeholder(name)

/** A judge's queue, a page at a time (`userId`, `limit`, `offset`): built once, run on each view. */
export const judgeQueue = prepared((db) => {
  // The current rounds of the calls this person judges that are being judged: a few rows, each
  // call's texts read once, not once per entry.
  // DISTINCT changes nothing (one row a round) but keeps SQLite from flattening these rows into the
  // join, which would look up the call, its round, state and panel again for every assignment.
  const judged = db.$with('judged').as(
    db
      .selectDistinct({ roundId: rounds.id, round: rounds.name, slug: challenges.slug, challenge: challenges.title, blind: challenges.blindReview, evaluationEndsAt: challenges.evaluationEndsAt })
      .from(judges)
      .innerJoin(challenges, eq(challenges.id, judges.challengeId))
      .innerJoin(rounds, and(eq(rounds.challengeId, challenges.id), eq(rounds.position, challenges.currentRound)))
      .where(and(eq(judges.userId, value('userId')), inState('evaluation'))),
  )
  // The queue's order is its index's (migration 0008): pending before done ("pending" sorts after
  // "done", hence DESC), the call whose evaluation ends first, then by round, the entry handed in
  // first. The assignments are the outer loop (CROSS JOIN keeps them there), so the page is read
  // from the index in order and stops after its rows; an assignment of a call no longer being
  // judged is skipped on the way. Sorting the judge's 960 assignments cost 0.5 ms a view.
  return db
    .with(judged)
    .select({ slug: judged.slug, challenge: judged.challenge, blind: judged.blind, evaluationEndsAt: judged.evaluationEndsAt, round: judged.round, submissionId: assignments.submissionId, title: submissions.title, status: sql<'pending' | 'done'>`${assignments.status}` })
    .from(assignments)
    .crossJoin(judged)
    .leftJoin(submissions, eq(submissions.id, assignments.submissionId))
    .where(and(eq(assignments.judgeId, value('userId')), eq(assignments.roundId, judged.roundId), ne(assignments.status, 'recused'), isNotNull(assignments.queuedAt)))
    .orderBy(sql`${assignments.status} DESC`, asc(assignments.callEndsAt), asc(assignments.roundId), asc(assignments.queuedAt), asc(assignments.submissionId))
    .limit(value('limit'))
    .offset(value('offset'))
    .prepare()
})

// "My challenges": the person's entries, the challenges of their organizations, their invitations,
// as three lists of one statement (see the core's `listColumn`).
const userId = value('userId')
export const myChallenges = prepared((db) =>
  db.select({
    entries: listColumn(
      db.select({ id: submissions.id, title: submissions.title, status: submissions.status, slug: challenges.slug, challenge: challenges.title })
        .from(teamMembers).innerJoin(submissions, eq(submissions.id, teamMembers.submissionId)).innerJoin(challenges, eq(challenges.id, submissions.challengeId))
        .where(eq(teamMembers.userId, userId)).orderBy(desc(submissions.updatedAt)).limit(100),
    ),
    sponsored: listColumn(
      db.select({ slug: challenges.slug, title: challenges.title, state: challengeState })
        .from(challenges).innerJoin(memberships, and(eq(memberships.organizationId, challenges.sponsorId), eq(memberships.userId, userId)))
        .leftJoin(workflowItems, challengeStateJoin).orderBy(desc(challenges.createdAt)).limit(100),
    ),
    // From the person's organizations to their invitations: published is read from the challenge's
    // catalogue rank, so the query never walks every published challenge.
    invitations: listColumn(
      db.selectDistinct({ slug: challenges.slug, title: challenges.title, state: challengeState, closesAt: challenges.closesAt })
        .from(memberships)
        .innerJoin(challengeOrganizations, and(eq(challengeOrganizations.organizationId, memberships.organizationId), eq(challengeOrganizations.relation, 'invited')))
        .innerJoin(challenges, eq(challenges.id, challengeOrganizations.challengeId))
        .leftJoin(workflowItems, challengeStateJoin)
        .where(and(eq(memberships.userId, userId), lt(challenges.catalogueRank, UNLISTED_RANK)))
        .orderBy(desc(challenges.closesAt)).limit(100),
    ),
  }).from(sql`(SELECT 1)`).prepare(),
)
