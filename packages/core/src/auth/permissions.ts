import type { OrganizationRole } from '../db/schema/memberships.js'
import type { AuthState } from './auth-state.js'

/**
 * Who a permission can be granted to. District administrators have every permission and a
 * program manager every permission of their plugin, so neither is listed.
 * - `member`: any signed-in person with a verified email.
 * - `org:owner` / `org:admin` / `org:member`: that role (or a higher one) in the organization the
 *   action concerns; by default the one the person acts for.
 */
export const GRANTEES = ['member', 'org:owner', 'org:admin', 'org:member'] as const
export type Grantee = (typeof GRANTEES)[number]

const ROLE_RANK: Record<OrganizationRole, number> = { member: 1, admin: 2, owner: 3 }
const GRANTEE_RANK: Record<Exclude<Grantee, 'member'>, number> = { 'org:member': 1, 'org:admin': 2, 'org:owner': 3 }

/** The core's own permissions, declared the way a plugin declares its own. */
export const CORE_PERMISSIONS = {
  'core:organizations.create': { label: 'core.permission.organizationsCreate', grantedTo: ['member'] },
  'core:organizations.edit': { label: 'core.permission.organizationsEdit', grantedTo: ['org:admin'] },
  'core:organizations.members': { label: 'core.permission.organizationsMembers', grantedTo: ['org:admin'] },
  'core:organizations.roles': { label: 'core.permission.organizationsRoles', grantedTo: ['org:owner'] },
  'core:organizations.verify': { label: 'core.permission.organizationsVerify', grantedTo: [] },
  'core:users.manage': { label: 'core.permission.usersManage', grantedTo: [] },
  'core:outbox.read': { label: 'core.permission.outboxRead', grantedTo: [] },
  'core:organizations.delete': { label: 'core.permission.organizationsDelete', grantedTo: ['org:owner'] },
  'core:comments.post': { label: 'core.permission.commentsPost', grantedTo: ['member'] },
  'core:comments.moderate': { label: 'core.permission.commentsModerate', grantedTo: [] },
  'core:audit.read': { label: 'core.permission.auditRead', grantedTo: [] },
  'core:events.manage': { label: 'core.permission.eventsManage', grantedTo: [] },
} as const satisfies Record<string, { label: string; grantedTo: Grantee[] }>

/** Every permission of the district, with its label and who holds it. Built once at assembly. */
export type PermissionTable = ReadonlyMap<string, { label: string; grantedTo: readonly Grantee[] }>

export function roleAtLeast(role: OrganizationRole | null | undefined, minimum: OrganizationRole): boolean {
  return role ? ROLE_RANK[role] >= ROLE_RANK[minimum] : false
}

/**
 * Whether the person may use a permission. `organizationRole` is their role in the organization
 * the action concerns; when omitted, their role in the organization they act for. Unknown
 * permissions are never granted, so a typo fails closed.
 */
export function isGranted(table: PermissionTable, auth: AuthState, permission: string, organizationRole?: OrganizationRole | null): boolean {
  const user = auth.user
  const entry = table.get(permission)
  if (!user || !entry) return false
  if (user.platformRole === 'admin') return true
  const plugin = permission.slice(0, permission.indexOf(':'))
  if (auth.managerOf.includes(plugin)) return true
  if (!user.emailVerified) return false
  const role = organizationRole === undefined ? auth.organization?.role : organizationRole
  return entry.grantedTo.some((grantee) => grantee === 'member' || (role != null && ROLE_RANK[role] >= GRANTEE_RANK[grantee]))
}
