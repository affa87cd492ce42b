import type { Context } from 'hono'
import { and, eq, sql } from 'drizzle-orm'
import { httpError, type DistritoEnv } from '@distrito/core'
import { organizations, workflowItems } from '@distrito/core/db'
import { challengeAccess, type ChallengeAccess } from '../domain/access.js'
import type { ChallengeState } from '../domain/phases.js'
import { type Challenge, challenges } from '../schema.js'
import { CHALLENGE_WORKFLOW } from '../workflow.js'

export interface LoadedChallenge {
  challenge: Challenge
  state: ChallengeState
  sponsor: { id: string; slug: string; name: string; kind: string }
  access: ChallengeAccess
}

/**
 * The challenge of a page with its state, its sponsor and what the person is to it, in three
 * queries; a challenge the person may not see is a 404, as if it did not exist.
 */
export async function loadChallengePage(c: Context<DistritoEnv>, slug = c.req.param('slug') ?? ''): Promise<LoadedChallenge> {
  const { db, auth, can } = c.var
  const [row] = await db
    .select({ challenge: challenges, state: sql<string>`coalesce(${workflowItems.state}, 'draft')`, sponsor: { id: organizations.id, slug: organizations.slug, name: organizations.name, kind: organizations.kind } })
    .from(challenges)
    .innerJoin(organizations, eq(organizations.id, challenges.sponsorId))
    .leftJoin(workflowItems, and(eq(workflowItems.workflow, CHALLENGE_WORKFLOW), eq(workflowItems.itemId, challenges.id)))
    .where(eq(challenges.slug, slug))
  if (!row) httpError(404)
  const state = row.state as ChallengeState
  const access = await challengeAccess(db, row.challenge, state, { auth, can })
  if (!access.canView) httpError(404)
  return { challenge: row.challenge, state, sponsor: row.sponsor, access }
}

/** The same, for pages only the people running the challenge may use (others get a 404 or 403). */
export async function loadForStaff(c: Context<DistritoEnv>): Promise<LoadedChallenge> {
  const loaded = await loadChallengePage(c)
  if (!loaded.access.staff) httpError(403)
  return loaded
}
