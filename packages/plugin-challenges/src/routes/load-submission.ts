import type { Context } from 'hono'
import { httpError, type DistritoEnv, type SubjectAccess } from '@distrito/core'
import type { Database } from '@distrito/core/db'
import { type FoundSubmission, submissionFinderWith } from '../domain/find-submission.js'
import { phaseAllows } from '../domain/phases.js'

export type LoadedSubmission = FoundSubmission

type Finder<Found extends FoundSubmission> = (db: Database, slug: string, submissionId: string, who: SubjectAccess) => Promise<Found | undefined>

// The entry and its call, without a page's lists: for the forms that act on it.
const findSubmission = submissionFinderWith(() => ({}), () => ({}))

/** A submission with its challenge; anyone who may not see it gets a 404, as if it did not exist. */
export function loadSubmission(c: Context<DistritoEnv>): Promise<LoadedSubmission> {
  return loadSubmissionWith(c, findSubmission)
}

/** The same through a finder that also reads the page's own lists (see `submissionFinderWith`). */
export async function loadSubmissionWith<Found extends FoundSubmission>(c: Context<DistritoEnv>, find: Finder<Found>): Promise<Found> {
  const found = await find(c.get('db'), c.req.param('slug') ?? '', c.req.param('id') ?? '', { auth: c.get('auth'), can: c.get('can') })
  if (!found) httpError(404)
  return found
}

/** Whether the team may still change its entry: drafts while submissions are open, a submitted entry while editing is. */
export function editable(l: LoadedSubmission): boolean {
  if (!l.mine.team || l.submission.status === 'withdrawn') return false
  return l.submission.status === 'draft' ? phaseAllows(l.challenge, l.state, 'submissions') || phaseAllows(l.challenge, l.state, 'editing') : phaseAllows(l.challenge, l.state, 'editing')
}
