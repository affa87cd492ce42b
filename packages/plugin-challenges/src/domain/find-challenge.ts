import { eq, sql, type SQL } from 'drizzle-orm'
import type { Executor, SubjectAccess } from '@distrito/core'
import { type Database, organizations, prepared, workflowItems } from '@distrito/core/db'
import { type Challenge, challenges } from '../schema.js'
import { challengeState, challengeStateJoin } from '../workflow.js'
import { challengeAccess, type ChallengeAccess } from './access.js'
import type { ChallengeState } from './phases.js'

export interface FoundChallenge {
  challenge: Challenge
  state: ChallengeState
  sponsor: { id: string; slug: string; name: string; kind: string }
  access: ChallengeAccess
}

function challengeWithState(db: Executor) {
  return db
    .select({ challenge: challenges, state: challengeState, sponsor: { id: organizations.id, slug: organizations.slug, name: organizations.name, kind: organizations.kind } })
    .from(challenges)
    .innerJoin(organizations, eq(organizations.id, challenges.sponsorId))
    .leftJoin(workflowItems, challengeStateJoin)
}

type ChallengeRow = Awaited<ReturnType<ReturnType<typeof challengeWithState>['where']>>[number]

// Every page of a challenge starts here: the query is built once (see the core's `prepared`).
const challengeBySlug = prepared((db) => challengeWithState(db).where(eq(challenges.slug, sql.placeholder('slug'))).prepare())

async function found(db: Executor, row: ChallengeRow | undefined, who: SubjectAccess): Promise<FoundChallenge | undefined> {
  if (!row) return undefined
  const state = row.state as ChallengeState
  return { challenge: row.challenge, state, sponsor: row.sponsor, access: await challengeAccess(db, row.challenge, state, who) }
}

/**
 * A challenge with its state, its sponsor and what the person is to it, in three queries; pages
 * and the subject's `canView` both ask this way, so they always agree.
 */
export async function findChallenge(db: Executor, where: SQL, who: SubjectAccess): Promise<FoundChallenge | undefined> {
  const [row] = await challengeWithState(db).where(where)
  return found(db, row, who)
}

/** The same by slug, for pages (outside any transaction). */
export async function findChallengeBySlug(db: Database, slug: string, who: SubjectAccess): Promise<FoundChallenge | undefined> {
  const [row] = await challengeBySlug(db).all({ slug })
  return found(db, row, who)
}
