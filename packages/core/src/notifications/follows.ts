import { and, eq } from 'drizzle-orm'
import { follows } from '../db/schema/notifications.js'
import type { CoreServices } from '../services/types.js'

const bySubject = (userId: string, subject: { type: string; id: string }) =>
  and(eq(follows.userId, userId), eq(follows.subjectType, subject.type), eq(follows.subjectId, subject.id))

export const followService: CoreServices['follows'] = {
  async follow(executor, userId, subject) {
    await executor.insert(follows).values({ userId, subjectType: subject.type, subjectId: subject.id }).onConflictDoNothing()
  },
  async unfollow(executor, userId, subject) {
    await executor.delete(follows).where(bySubject(userId, subject))
  },
  async isFollowing(db, userId, subject) {
    const rows = await db.select({ userId: follows.userId }).from(follows).where(bySubject(userId, subject)).limit(1)
    return rows.length > 0
  },
}
