import { type SQLWrapper, and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Executor } from '@distrito/core'
import { prepared } from '@distrito/core/db'
import { questions, updates } from '../schema.js'

/** How many answers and updates the challenge's page shows; the rest are a link away, paginated. */
export const FAQ_ON_PAGE = 10
export const UPDATES_ON_PAGE = 5

/** Answered questions whose answer is public: the FAQ. */
export const publicAnswers = (challengeId: string | SQLWrapper) => and(eq(questions.challengeId, challengeId), eq(questions.answerVisibility, 'public'), isNotNull(questions.answeredAt))

type ChallengeId = string | SQLWrapper

/** The newest public answers and updates of a challenge, one more of each than its page shows (is there more?). */
export const latestAnswersSelect = (db: Executor, id: ChallengeId) =>
  db.select().from(questions).where(publicAnswers(id)).orderBy(desc(questions.answeredAt)).limit(FAQ_ON_PAGE + 1)
export const latestUpdatesSelect = (db: Executor, id: ChallengeId) =>
  db.select().from(updates).where(eq(updates.challengeId, id)).orderBy(desc(updates.createdAt)).limit(UPDATES_ON_PAGE + 1)

/** How many of their own questions a person sees on a challenge's page, and how many unanswered ones its staff see. */
const OWN_QUESTIONS_ON_PAGE = 50
const UNANSWERED_ON_PAGE = 100

/** A person's own questions on a challenge, newest first (their private answers with them). */
export const ownQuestionsSelect = (db: Executor, id: ChallengeId, userId: string | SQLWrapper) =>
  db.select().from(questions).where(and(eq(questions.challengeId, id), eq(questions.askedBy, userId)))
    .orderBy(desc(questions.createdAt)).limit(OWN_QUESTIONS_ON_PAGE)
/** The questions the challenge's staff have still to answer, oldest first. */
export const unansweredQuestions = prepared((db) =>
  db.select().from(questions).where(and(eq(questions.challengeId, sql.placeholder('id')), isNull(questions.answeredAt)))
    .orderBy(asc(questions.createdAt)).limit(UNANSWERED_ON_PAGE).prepare(),
)
