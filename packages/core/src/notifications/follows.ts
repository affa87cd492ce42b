import { and, eq, sql } from 'drizzle-orm'
import { prepared } from '../db/prepared.js'
import { follows } from '../db/schema/notifications.js'
import type { CoreServices } from '../services/types.js'

const bySubject = (userId: string, subject: { type: string; id: string }) =>
  and(eq(follows.userId, userId), eq(follows.subjectType, subject.type), eq(follows.subjectId, subject.id))

const followOf = prepared((db) =>
  db.select({ userId: follows.userId }).from(follows)
    .where(and(eq(follows.userId, sql.placeholder('userId')), eq(follows.subjectType, sql.placeholder('type')), eq(follows.subjectId, sql.placeholder('id'))))
    .limit(1)
    .prepare(),
)

export const followService: CoreServices['follows'] = {
  async follow(executor, userId, subject) {
    await executor.insert(follows).values({ userId, subjectType: subject.type, subjectId: subject.id }).onConflictDoNothing()
  },
  async unfollow(executor, userId, subject) {
    await executor.delete(follows).where(bySubject(userId, subject))
  },
  async isFollowing(db, userId, subject) {
    const rows = await followOf(db).all({ userId, type: subject.type, id: subject.id })
    return rows.length > 0
  },
}
