import { type SQLWrapper, and, eq, sql } from 'drizzle-orm'
import type { Executor, FileService } from '@distrito/core'
import { listColumn } from '@distrito/core/db'
import { assignments, challenges, scores, submissions } from '../schema.js'
import { groupRounds, roundIdAt, roundsColumns } from './evaluation.js'
import { challengeFinderWith } from './find-challenge.js'
import { formFieldsSelect } from './submission-form.js'
import { SUBMISSION_SUBJECT } from './submission-service.js'

const currentRoundId = roundIdAt(challenges.currentRound)

/** A submitted entry of the call read (`submissionId` a placeholder), as a list of at most one. */
export const submittedEntrySelect = (db: Executor, submissionId: SQLWrapper) =>
  db.select().from(submissions).where(and(eq(submissions.id, submissionId), eq(submissions.challengeId, challenges.id), eq(submissions.status, 'submitted'))).limit(1)

/**
 * What a judge's scoring form shows, in the statement that finds the call: its rounds, the entry,
 * the judge's assignment to it in the current round and their scores so far, the call's own
 * questions and the entry's files. The entry itself is dropped unless the person is assigned to
 * it: only whether it exists is kept, to tell a 403 from a 404.
 */
export function scoringFinder(files: FileService) {
  return challengeFinderWith(
    (db, userId) => {
      const submissionId = sql.placeholder('submissionId')
      return {
        ...roundsColumns(db),
        entry: listColumn(submittedEntrySelect(db, submissionId)),
        assignment: listColumn(db.select().from(assignments).where(and(eq(assignments.roundId, currentRoundId), eq(assignments.submissionId, submissionId), eq(assignments.judgeId, userId))).limit(1)),
        scores: listColumn(db.select().from(scores).where(and(eq(scores.roundId, currentRoundId), eq(scores.submissionId, submissionId), eq(scores.judgeId, userId)))),
        fields: listColumn(formFieldsSelect(db, challenges.id)),
        files: listColumn(files.listQuery(db, { type: SUBMISSION_SUBJECT, id: submissionId })),
      }
    },
    (read) => {
      const assignment = read.assignment[0]
      const entry = assignment ? read.entry[0] : undefined
      return {
        rounds: groupRounds(read.rounds),
        entryExists: read.entry.length > 0,
        entry,
        assignment,
        scores: entry ? read.scores : [],
        fields: entry ? read.fields : [],
        files: entry ? read.files : [],
      }
    },
  )
}
