import { and, eq, isNotNull } from 'drizzle-orm'
import { questions } from '../schema.js'

/** How many answers and updates the challenge's page shows; the rest are a link away, paginated. */
export const FAQ_ON_PAGE = 10
export const UPDATES_ON_PAGE = 5

/** Answered questions whose answer is public: the FAQ. */
export const publicAnswers = (challengeId: string) => and(eq(questions.challengeId, challengeId), eq(questions.answerVisibility, 'public'), isNotNull(questions.answeredAt))
