import { eq, type SQL } from 'drizzle-orm'
import type { Executor, SubjectAccess } from '@distrito/core'
import { organizations, workflowItems } from '@distrito/core/db'
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

/**
 * A challenge with its state, its sponsor and what the person is to it, in three queries; pages
 * and the subject's `canView` both ask this way, so they always agree.
 */
export async function findChallenge(db: Executor, where: SQL, who: SubjectAccess): Promise<FoundChallenge | undefined> {
  const [row] = await db
    .select({ challenge: challenges, state: challengeState, sponsor: { id: organizations.id, slug: organizations.slug, name: organizations.name, kind: organizations.kind } })
    .from(challenges)
    .innerJoin(organizations, eq(organizations.id, challenges.sponsorId))
    .leftJoin(workflowItems, challengeStateJoin)
    .where(where)
  if (!row) return undefined
  const state = row.state as ChallengeState
  return { challenge: row.challenge, state, sponsor: row.sponsor, access: await challengeAccess(db, row.challenge, state, who) }
}
