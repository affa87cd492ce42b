import { type SQLWrapper, and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '@distrito/core'
import { listColumn, organizations, users } from '@distrito/core/db'
import { awards, challenges, milestones, submissions, votes } from '../schema.js'
import { challengeState } from '../workflow.js'
import { type FoundChallenge, challengeFinderWith } from './find-challenge.js'
import { RESULTS_STATES, inStates } from './phases.js'

// What a call's results page shows to everyone once results are out: its awards, each awarded
// pilot's progress and, with a public vote, the ten most voted entries.

const awardsSelect = (db: Executor, challengeId: SQLWrapper) =>
  db.select({ id: awards.id, rewardKind: awards.rewardKind, description: awards.description, amount: awards.amount, submissionId: submissions.id, title: submissions.title, organization: organizations.name, organizationSlug: organizations.slug, lead: users.name })
    .from(awards).innerJoin(submissions, eq(submissions.id, awards.submissionId)).leftJoin(organizations, eq(organizations.id, submissions.organizationId)).leftJoin(users, eq(users.id, submissions.leadId))
    .where(eq(awards.challengeId, challengeId)).orderBy(asc(awards.createdAt))

const milestonesSelect = (db: Executor, challengeId: SQLWrapper) =>
  db.select({ submissionId: milestones.submissionId, total: sql<number>`count(*)`, done: sql<number>`count(${milestones.doneAt})` })
    .from(milestones).innerJoin(submissions, eq(submissions.id, milestones.submissionId))
    .where(eq(submissions.challengeId, challengeId)).groupBy(milestones.submissionId)

// Counted only where it is shown: the read challenge has a public vote and its results are out.
const tallySelect = (db: Executor, challengeId: SQLWrapper) =>
  db.select({ submissionId: votes.submissionId, title: submissions.title, count: sql<number>`count(*)` }).from(votes).innerJoin(submissions, eq(submissions.id, votes.submissionId))
    .where(and(eq(votes.challengeId, challengeId), eq(challenges.publicVote, true), inArray(challengeState, [...RESULTS_STATES])))
    .groupBy(votes.submissionId).orderBy(sql`count(*) DESC`).limit(10)

type Award = Awaited<ReturnType<typeof awardsSelect>>[number]
type Progress = Awaited<ReturnType<typeof milestonesSelect>>[number]
type Tally = Awaited<ReturnType<typeof tallySelect>>[number]

export interface ResultsData {
  given: Award[]
  /** Each awarded pilot's milestones, done and in all, by entry. */
  pilots: Map<string, Progress>
  tally: Tally[]
}

const resultsOf = (given: Award[], progress: Progress[], tally: Tally[]): ResultsData => ({ given, pilots: new Map(progress.map((p) => [p.submissionId, p])), tally })

/** Until results are out they are the people running the call's; the page and its finder both ask this. */
export function resultsShownTo(found: Pick<FoundChallenge, 'access' | 'state'>): boolean {
  return found.access.staff || inStates(RESULTS_STATES, found.state)
}

/**
 * A call's challenge with its results, in the one statement that finds it and checks who may see
 * it. The tally is counted only where it is shown: a public vote whose results are out.
 */
export const challengeWithResults = challengeFinderWith(
  (db) => ({
    given: listColumn(awardsSelect(db, challenges.id)),
    progress: listColumn(milestonesSelect(db, challenges.id)),
    tally: listColumn(tallySelect(db, challenges.id)),
  }),
  // Anyone the results are not shown to gets none (the page is then a 404).
  ({ given, progress, tally }, found) => (resultsShownTo(found) ? resultsOf(given, progress, tally) : resultsOf([], [], [])),
)
