import type { Context } from 'hono'
import { httpError, type DistritoEnv, type SubjectAccess } from '@distrito/core'
import type { Database } from '@distrito/core/db'
import { findChallengeBySlug, type FoundChallenge } from '../domain/find-challenge.js'

export type LoadedChallenge = FoundChallenge

type Finder<Found extends FoundChallenge> = (db: Database, slug: string, who: SubjectAccess) => Promise<Found | undefined>

/** The challenge of a page; one the person may not see is a 404, as if it did not exist. */
export function loadChallengePage(c: Context<DistritoEnv>, slug?: string): Promise<LoadedChallenge> {
  return loadChallengePageWith(c, findChallengeBySlug, slug)
}

/** The same through a finder that also reads the page's own lists or numbers (see `challengeFinderWith`). */
export async function loadChallengePageWith<Found extends FoundChallenge>(c: Context<DistritoEnv>, find: Finder<Found>, slug = c.req.param('slug') ?? ''): Promise<Found> {
  const found = await find(c.get('db'), slug, { auth: c.get('auth'), can: c.get('can') })
  if (!found?.access.canView) httpError(404)
  return found
}

/** The same, for pages only the people running the challenge may use (others get a 404 or 403). */
export function loadForStaff(c: Context<DistritoEnv>): Promise<LoadedChallenge> {
  return loadForStaffWith(c, findChallengeBySlug)
}

/** The same through a finder that also reads the page's own lists or numbers. */
export async function loadForStaffWith<Found extends FoundChallenge>(c: Context<DistritoEnv>, find: Finder<Found>): Promise<Found> {
  const loaded = await loadChallengePageWith(c, find)
  if (!loaded.access.staff) httpError(403)
  return loaded
}
