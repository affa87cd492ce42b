import type { Executor } from '../db/transaction.js'
import type { RegisteredSubject, SubjectAccess, SubjectSummary } from './types.js'

export interface SubjectRegistry {
  get(type: string): RegisteredSubject | undefined
  /** The subject types a plugin owns. */
  ofPlugin(plugin: string): string[]
  canView(type: string, id: string, access: SubjectAccess, db: Executor): Promise<boolean>
  canModerate(type: string, id: string, access: SubjectAccess, db: Executor): Promise<boolean>
  /** Titles and links of mixed items, one query per subject type. */
  describe(items: readonly { type: string; id: string }[], db: Executor): Promise<Map<string, SubjectSummary>>
}

export const subjectKey = (type: string, id: string): string => `${type}:${id}`

export function createSubjectRegistry(subjects: readonly RegisteredSubject[]): SubjectRegistry {
  const byType = new Map(subjects.map((s) => [s.type, s]))
  return {
    get: (type) => byType.get(type),
    ofPlugin: (plugin) => subjects.filter((s) => s.plugin === plugin).map((s) => s.type),
    async canView(type, id, access, db) {
      const subject = byType.get(type)
      return subject ? subject.canView(id, access, db) : false
    },
    async canModerate(type, id, access, db) {
      const subject = byType.get(type)
      if (!subject || !access.auth.user) return false
      if (access.auth.user.platformRole === 'admin' || access.auth.managerOf.includes(subject.plugin)) return true
      return subject.canModerate ? subject.canModerate(id, access, db) : false
    },
    async describe(items, db) {
      const out = new Map<string, SubjectSummary>()
      const idsByType = new Map<string, Set<string>>()
      for (const { type, id } of items) {
        if (!idsByType.has(type)) idsByType.set(type, new Set())
        idsByType.get(type)!.add(id)
      }
      for (const [type, ids] of idsByType) {
        const subject = byType.get(type)
        if (!subject) continue
        const found = await subject.describe([...ids], db)
        for (const [id, summary] of found) out.set(subjectKey(type, id), summary)
      }
      return out
    },
  }
}
