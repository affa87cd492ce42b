import { and, desc, eq, isNotNull, sql } from 'drizzle-orm'
import { prepared } from '@distrito/core/db'
import { questions, updates } from '../schema.js'

/** How many answers and updates the challenge's page shows; the rest are a link away, paginated. */
export const FAQ_ON_PAGE = 10
export const UPDATES_ON_PAGE = 5

/** Answered questions whose answer is public: the FAQ. */
export const publicAnswers = (challengeId: string | ReturnType<typeof sql.placeholder>) => and(eq(questions.challengeId, challengeId), eq(questions.answerVisibility, 'public'), isNotNull(questions.answeredAt))

/** The newest public answers and updates of a challenge, one more of each than its page shows (is there more?). */
export const latestAnswers = prepared((db) =>
  db.select().from(questions).where(publicAnswers(sql.placeholder('id'))).orderBy(desc(questions.answeredAt)).limit(FAQ_ON_PAGE + 1).prepare(),
)
export const latestUpdates = prepared((db) =>
  db.select().from(updates).where(eq(updates.challengeId, sql.placeholder('id'))).orderBy(desc(updates.createdAt)).limit(UPDATES_ON_PAGE + 1).prepare(),
)
