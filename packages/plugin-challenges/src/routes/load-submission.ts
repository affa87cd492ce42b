import type { Context } from 'hono'
import { and, eq } from 'drizzle-orm'
import { httpError, type DistritoEnv } from '@distrito/core'
import { phaseAllows } from '../domain/phases.js'
import { submissionAccess, type SubmissionAccess } from '../domain/submission-access.js'
import { type Submission, submissions } from '../schema.js'
import { loadChallengePage, type LoadedChallenge } from './load.js'

export interface LoadedSubmission extends LoadedChallenge {
  submission: Submission
  mine: SubmissionAccess
}

/** A submission with its challenge; anyone who may not see it gets a 404, as if it did not exist. */
export async function loadSubmission(c: Context<DistritoEnv>): Promise<LoadedSubmission> {
  const loaded = await loadChallengePage(c)
  const [submission] = await c.get('db').select().from(submissions).where(and(eq(submissions.id, c.req.param('id') ?? ''), eq(submissions.challengeId, loaded.challenge.id)))
  if (!submission) httpError(404)
  const mine = await submissionAccess(c.get('db'), submission, c.get('auth').user?.id, loaded.access)
  if (!mine.canView) httpError(404)
  return { ...loaded, submission, mine }
}

/** Whether the team may still change its entry: drafts while submissions are open, a submitted entry while editing is. */
export function editable(l: LoadedSubmission): boolean {
  if (!l.mine.team || l.submission.status === 'withdrawn') return false
  return l.submission.status === 'draft' ? phaseAllows(l.challenge, l.state, 'submissions') || phaseAllows(l.challenge, l.state, 'editing') : phaseAllows(l.challenge, l.state, 'editing')
}
