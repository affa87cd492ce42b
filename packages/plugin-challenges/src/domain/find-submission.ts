import { type SQL, type SQLWrapper, and, eq, sql } from 'drizzle-orm'
import type { Executor, SubjectAccess } from '@distrito/core'
import { type Database, listColumn } from '@distrito/core/db'
import { challenges, type Submission, submissions } from '../schema.js'
import { type FoundChallenge, type ValuesOf, challengeFinderWith } from './find-challenge.js'
import { entryRelationColumns, type SubmissionAccess, submissionAccessOf } from './submission-access.js'

/** An entry with its call, and what the person is to both. */
export interface FoundSubmission extends FoundChallenge {
  submission: Submission
  mine: SubmissionAccess
}

/**
 * A finder for one page of an entry (the `submissionId` placeholder) of the call found by slug:
 * the call, the entry, what the person is to each, and the page's own lists or numbers (which may
 * refer to `challenges.id` and to `submissionId`), in one statement. `shape` turns what was read
 * into what the page uses; it runs only for a person who may see the entry, so nothing of it
 * reaches anyone else.
 */
export function submissionFinderWith<Columns extends Record<string, SQL>, Lists>(
  columns: (db: Executor, userId: SQLWrapper, submissionId: SQLWrapper) => Columns,
  shape: (read: ValuesOf<Columns>, found: FoundSubmission) => Lists,
) {
  const find = challengeFinderWith(
    (db, userId) => {
      const submissionId = sql.placeholder('submissionId')
      return {
        entry: listColumn(db.select().from(submissions).where(and(eq(submissions.id, submissionId), eq(submissions.challengeId, challenges.id))).limit(1)),
        ...entryRelationColumns(submissionId, userId),
        ...columns(db, userId, submissionId),
      }
    },
    (read, found, who) => {
      const submission = read.entry[0]
      return submission ? { submission, mine: submissionAccessOf(submission, who.auth.user?.id, found.access, read), read } : undefined
    },
  )
  return async (db: Database, slug: string, submissionId: string, who: SubjectAccess): Promise<(FoundSubmission & { lists: Lists }) | undefined> => {
    const found = await find(db, slug, who, { submissionId })
    // The call first, as for any of its pages: an entry of a call the person may not see is not there.
    if (!found?.access.canView || !found.lists?.mine.canView) return undefined
    // The found call becomes the entry's, without copies (see `challengeItemOf` in workflow.ts); its
    // lists are replaced by the entry's below.
    const { lists } = found
    const entry: FoundSubmission = Object.assign(found, { submission: lists.submission, mine: lists.mine })
    return Object.assign(entry, { lists: shape(lists.read as unknown as ValuesOf<Columns>, entry) })
  }
}
