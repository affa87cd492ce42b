import type { Context } from 'hono'
import { httpError, type DistritoEnv } from '@distrito/core'
import { findChallengeBySlug, type FoundChallenge } from '../domain/find-challenge.js'

export type LoadedChallenge = FoundChallenge

/** The challenge of a page; one the person may not see is a 404, as if it did not exist. */
export async function loadChallengePage(c: Context<DistritoEnv>, slug = c.req.param('slug') ?? ''): Promise<LoadedChallenge> {
  const found = await findChallengeBySlug(c.get('db'), slug, { auth: c.get('auth'), can: c.get('can') })
  if (!found?.access.canView) httpError(404)
  return found
}

/** The same, for pages only the people running the challenge may use (others get a 404 or 403). */
export async function loadForStaff(c: Context<DistritoEnv>): Promise<LoadedChallenge> {
  const loaded = await loadChallengePage(c)
  if (!loaded.access.staff) httpError(403)
  return loaded
}
