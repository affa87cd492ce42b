import { and, eq, inArray } from 'drizzle-orm'
import { memberships } from '../db/schema/memberships.js'
import { organizations } from '../db/schema/organizations.js'
import { users } from '../db/schema/users.js'
import type { Executor } from '../db/transaction.js'
import { verificationWorkflow } from '../organizations/verification/workflow.js'
import type { Participant } from '../services/create-services.js'
import type { SubjectSummary } from '../subjects/types.js'

async function describeOrganizations(ids: readonly string[], db: Executor, path = ''): Promise<Map<string, SubjectSummary>> {
  const rows = await db.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).where(inArray(organizations.id, [...ids]))
  return new Map(rows.map((r) => [r.id, { title: r.name, href: `/orgs/${r.slug}${path}` }]))
}

/** What the core itself declares to the engine, exactly as a plugin would. */
export const coreDeclarations: Participant['definition'] = {
  subjects: {
    // People, as the audit log names them: seen by those who manage users.
    user: {
      canView: async (_id, access) => access.can('core:users.manage', null),
      async describe(ids, db) {
        const rows = await db.select({ id: users.id, name: users.name, deletedAt: users.deletedAt }).from(users).where(inArray(users.id, [...ids]))
        return new Map(rows.map((r) => [r.id, { title: r.deletedAt ? '—' : r.name, href: `/admin/users/${r.id}` }]))
      },
    },
    organization: {
      // The directory is public.
      canView: async () => true,
      describe: (ids, db) => describeOrganizations(ids, db),
    },
    verification: {
      // The organization's conversation with the district's team about its request.
      commentable: true,
      async canView(id, access, db) {
        const user = access.auth.user
        if (!user) return false
        if (access.can('core:organizations.verify', null)) return true
        const rows = await db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.organizationId, id), eq(memberships.userId, user.id)))
        return rows.length > 0
      },
      describe: (ids, db) => describeOrganizations(ids, db, '/verification'),
    },
  },
  workflows: [verificationWorkflow],
  notifications: {
    verification: { label: 'core.notifications.kind.verification', email: true },
    membership: { label: 'core.notifications.kind.membership', email: true },
    comment: { label: 'core.notifications.kind.comment', email: true },
    reply: { label: 'core.notifications.kind.reply', email: true },
    report: { label: 'core.notifications.kind.report', email: false },
  },
}
